import Foundation

/// What can be told about an XML document's encoding from its first bytes.
enum XMLPrologue {
    /// False for UTF-16/UTF-32 documents (a byte-order mark or NUL bytes in the first characters),
    /// which byte-level scanning must not touch.
    static func isASCIICompatible(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4)
        if head.starts(with: [0xFE, 0xFF]) || head.starts(with: [0xFF, 0xFE]) { return false }
        return !head.contains(0)
    }

    /// Whether the document is to be read as UTF-8: its XML declaration names UTF-8, no encoding
    /// at all (XML's default), a value that is not an encoding name at all (`utf-8=`: libxml2
    /// ignores it, though iconv may accept it) or one the system cannot convert (libxml2 would then
    /// pass the bytes on unconverted), or there is no declaration.
    static func declaresUTF8(_ bytes: [UInt8]) -> Bool {
        guard let encoding = declaredEncoding(bytes), isEncodingName(encoding) else { return true }
        return ["utf-8", "utf8", "us-ascii", "ascii"].contains(encoding.lowercased()) || isWide(encoding)
            || !isConvertible(encoding)
    }

    /// A UTF-16/UTF-32 label, which an ASCII-compatible document cannot honour: Herald reads such
    /// a document as UTF-8 and relabels it (libxml2 would refuse it).
    static func isWide(_ encoding: String) -> Bool {
        let name = encoding.lowercased()
        return ["utf-16", "utf16", "utf-32", "utf32", "ucs-2", "ucs2", "ucs-4", "ucs4"].contains { name.hasPrefix($0) }
    }

    /// XML's `EncName` production: `[A-Za-z] ([A-Za-z0-9._] | '-')*`.
    private static func isEncodingName(_ name: String) -> Bool {
        guard let first = name.utf8.first, first.isASCIILetter else { return false }
        return name.utf8.allSatisfy {
            $0.isASCIILetter || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D
        }
    }

    /// Whether iconv (which libxml2 uses for encodings it lacks) can convert `encoding` to UTF-8.
    private static func isConvertible(_ encoding: String) -> Bool {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return false }
        iconv_close(converter)
        return true
    }

    /// The `encoding="…"` value of the XML declaration, if any.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        declaredEncodingRange(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Where the `encoding="…"` value of the XML declaration lies in `bytes`, without its quotes.
    static func declaredEncodingRange(_ bytes: [UInt8]) -> Range<Int>? {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let head = bytes[start..<min(bytes.count, start + 256)]
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else {
            return nil
        }
        let name = Array("encoding".utf8)
        guard
            let found = (head.startIndex..<end).first(where: {
                head[$0..<min(end, $0 + name.count)].elementsEqual(name)
            })
        else { return nil }
        var cursor = found + name.count
        while cursor < end, head[cursor] == UInt8(ascii: " ") || head[cursor] == UInt8(ascii: "=") { cursor += 1 }
        guard cursor < end, head[cursor] == UInt8(ascii: "\"") || head[cursor] == UInt8(ascii: "'") else {
            return nil
        }
        let quote = head[cursor]
        let valueEnd = (cursor + 1..<end).first { head[$0] == quote } ?? end
        return (cursor + 1)..<valueEnd
    }
}
