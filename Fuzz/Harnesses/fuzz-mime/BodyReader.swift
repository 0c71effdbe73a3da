import Foundation
import FuzzDriver

/// Finds the text/plain part and decodes its quoted-printable content (hard breaks as LF).
enum BodyReader {
    static func text(of body: [UInt8], contentType: String) -> String {
        guard let range = contentType.range(of: "boundary=\"") else { return decode(body) }
        let boundary = contentType[range.upperBound...].prefix { $0 != "\"" }
        let text = String(decoding: body, as: UTF8.self)
        let opening = "--\(boundary)\r\n"
        guard text.hasPrefix(opening), let headersEnd = text.range(of: "\r\n\r\n"),
            let closing = text.range(of: "\r\n--\(boundary)\r\n")
        else { fatalError("multipart body without its delimiters") }
        require(text[..<headersEnd.lowerBound].contains("text/plain"), "first part is not text/plain")
        return decode(Array(text[headersEnd.upperBound..<closing.lowerBound].utf8))
    }

    /// Quoted-printable: `=XX` escapes, `=` CRLF soft breaks, CRLF hard breaks → LF.
    static func decode(_ encoded: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < encoded.count {
            let byte = encoded[index]
            if byte == UInt8(ascii: "=") {
                require(index + 2 < encoded.count, "dangling '=' in quoted-printable")
                if encoded[index + 1] == 13 && encoded[index + 2] == 10 { index += 3; continue }
                guard let value = UInt8(String(decoding: encoded[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
                else {
                    fatalError("bad quoted-printable escape at \(index)")
                }
                out.append(value)
                index += 3
            } else if byte == 13 {
                out.append(10)
                index += 2
            } else {
                require(byte >= 32 && byte < 127 || byte == 9, "unencoded byte \(byte) in quoted-printable")
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
