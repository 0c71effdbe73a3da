/// The parts of an RFC 822 date seen so far.
struct RFC822Fields {
    var day: Int?
    var month: Int?
    var year: Int?
    var time: (hour: Int, minute: Int, second: Int)?
    var offset: Int?

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
        "pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10, "bst": 1, "wet": 0, "west": 1, "cet": 1,
        "cest": 2, "met": 1, "mest": 2, "eet": 2, "eest": 3, "msk": 3, "jst": 9, "kst": 9, "aest": 10, "aedt": 11,
    ]

    /// Takes one whitespace-separated token; false when it cannot be part of a date.
    mutating func read(_ token: Substring) -> Bool {
        let lower = token.lowercased()
        if lower.contains(":"), time == nil, let parsed = Self.time(lower) {
            time = parsed
            return true
        }
        if lower.first == "+" || (lower.first == "-" && lower.dropFirst().allSatisfy({ $0.isNumber || $0 == ":" })) {
            var scanner = DateScanner(lower)
            guard offset == nil, let value = scanner.zoneOffset(), scanner.isAtEnd else { return false }
            offset = value
            return true
        }
        if lower.contains("-") {  // RFC 850: 10-Jun-03
            return lower.split(separator: "-").allSatisfy { read($0) }
        }
        if lower.allSatisfy(\.isNumber) { return readNumber(lower) }
        if lower.allSatisfy(\.isLetter) { return readWord(lower) }
        return false
    }

    private mutating func readNumber(_ digits: String) -> Bool {
        guard let value = Int(digits) else { return false }
        if day == nil, digits.count <= 2, year == nil || month != nil {
            day = value
        } else if year == nil, digits.count == 4 || digits.count == 2 {
            year = value
        } else {
            return false
        }
        return true
    }

    private mutating func readWord(_ word: String) -> Bool {
        let prefix = String(word.prefix(3))
        if word.count >= 3, let index = Self.months.firstIndex(of: prefix), month == nil {
            month = index + 1
        } else if word.count >= 3, Self.weekdays.contains(prefix), !Self.zones.keys.contains(word) {
            // the weekday is redundant
        } else if let hours = Self.zones[word], offset == nil {
            offset = hours * 3_600
        } else if word == "am" || word == "pm", let current = time {
            let hour = current.hour % 12 + (word == "pm" ? 12 : 0)
            time = (hour, current.minute, current.second)
        } else {
            return false
        }
        return true
    }

    /// `04:00`, `4:00:00`, `04:00:00.000`.
    private static func time(_ text: String) -> (hour: Int, minute: Int, second: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), let hour = Int(parts[0]), parts[1].count == 2, let minute = Int(parts[1])
        else { return nil }
        var second = 0
        if parts.count == 3 {
            guard let whole = Int(parts[2].prefix { $0 != "." }) else { return nil }
            second = whole
        }
        return (hour, minute, second)
    }
}
