import Foundation
import FuzzDriver

/// An independent reader for the header fields the assembler writes (RFC 5322 unfolding,
/// RFC 2047 `b` encoded-words, quoted-strings in display names).
enum HeaderReader {
    /// Unfolded fields in order; a line that neither continues a field nor starts one is fatal.
    static func fields(_ headers: String) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in headers.components(separatedBy: "\r\n") {
            if line.utf8.first == 0x20 || line.utf8.first == 0x09 {
                require(!fields.isEmpty, "continuation line before any field")
                require(!line.allSatisfy { $0 == " " || $0 == "\t" }, "whitespace-only continuation line")
                fields[fields.count - 1].value += line
                continue
            }
            let bytes = Array(line.utf8)
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else {
                fatalError("header line without a colon: \(String(reflecting: line))")
            }
            let name = String(decoding: bytes[..<colon], as: UTF8.self)
            require(
                !name.isEmpty && name.utf8.allSatisfy { $0 > 32 && $0 < 127 },
                "bad field name \(String(reflecting: name))")
            let valueStart = colon + 1 < bytes.count && bytes[colon + 1] == 0x20 ? colon + 2 : colon + 1
            let value = String(decoding: bytes[valueStart...], as: UTF8.self)
            fields.append((name, value))
        }
        return fields
    }

    /// An unstructured value: whitespace between two adjacent encoded-words disappears.
    static func unstructured(_ value: String) -> String {
        join(
            value.split(separator: " ", omittingEmptySubsequences: false).map { token in
                decodedWord(token).map { Token(text: $0, encoded: true) } ?? Token(text: String(token), encoded: false)
            })
    }

    /// The display name and address of `phrase <address>` or a bare address.
    /// Works on UTF-8 bytes: a combining mark after `<` would hide it from a `Character` search.
    static func mailbox(_ value: String) -> (name: String?, address: String) {
        let bytes = Array(value.utf8)
        guard bytes.last == UInt8(ascii: ">"),
            let open = bytes.indices.dropLast().last(where: { bytes[$0] == 0x20 && bytes[$0 + 1] == UInt8(ascii: "<") })
        else { return (nil, value) }
        let address = String(decoding: bytes[(open + 2)..<(bytes.count - 1)], as: UTF8.self)
        return (phrase(String(decoding: bytes[..<open], as: UTF8.self)), address)
    }

    /// A phrase: atoms, quoted-strings and encoded-words separated by single spaces.
    static func phrase(_ value: String) -> String {
        var tokens: [Token] = []
        var rest = Substring(value)
        while !rest.isEmpty {
            if rest.first == " " { rest = rest.dropFirst(); continue }
            if rest.first == "\"" {
                var text = ""
                rest = rest.dropFirst()
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\", let escaped = rest.first {
                        text.append(escaped); rest = rest.dropFirst()
                    } else {
                        text.append(character)
                    }
                }
                require(rest.first == "\"", "unterminated quoted-string in \(String(reflecting: value))")
                rest = rest.dropFirst()
                tokens.append(Token(text: text, encoded: false))
                continue
            }
            let word = rest.prefix { $0 != " " }
            rest = rest.dropFirst(word.count)
            tokens.append(
                decodedWord(word).map { Token(text: $0, encoded: true) } ?? Token(text: String(word), encoded: false))
        }
        return join(tokens)
    }

    private struct Token {
        let text: String
        let encoded: Bool
    }

    private static func join(_ tokens: [Token]) -> String {
        var result = ""
        for (index, token) in tokens.enumerated() {
            if index > 0 && !(token.encoded && tokens[index - 1].encoded) { result += " " }
            result += token.text
        }
        return result
    }

    private static func decodedWord(_ word: Substring) -> String? {
        let lowered = word.lowercased()
        guard lowered.hasPrefix("=?utf-8?b?"), lowered.hasSuffix("?="), word.count >= 12 else { return nil }
        guard let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2))) else {
            fatalError("broken encoded-word \(String(reflecting: word))")
        }
        guard let text = String(validating: Array(data), as: UTF8.self) else {
            fatalError("encoded-word splits a UTF-8 sequence: \(String(reflecting: word))")
        }
        return text
    }
}
