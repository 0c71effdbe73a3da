import Foundation
import HeraldCore

/// RFC 5322 dates as found in reports ("Tue, 3 Jun 2025 10:15:02 +0000 (UTC)": weekday optional,
/// comments dropped, seconds optional), read by hand: no locale, formatter or time zone database is
/// consulted, so a hostile report cannot make the parse slow, and a date that is not one is nil.
enum ReportDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    /// RFC 5322's obsolete zone names, in hours east of UTC.
    static let namedZones: [String: Int] = [
        "ut": 0, "gmt": 0, "z": 0, "edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7, "pdt": -7,
        "pst": -8,
    ]

    static func parse(_ text: String) -> Date? {
        var value = text.trimmedSpaces
        if let comment = value.firstIndex(of: "(") { value = value[..<comment].trimmedSpaces }
        if let comma = value.firstIndex(of: ",") { value = value[value.index(after: comma)...].trimmedSpaces }
        let tokens = value.split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard tokens.count == 5, let day = number(tokens[0], digits: 1...2),
            let month = months.firstIndex(of: tokens[1].lowercased()), let year = year(tokens[2]),
            let days = CivilDate.validDays(year, month + 1, day), let time = timeOfDay(tokens[3]),
            let zone = zone(tokens[4])
        else { return nil }
        return Date(timeIntervalSince1970: Double(days * 86_400 + time - zone))
    }

    /// A 4-digit year, or an obsolete 2-digit one (00–49 → 2000s, 50–99 → 1900s).
    private static func year(_ token: Substring) -> Int? {
        guard let year = number(token, digits: 2...4), token.count != 3 else { return nil }
        guard token.count == 2 else { return year }
        return year < 50 ? 2000 + year : 1900 + year
    }

    /// `HH:MM` or `HH:MM:SS` as seconds into the day (a leap second 60 is allowed).
    private static func timeOfDay(_ token: Substring) -> Int? {
        let parts = token.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let hour = number(parts[0], digits: 2...2), hour < 24,
            let minute = number(parts[1], digits: 2...2), minute < 60
        else { return nil }
        let second = parts.count == 3 ? number(parts[2], digits: 2...2) : 0
        guard let second, second <= 60 else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    /// `+hhmm` / `-hhmm` or an obsolete zone name, in seconds east of UTC.
    private static func zone(_ token: Substring) -> Int? {
        if let hours = namedZones[token.lowercased()] { return hours * 3600 }
        guard let sign = token.first, sign == "+" || sign == "-", let value = number(token.dropFirst(), digits: 4...4),
            value % 100 < 60
        else { return nil }
        return (sign == "-" ? -1 : 1) * (value / 100 * 3600 + value % 100 * 60)
    }

    /// The ASCII digits of `token` as a number, when it has `digits` of them and nothing else.
    private static func number(_ token: Substring, digits: ClosedRange<Int>) -> Int? {
        guard digits.contains(token.utf8.count), token.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        return token.utf8.reduce(0) { $0 * 10 + Int($1 - 48) }
    }
}
