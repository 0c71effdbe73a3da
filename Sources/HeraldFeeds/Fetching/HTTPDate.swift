import Foundation

/// The HTTP date format (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110 §5.6.7 IMF-fixdate).
///
/// Computed from the seconds since 1970 with the proleptic Gregorian calendar rather than with a
/// `DateFormatter`, which opens ICU's locale, calendar and date-pattern data for a format that has no
/// locale and no time zone (`herald digest send` formats every feed file's modification time). The
/// tests compare it with that formatter.
enum HTTPDate {
    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date's IMF-fixdate, to the whole second below it; years before 1 or after 9999 are clamped.
    static func format(_ date: Date) -> String {
        let lowest = -62_135_596_800.0  // 0001-01-01T00:00:00Z
        let highest = 253_402_300_799.0  // 9999-12-31T23:59:59Z
        let seconds = Int64(min(max(date.timeIntervalSince1970.rounded(.down), lowest), highest))
        let (days, second) = floorDivision(seconds, 86_400)
        let (year, month, day) = civilDate(daysSince1970: days)
        let weekday = weekdays[Int(floorDivision(days, 7).remainder)]
        return "\(weekday), \(digits(day, 2)) \(months[month - 1]) \(digits(year, 4)) "
            + "\(digits(Int(second / 3600), 2)):\(digits(Int(second / 60 % 60), 2)):\(digits(Int(second % 60), 2)) GMT"
    }

    /// Year, month (1–12) and day (1–31) of the day `daysSince1970` days after 1970-01-01, counted in
    /// 400-year eras of 146,097 days that start on 1 March, so leap days fall at each year's end.
    static func civilDate(daysSince1970: Int64) -> (year: Int, month: Int, day: Int) {
        let (era, dayOfEra) = floorDivision(daysSince1970 + 719_468, 146_097)
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0 is March
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (Int(year), Int(month), Int(day))
    }

    private static func floorDivision(_ value: Int64, _ divisor: Int64) -> (quotient: Int64, remainder: Int64) {
        let remainder = (value % divisor + divisor) % divisor
        return ((value - remainder) / divisor, remainder)
    }

    private static func digits(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
