import Foundation

/// Reads the date formats feeds use: RFC 822/1123 (RSS, with the usual sloppiness: missing
/// seconds or weekday, named or numeric zones, two-digit years, full month names) and RFC 3339
/// (Atom, JSON Feed, `dc:date`). Either format is accepted in any field, since feeds mix them up.
enum FeedDate {
    /// The instant `text` names, or nil when it is not a recognisable date.
    static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count < 100 else { return nil }
        return rfc3339(trimmed) ?? rfc822(trimmed)
    }

    /// A calendar date and time of day in the proleptic Gregorian calendar, shifted by `offset`
    /// seconds east of UTC; nil when a field is out of range.
    static func date(
        year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Double = 0, offset: Int = 0
    ) -> Date? {
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day), (0...24).contains(hour),
            (0...59).contains(minute), second >= 0, second < 61, hour < 24 || (minute == 0 && second == 0)
        else { return nil }
        let days = daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 - offset) + min(second, 59.999)
        return Date(timeIntervalSince1970: seconds)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given date (negative before it).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
