/// Many feeds use HTML entity names such as `&nbsp;` or `&mdash;` directly in their XML, which
/// XML does not define and libxml2 rejects. This rewrites each such reference as the equivalent
/// numeric reference (`&#160;`) before parsing, leaving CDATA sections, comments, XML's own five
/// entities and anything unknown untouched. Documents that declare entities are left alone.
package enum XMLEntityRepair {
    /// `bytes` with every HTML-only entity reference outside CDATA sections and comments made numeric.
    package static func replacingHTMLEntities(in bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "&")), !contains(Array("<!ENTITY".utf8), in: bytes, from: 0) else {
            return bytes
        }
        var output: [UInt8] = []
        var copied = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "<"):
                index = skipSection(in: bytes, at: index)
            case UInt8(ascii: "&"):
                guard let (value, end) = htmlEntity(in: bytes, at: index) else {
                    index += 1
                    continue
                }
                output.append(contentsOf: bytes[copied..<index])
                output.append(contentsOf: Array("&#\(value);".utf8))
                copied = end
                index = end
            default:
                index += 1
            }
        }
        guard copied > 0 else { return bytes }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    /// The index after a CDATA section or comment starting at `index`, or `index + 1`.
    private static func skipSection(in bytes: [UInt8], at index: Int) -> Int {
        for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")]
        where matches(Array(open.utf8), in: bytes, at: index) {
            let closing = Array(close.utf8)
            var cursor = index + open.utf8.count
            while cursor < bytes.count, !matches(closing, in: bytes, at: cursor) { cursor += 1 }
            return min(cursor + closing.count, bytes.count)
        }
        return index + 1
    }

    /// `&name;` at `index` where `name` is an HTML entity XML lacks: its scalar value and the end index.
    private static func htmlEntity(in bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        var end = index + 1
        while end < bytes.count, end - index <= 32, bytes[end].isASCIIAlphanumeric { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return nil }
        let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
        guard !["amp", "lt", "gt", "quot", "apos"].contains(name), let value = HTMLEntityTable.scalars[name] else {
            return nil
        }
        return (value, end + 1)
    }

    private static func matches(_ pattern: [UInt8], in bytes: [UInt8], at index: Int) -> Bool {
        index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    private static func contains(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Bool {
        guard let first = pattern.first else { return true }
        var index = start
        while let found = bytes[index...].firstIndex(of: first) {
            if matches(pattern, in: bytes, at: found) { return true }
            index = found + 1
        }
        return false
    }
}
