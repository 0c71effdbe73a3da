import Foundation

/// Converts a document in a legacy encoding (ISO-8859-1, Windows-1251, KOI8-U, …) to UTF-8 with
/// iconv before libxml2 sees it, and relabels its XML declaration as UTF-8. Foundation's
/// `XMLParser` stops the process when libxml2 hands it bytes that are not UTF-8, and libxml2
/// falls back to passing bytes through unconverted in cases that are hard to predict (a
/// malformed declaration, for one), so Herald converts first and parses only checked UTF-8.
enum XMLTranscoder {
    /// `bytes` decoded from `encoding` as UTF-8, its declaration naming UTF-8. Throws
    /// ``FeedError`` naming the byte offset and line of the first sequence invalid in `encoding`.
    static func utf8(from bytes: [UInt8], encoding: String) throws(FeedError) -> [UInt8] {
        guard let converter = openConverter(encoding) else {
            throw FeedError(.invalidDocument, "the declared encoding \(encoding) is not one this system can read")
        }
        defer { iconv_close(converter) }
        return relabelledUTF8(try convert(bytes, with: converter, encoding: encoding))
    }

    /// `bytes` with the encoding its XML declaration names replaced by `UTF-8`.
    static func relabelledUTF8(_ bytes: [UInt8]) -> [UInt8] {
        guard let range = XMLPrologue.declaredEncodingRange(bytes) else { return bytes }
        var output = bytes
        output.replaceSubrange(range, with: Array("UTF-8".utf8))
        return output
    }

    private static func openConverter(_ encoding: String) -> iconv_t? {
        let converter = iconv_open("UTF-8", encoding)
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        return converter
    }

    private static func convert(_ bytes: [UInt8], with converter: iconv_t, encoding: String) throws(FeedError)
        -> [UInt8]
    {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        var failedAt: Int?
        input.withUnsafeMutableBytes { inputBuffer in
            var inputPointer = inputBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inputLeft = inputBuffer.count
            while inputLeft > 0 {
                let produced = chunk.withUnsafeMutableBytes { chunkBuffer -> (Int, Int32) in
                    var outputPointer = chunkBuffer.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outputLeft = chunkBuffer.count
                    let result = iconv(converter, &inputPointer, &inputLeft, &outputPointer, &outputLeft)
                    return (chunkBuffer.count - outputLeft, result == -1 ? errno : 0)
                }
                output.append(contentsOf: chunk[..<produced.0])
                if produced.1 != 0, produced.1 != E2BIG {
                    failedAt = inputBuffer.count - inputLeft
                    return
                }
            }
        }
        if let offset = failedAt {
            throw FeedError(
                .invalidDocument,
                "invalid \(encoding) at line \(UTF8Check.line(of: offset, in: bytes)) (byte offset \(offset)), "
                    + "the encoding the document declares")
        }
        return output
    }
}
