/// The addresses a report message was delivered to, read from the header its last mail server
/// added (Postfix: `X-Original-To`, `Delivered-To`; Exim: `Envelope-To`) or, failing those, `To`.
enum DeliveredTo {
    /// The header fields read, in order of trust.
    static let fields = ["x-original-to", "delivered-to", "envelope-to", "to"]
    /// The most addresses kept.
    static let maximum = 20

    static func addresses(in header: HeaderBlock) -> [String] {
        var found: [String] = []
        for name in fields {
            for field in header.fields where field.name == name {
                for item in field.value.split(separator: ",") where found.count < maximum {
                    if let address = address(in: item) { found.append(address) }
                }
            }
        }
        return found
    }

    /// `Name <a@b>` or `a@b` → `a@b`; nil when there is no `@`.
    private static func address(in item: Substring) -> String? {
        var text = item
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            text = text[text.index(after: open)..<close]
        }
        let trimmed = text.trimmingCharacters(in: " \t")
        guard trimmed.contains("@"), trimmed.utf8.count <= 320 else { return nil }
        return trimmed
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
