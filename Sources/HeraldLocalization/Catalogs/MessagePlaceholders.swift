/// The placeholders of a message: `{name}` or `{newsletter.title}` (lowercase letters, digits,
/// `_` and `.`), filled by the page or mail that shows the message.
public enum MessagePlaceholders {
    /// One piece of a message: literal text or a placeholder name.
    public enum Piece: Sendable, Equatable {
        case text(String)
        case placeholder(String)
    }

    /// `message` split into text and placeholders; a `{` that does not start a placeholder is text.
    public static func pieces(_ message: String) -> [Piece] {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let after = rest[rest.index(after: open)...]
            let name = after.prefix { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_" || $0 == ".") }
            let end = after.index(after.startIndex, offsetBy: name.count, limitedBy: after.endIndex)
            if !name.isEmpty, let end, end < after.endIndex, after[end] == "}" {
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(.placeholder(String(name)))
                rest = after[after.index(after: end)...]
            } else {
                text += "{"
                rest = after
            }
        }
        text += rest
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    /// The placeholder names of `message`, sorted and without repeats.
    public static func names(in message: String) -> [String] {
        Set(pieces(message).compactMap { if case .placeholder(let name) = $0 { name } else { nil } }).sorted()
    }
}
