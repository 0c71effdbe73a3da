import Foundation

extension FeedDate {
    /// `Tue, 10 Jun 2003 04:00:00 GMT` and its common variants: no weekday, no seconds, full
    /// month or weekday names, one-digit hours, two-digit years, `+0200`/`-05:00` offsets, North
    /// American and European zone names, RFC 850's `10-Jun-03`, no zone at all (read as UTC).
    static func rfc822(_ text: String) -> Date? {
        var fields = RFC822Fields()
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
        for token in tokens {
            guard fields.read(token) else { return nil }
        }
        guard let day = fields.day, let month = fields.month, var year = fields.year, let time = fields.time else {
            return nil
        }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        return date(
            year: year, month: month, day: day, hour: time.hour, minute: time.minute, second: Double(time.second),
            offset: fields.offset ?? 0)
    }
}
