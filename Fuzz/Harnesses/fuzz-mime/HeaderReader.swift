import FuzzDriver
import Foundation

/// An independent reader for the header fields the assembler writes (RFC 5322 unfolding,
/// RFC 2047 `b` encoded-words, quoted-strings in display names).
enum HeaderReader {
    /// Unfolded fields in order; a line that neither continues a field nor starts one is fatal.
    static func fields(_ headers: String) -> [(name: String, value: String)] {
        var fields: [(name: String, value: String)] = []
        for line in headers.components(separatedBy: "\r\n") {
            if line.hasPrefix(" ") || line.hasPrefix("\t") {
                require(!fields.isEmpty, "continuation line before any field")
                require(!line.allSatisfy { $0 == " " || $0 == "\t" }, "whitespace-only continuation line")
                fields[fields.count - 1].value += line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { fatalError("header line without a colon: \(String(reflecting: line))") }
            let name = String(line[..<colon])
            require(!name.isEmpty && name.utf8.allSatisfy { $0 > 32 && $0 < 127 }, "bad field name \(String(reflecting: name))")
            var value = String(line[line.index(after: colon)...])
            if value.hasPrefix(" ") { value.removeFirst() }
            fields.append((name, value))
        }
        return fields
    }

    /// An unstructured value: whitespace between two adjacent encoded-words disappears.
    static func unstructured(_ value: String) -> String {
        join(value.split(separator: " ", omittingEmptySubsequences: false).map { token in
            decodedWord(token).map { Token(text: $0, encoded: true) } ?? Token(text: String(token), encoded: false)
        })
    }

    /// The display name and address of `phrase <address>` or a bare address.
    static func mailbox(_ value: String) -> (name: String?, address: String) {
        guard value.hasSuffix(">"), let open = value.range(of: " <", options: .backwards) else { return (nil, value) }
        let address = String(value[open.upperBound..<value.index(before: value.endIndex)])
        return (phrase(String(value[..<open.lowerBound])), address)
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
                    if character == "\\", let escaped = rest.first { text.append(escaped); rest = rest.dropFirst() } else { text.append(character) }
                }
                require(rest.first == "\"", "unterminated quoted-string in \(String(reflecting: value))")
                rest = rest.dropFirst()
                tokens.append(Token(text: text, encoded: false))
                continue
            }
            let word = rest.prefix { $0 != " " }
            rest = rest.dropFirst(word.count)
            tokens.append(decodedWord(word).map { Token(text: $0, encoded: true) } ?? Token(text: String(word), encoded: false))
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
