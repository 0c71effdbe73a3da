/// A small, forgiving HTML tokenizer following the HTML 5 rules that matter for safety: how tags,
/// attributes, comments and raw-text elements (`script`, `style`, `textarea`, …) begin and end,
/// so that it splits untrusted markup the way a browser would. It never fails: whatever is not
/// markup is text. Tree building is left to the consumer.
struct HTMLTokenizer: Sequence, IteratorProtocol {
    let bytes: [UInt8]
    var position = 0
    /// Set after a raw-text element's start tag: its content is text up to `</name`.
    private var rawTextElement: String?

    /// Elements whose content is not markup, up to their end tag (HTML "raw text"/"RCDATA").
    static let rawTextElements: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title", "plaintext",
    ]

    init(_ html: String) {
        bytes = Array(html.utf8)
    }

    mutating func next() -> HTMLToken? {
        if let element = rawTextElement {
            rawTextElement = nil
            if let text = rawText(until: element) { return text }
        }
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<"), startsMarkup(at: position) else { return text() }
            if let token = markup() {
                if case .startTag(let name, _, _) = token, Self.rawTextElements.contains(name) { rawTextElement = name }
                return token
            }
        }
        return nil
    }

    /// Whether the `<` at `index` opens a tag, end tag, comment or declaration (else it is text).
    private func startsMarkup(at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        return next.isASCIILetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
    }

    private mutating func text() -> HTMLToken {
        let start = position
        position += 1
        while position < bytes.count, !(bytes[position] == UInt8(ascii: "<") && startsMarkup(at: position)) {
            position += 1
        }
        return .text(HTMLEntities.decode(bytes[start..<position]))
    }

    /// Content of a raw-text element up to (not including) its end tag, or to the end of input.
    private mutating func rawText(until element: String) -> HTMLToken? {
        let start = position
        let name = Array(element.utf8)
        var end = bytes.count
        if element != "plaintext" {
            var index = start
            while index + 1 + name.count < bytes.count {
                if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/"),
                    matchesName(name, at: index + 2)
                {
                    end = index
                    break
                }
                index += 1
            }
        }
        position = end
        guard end > start else { return nil }
        let decodes = element == "textarea" || element == "title"
        return .text(
            decodes ? HTMLEntities.decode(bytes[start..<end]) : String(decoding: bytes[start..<end], as: UTF8.self))
    }

    /// `name` (case-insensitively) at `index`, followed by whitespace, `/`, `>` or the end.
    private func matchesName(_ name: [UInt8], at index: Int) -> Bool {
        guard index + name.count <= bytes.count else { return false }
        for (offset, byte) in name.enumerated() where bytes[index + offset] | 0x20 != byte { return false }
        let after = index + name.count
        return after == bytes.count || bytes[after].isHTMLWhitespace || bytes[after] == UInt8(ascii: "/")
            || bytes[after] == UInt8(ascii: ">")
    }

    /// Reads the markup at `position` (a `<`); nil for comments and declarations, which are skipped.
    private mutating func markup() -> HTMLToken? {
        let next = bytes[position + 1]
        if next == UInt8(ascii: "!") {
            if hasPrefix("<!--") { skipComment() } else { skip(through: UInt8(ascii: ">")) }
            return nil
        }
        if next == UInt8(ascii: "?") {
            skip(through: UInt8(ascii: ">"))
            return nil
        }
        if next == UInt8(ascii: "/") {
            guard position + 2 < bytes.count, bytes[position + 2].isASCIILetter else {
                skip(through: UInt8(ascii: ">"))  // `</>` and `</3` are dropped like comments
                return nil
            }
            position += 2
            let name = tagName()
            _ = attributes()  // browsers parse and ignore them; quotes can hide a `>`
            return .endTag(name: name)
        }
        position += 1
        let name = tagName()
        guard let (attributes, selfClosing) = attributes() else { return nil }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private func hasPrefix(_ text: String) -> Bool {
        let prefix = Array(text.utf8)
        return position + prefix.count <= bytes.count && Array(bytes[position..<(position + prefix.count)]) == prefix
    }

    /// Skips `<!-- … -->`; `<!-->` and `<!--->` end at once, an unclosed comment runs to the end.
    private mutating func skipComment() {
        var index = position + 4
        if index < bytes.count, bytes[index] == UInt8(ascii: ">") {
            position = index + 1
            return
        }
        if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: ">") {
            position = index + 2
            return
        }
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"),
                bytes[index + 2] == UInt8(ascii: ">")
            {
                position = index + 3
                return
            }
            index += 1
        }
        position = bytes.count
    }

    private mutating func skip(through byte: UInt8) {
        while position < bytes.count, bytes[position] != byte { position += 1 }
        position = Swift.min(position + 1, bytes.count)
    }

    private mutating func tagName() -> String {
        let start = position
        while position < bytes.count, !isNameEnd(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
    }

    private func isNameEnd(_ byte: UInt8) -> Bool {
        byte.isHTMLWhitespace || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">")
    }
}
