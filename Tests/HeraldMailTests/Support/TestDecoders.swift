import Foundation

/// Independent decoders used to check the encoders by round trip.
enum TestDecoders {
    /// Decodes quoted-printable; hard line breaks come back as LF.
    static func quotedPrintable(_ encoded: String) -> String {
        var bytes: [UInt8] = []
        let lines = encoded.components(separatedBy: "\r\n")
        for (index, line) in lines.enumerated() {
            var raw = Array(line.utf8)
            let soft = raw.last == UInt8(ascii: "=")
            if soft { raw.removeLast() }
            var i = 0
            while i < raw.count {
                let hex = i + 2 < raw.count ? String(decoding: raw[(i + 1)...(i + 2)], as: UTF8.self) : ""
                if raw[i] == UInt8(ascii: "="), let value = UInt8(hex, radix: 16) {
                    bytes.append(value)
                    i += 3
                } else {
                    bytes.append(raw[i])
                    i += 1
                }
            }
            if !soft && index < lines.count - 1 { bytes.append(10) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes one `=?utf-8?b?...?=` word to its bytes.
    static func encodedWordBytes(_ word: String) -> [UInt8]? {
        guard word.hasPrefix("=?utf-8?b?"), word.hasSuffix("?=") else { return nil }
        let payload = word.dropFirst(10).dropLast(2)
        return Data(base64Encoded: String(payload)).map { Array($0) }
    }

    /// Unfolds a rendered header and decodes its value the way RFC 2047 readers do: whitespace
    /// between two adjacent encoded-words disappears, all other text is kept.
    static func unstructuredValue(ofRenderedHeader header: String) -> String {
        let unfolded = header.replacingOccurrences(of: "\r\n", with: "")
        guard let colon = unfolded.firstIndex(of: ":") else { return unfolded }
        var value = String(unfolded[unfolded.index(after: colon)...])
        if value.hasPrefix(" ") { value.removeFirst() }
        var result = ""
        var previousWasEncoded = false
        var pendingSpace = ""
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            if token.isEmpty {
                pendingSpace += " "
                continue
            }
            if let bytes = encodedWordBytes(String(token)) {
                if !previousWasEncoded { result += pendingSpace }
                result += String(decoding: bytes, as: UTF8.self)
                previousWasEncoded = true
            } else {
                result += pendingSpace + token
                previousWasEncoded = false
            }
            pendingSpace = " "
        }
        return result
    }
}
