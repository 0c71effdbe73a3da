import Foundation
import HeraldCore

/// Parses the dates an import accepts: `YYYY-MM-DD`, optionally with `T` or a space and
/// `HH:MM[:SS[.fff]]`, optionally `Z` or `±HH:MM` (UTC when absent).
enum ImportDate {
    /// The instants `format` can write (years 0000…9999 in UTC), so every imported date exports and
    /// imports back: a zone offset must not move a date at either end into year -1 or 10000.
    static let representable =
        Double(CivilDate.days(0, 1, 1)) * 86_400..<Double(CivilDate.days(10_000, 1, 1)) * 86_400

    static func parse(_ text: String) -> Date? {
        var scanner = DigitScanner(Array(text.utf8))
        guard let year = scanner.number(4), scanner.skip("-"), let month = scanner.number(2), scanner.skip("-"),
            // A day the month does not have (2023-02-29, 2026-04-31) is refused, not moved into the next month.
            let day = scanner.number(2), let days = CivilDate.validDays(year, month, day)
        else { return nil }
        var seconds = Double(days) * 86_400
        if scanner.skip("T") || scanner.skip(" ") {
            guard let hour = scanner.number(2), scanner.skip(":"), let minute = scanner.number(2), hour < 24,
                minute < 60
            else { return nil }
            var second = 0
            if scanner.skip(":") {
                guard let value = scanner.number(2), value < 61 else { return nil }
                second = value
                if scanner.skip(".") { guard scanner.fraction() != nil else { return nil } }
            }
            seconds += Double(hour * 3600 + minute * 60 + second)
            guard let offset = scanner.zone() else { return nil }
            seconds -= Double(offset)
        }
        guard scanner.atEnd, representable.contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// `date` as `YYYY-MM-DDTHH:MM:SSZ` (UTC), as the export writes it.
    static func format(_ date: Date) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down))
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        let (year, month, day) = CivilDate.civil(fromDays: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return
            "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60))Z"
    }
}

/// A cursor over ASCII digits and punctuation.
struct DigitScanner {
    let bytes: [UInt8]
    var index = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool { index == bytes.count }

    mutating func skip(_ character: Unicode.Scalar) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
        index += 1
        return true
    }

    mutating func number(_ digits: Int) -> Int? {
        guard index + digits <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[index..<(index + digits)] {
            guard (48...57).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 48)
        }
        index += digits
        return value
    }

    mutating func fraction() -> Int? {
        let start = index
        while index < bytes.count, (48...57).contains(bytes[index]) { index += 1 }
        return index > start ? index - start : nil
    }

    /// Seconds east of UTC: `Z`, `±HH:MM`, or nothing (UTC).
    mutating func zone() -> Int? {
        if atEnd || skip("Z") { return 0 }
        let sign: Int
        if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
        guard let hours = number(2), skip(":"), let minutes = number(2), hours < 24, minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
