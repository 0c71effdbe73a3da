extension HTMLTokenizer {
    /// Reads attributes up to and including the tag's `>`. Nil when the input ends inside the tag
    /// (browsers drop such a tag).
    mutating func attributes() -> (attributes: [HTMLAttribute], selfClosing: Bool)? {
        var attributes: [HTMLAttribute] = []
        var selfClosing = false
        while true {
            while position < bytes.count, bytes[position].isHTMLWhitespace { position += 1 }
            guard position < bytes.count else { return nil }
            switch bytes[position] {
            case UInt8(ascii: ">"):
                position += 1
                return (attributes, selfClosing)
            case UInt8(ascii: "/"):
                position += 1
                selfClosing = position < bytes.count && bytes[position] == UInt8(ascii: ">")
            default:
                selfClosing = false
                let attribute = attribute()
                if !attributes.contains(where: { $0.name == attribute.name }) { attributes.append(attribute) }
            }
        }
    }

    private mutating func attribute() -> HTMLAttribute {
        let start = position
        position += 1  // a leading `=` belongs to the name, as in browsers
        while position < bytes.count, !isAttributeNameEnd(bytes[position]) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
        var index = position
        while index < bytes.count, bytes[index].isHTMLWhitespace { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
            return HTMLAttribute(name: name, value: "")
        }
        position = index + 1
        while position < bytes.count, bytes[position].isHTMLWhitespace { position += 1 }
        return HTMLAttribute(name: name, value: attributeValue())
    }

    private mutating func attributeValue() -> String {
        guard position < bytes.count else { return "" }
        let quote = bytes[position]
        let start: Int
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            position += 1
            start = position
            while position < bytes.count, bytes[position] != quote { position += 1 }
            defer { position = Swift.min(position + 1, bytes.count) }
            return HTMLEntities.decode(bytes[start..<position], inAttribute: true)
        }
        start = position
        while position < bytes.count, !bytes[position].isHTMLWhitespace, bytes[position] != UInt8(ascii: ">") {
            position += 1
        }
        return HTMLEntities.decode(bytes[start..<position], inAttribute: true)
    }

    private func isAttributeNameEnd(_ byte: UInt8) -> Bool {
        byte.isHTMLWhitespace || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
    }
}
