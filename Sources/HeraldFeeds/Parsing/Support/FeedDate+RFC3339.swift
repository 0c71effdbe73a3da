import Foundation

extension FeedDate {
    /// `2024-05-01T09:30:00Z`, `2024-05-01T09:30:00.123+03:00`, also with a space or lower-case
    /// `t`, without seconds, with a `+0300`/`+03` offset, without a zone (read as UTC), or a date alone.
    static func rfc3339(_ text: String) -> Date? {
        var scanner = DateScanner(text)
        guard let year = scanner.number(digits: 4), scanner.skip("-"), let month = scanner.number(digits: 2),
            scanner.skip("-"), let day = scanner.number(digits: 2)
        else { return nil }
        if scanner.isAtEnd { return date(year: year, month: month, day: day) }
        guard scanner.skip("T") || scanner.skip("t") || scanner.skip(" "), let hour = scanner.number(digits: 2),
            scanner.skip(":"), let minute = scanner.number(digits: 2)
        else { return nil }
        var second = 0.0
        if scanner.skip(":") {
            guard let whole = scanner.number(digits: 2) else { return nil }
            second = Double(whole) + scanner.fraction()
        }
        scanner.skipSpaces()
        guard let offset = scanner.isAtEnd ? 0 : scanner.zoneOffset(), scanner.isAtEnd else { return nil }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }
}
