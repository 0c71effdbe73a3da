import Foundation
import HeraldCore

/// Lenient content-transfer decoders for report body parts: bad input is skipped, never fatal.
enum ReportDecoding {
    /// Base64 text with line breaks and stray characters ignored; empty when nothing decodes.
    static func base64(_ text: String) -> [UInt8] {
        let kept = text.unicodeScalars.filter {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "+" || $0 == "/"
        }
        var padded = String(String.UnicodeScalarView(kept))
        let remainder = padded.utf8.count % 4
        if remainder == 1 {
            padded.removeLast()
        } else if remainder > 1 {
            padded += String(repeating: "=", count: 4 - remainder)
        }
        return Data(base64Encoded: padded).map(Array.init) ?? []
    }

    /// Quoted-printable lines: `=XX` decoded, soft breaks (`=` at a line end) joined, bad escapes kept as is.
    static func quotedPrintable(_ lines: ArraySlice<String>) -> [UInt8] {
        var output: [UInt8] = []
        for line in lines {
            let bytes = Array(line.utf8)
            var index = 0
            var softBreak = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "="), index + 1 == bytes.count {
                    softBreak = true
                    break
                }
                if byte == UInt8(ascii: "="), index + 2 < bytes.count, let high = Hex.value(bytes[index + 1]),
                    let low = Hex.value(bytes[index + 2])
                {
                    output.append(high << 4 | low)
                    index += 3
                    continue
                }
                output.append(byte)
                index += 1
            }
            if !softBreak { output.append(0x0A) }
        }
        return output
    }
}
