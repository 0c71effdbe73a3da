import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldFeeds

@Suite("The HTTP date of a feed file's modification time")
struct HTTPDateTests {
    /// ICU's formatter, as `HTTPDate` used before: the reference the arithmetic must match.
    private static func icuFormat(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }

    @Test func knownInstants() {
        let cases: [(Double, String)] = [
            (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),  // RFC 9110's example
            (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
            (-1, "Wed, 31 Dec 1969 23:59:59 GMT"),
            (-0.25, "Wed, 31 Dec 1969 23:59:59 GMT"),
            (951_782_399.999, "Mon, 28 Feb 2000 23:59:59 GMT"),
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
            (4_107_542_400, "Mon, 01 Mar 2100 00:00:00 GMT"),  // 2100 is not a leap year
            (13_574_563_200, "Tue, 29 Feb 2400 00:00:00 GMT"),
            (253_402_300_799, "Fri, 31 Dec 9999 23:59:59 GMT"),
            (-62_135_596_800, "Mon, 01 Jan 0001 00:00:00 GMT"),
        ]
        for (seconds, expected) in cases {
            #expect(HTTPDate.format(Date(timeIntervalSince1970: seconds)) == expected, "\(seconds)")
        }
    }

    @Test func outOfRangeInstantsAreClamped() {
        #expect(HTTPDate.format(Date(timeIntervalSince1970: 1e15)) == "Fri, 31 Dec 9999 23:59:59 GMT")
        #expect(HTTPDate.format(Date(timeIntervalSince1970: -1e15)) == "Mon, 01 Jan 0001 00:00:00 GMT")
        #expect(HTTPDate.format(.distantFuture) == Self.icuFormat(.distantFuture))  // 4001-01-01
    }

    /// From the Gregorian reform on (ICU's calendar is Julian before 15 October 1582): every day
    /// boundary of 1969–1973 and 20,000 seeded instants up to 9999 give ICU's text.
    @Test func agreesWithICUFromTheGregorianReformTo9999() {
        var generator = SeededRandomNumberGenerator(seed: 0x4854_5450)
        let reform = -12_219_292_800.0  // 1582-10-15T00:00:00Z
        var instants = stride(from: -86_400.0 * 366, to: 86_400 * 1_100, by: 86_400).flatMap { [$0 - 1, $0] }
        for _ in 0..<20_000 {
            instants.append(Double.random(in: reform..<253_402_300_799, using: &generator).rounded(.down))
        }
        for instant in instants {
            let date = Date(timeIntervalSince1970: instant)
            #expect(HTTPDate.format(date) == Self.icuFormat(date), "\(instant)")
        }
    }
}
