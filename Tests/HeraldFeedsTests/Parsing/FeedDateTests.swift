import Foundation
import Testing

@testable import HeraldFeeds

@Suite("Feed dates")
struct FeedDateTests {
    /// 2024-05-01T09:30:00Z.
    static let nineThirty: TimeInterval = 1_714_555_800

    @Test(
        "RFC 822 and its variants",
        arguments: [
            ("Wed, 01 May 2024 09:30:00 GMT", 0),
            ("Wed, 01 May 2024 09:30:00 +0000", 0),
            ("Wed, 01 May 2024 12:30:00 +0300", 0),
            ("Wed, 01 May 2024 12:30:00 EEST", 0),
            ("Wed, 01 May 2024 04:30:00 EST", 0),
            ("Wed, 01 May 2024 02:30:00 PDT", 0),
            ("Wed, 01 May 2024 04:30:00 -05:00", 0),
            ("01 May 2024 09:30 UT", 0),
            ("Wed, 1 May 2024 9:30:00 Z", 0),
            ("Wednesday, 01 May 2024 09:30:00 GMT", 0),
            ("Wed, 01 May 24 09:30:00 GMT", 0),
            ("Wed, 01-May-24 09:30:00 GMT", 0),
            ("Wed, 01 May 2024 09:30:00", 0),
            ("Wed,01 May 2024 09:30:00 GMT", 0),
            ("May 1, 2024 09:30:00 GMT", 0),
            ("Wed, 01 May 2024 09:30:45 GMT", 45),
        ])
    func rfc822(text: String, extraSeconds: Int) {
        #expect(FeedDate.parse(text) == Date(timeIntervalSince1970: Self.nineThirty + TimeInterval(extraSeconds)))
    }

    @Test(
        "RFC 3339 and its variants",
        arguments: [
            ("2024-05-01T09:30:00Z", 0.0),
            ("2024-05-01T12:30:00+03:00", 0),
            ("2024-05-01T12:30:00+0300", 0),
            ("2024-05-01T05:30:00-04:00", 0),
            ("2024-05-01t09:30:00z", 0),
            ("2024-05-01 09:30:00Z", 0),
            ("2024-05-01T09:30Z", 0),
            ("2024-05-01T09:30:00", 0),
            ("2024-05-01T09:30:00.250Z", 0.25),
            ("2024-05-01T09:30:59.999999Z", 59.999),
        ])
    func rfc3339(text: String, extraSeconds: Double) throws {
        let date = try #require(FeedDate.parse(text))
        #expect(abs(date.timeIntervalSince1970 - (Self.nineThirty + extraSeconds)) < 0.001)
    }

    @Test func aDateAloneIsMidnightUTC() {
        #expect(FeedDate.parse("2024-05-01") == Date(timeIntervalSince1970: 1_714_521_600))
        #expect(FeedDate.parse("2024-02-29") == Date(timeIntervalSince1970: 1_709_164_800))
    }

    @Test func datesBeforeTheYear2000() {
        #expect(FeedDate.parse("Fri, 31 Dec 99 23:59:59 GMT") == Date(timeIntervalSince1970: 946_684_799))
    }

    @Test(
        "nonsense is nil",
        arguments: [
            "", "not a date", "2024-13-01T00:00:00Z", "2023-02-29", "2024-05-01T25:00:00Z",
            "Wed, 31 Feb 2024 10:00:00 GMT",
            "Wed, 01 May 2024", "yesterday at noon", "2024-05-01T09:30:00+25:00", "1714555800",
        ])
    func rejects(text: String) {
        #expect(FeedDate.parse(text) == nil)
    }
}
