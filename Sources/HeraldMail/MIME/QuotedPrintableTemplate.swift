/// Quoted-printable encoding of a text made of fixed pieces and holes that differ per message,
/// with every line that holds no hole encoded once, up front.
///
/// Quoted-printable works line by line (soft breaks depend on the column), so a line is only
/// reusable when no hole touches it: such lines are encoded in `init`, and each call of
/// ``encode(filling:)`` joins and encodes just the lines around the holes. The result is
/// byte-for-byte `QuotedPrintable.encodedBytes` of the filled-in text.
package struct QuotedPrintableTemplate: Sendable, Equatable {
    /// A fixed piece of text or a numbered hole.
    package enum Piece: Sendable, Equatable {
        case text(String)
        case hole(Int)
    }

    enum Chunk: Sendable, Equatable {
        /// Whole lines, already encoded (ending with CRLF unless it is the end of the text).
        case encoded([UInt8])
        /// Line(s) holding at least one hole: pieces to join and encode per message.
        case dynamic([Piece])
    }

    let chunks: [Chunk]

    /// Splits `pieces` into lines that can be encoded now and lines with holes.
    package init(_ pieces: [Piece]) {
        var builder = Builder()
        for piece in pieces {
            switch piece {
            case .text(let text): builder.add(text)
            case .hole(let index): builder.addHole(index)
            }
        }
        chunks = builder.finish()
    }

    /// The encoding of the text with hole `i` replaced by `values[i]` (a missing value is empty).
    package func encode(filling values: [String]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(chunks.reduce(0) { $0 + $1.estimatedSize })
        for chunk in chunks {
            switch chunk {
            case .encoded(let bytes):
                output.append(contentsOf: bytes)
            case .dynamic(let pieces):
                var line = ""
                for piece in pieces {
                    switch piece {
                    case .text(let text): line += text
                    case .hole(let index): line += values.indices.contains(index) ? values[index] : ""
                    }
                }
                output.append(contentsOf: QuotedPrintable.encodedBytes(line))
            }
        }
        return output
    }

    /// Collects fixed lines and lines with holes in order.
    private struct Builder {
        var chunks: [Chunk] = []
        /// Complete lines without holes, not yet encoded.
        var fixed = ""
        /// The current, unfinished line.
        var line: [Piece] = []
        var lineHasHole = false

        mutating func add(_ text: String) {
            guard let firstEnd = Self.endOfFirstBreak(in: text) else {
                line.append(.text(text))
                return
            }
            // The first break ends the current line; further complete lines in `text` are fixed.
            let lastEnd = Self.endOfLastBreak(in: text) ?? firstEnd
            endLine(with: String(text[..<firstEnd]))
            fixed += text[firstEnd..<lastEnd]
            if lastEnd < text.endIndex { line.append(.text(String(text[lastEnd...]))) }
        }

        mutating func addHole(_ index: Int) {
            line.append(.hole(index))
            lineHasHole = true
        }

        private mutating func endLine(with text: String) {
            if lineHasHole {
                flushFixed()
                chunks.append(.dynamic(line + [.text(text)]))
            } else {
                for case .text(let piece) in line { fixed += piece }
                fixed += text
            }
            line = []
            lineHasHole = false
        }

        private mutating func flushFixed() {
            if !fixed.isEmpty { chunks.append(.encoded(QuotedPrintable.encodedBytes(fixed))) }
            fixed = ""
        }

        mutating func finish() -> [Chunk] {
            if lineHasHole {
                flushFixed()
                chunks.append(.dynamic(line))
            } else {
                for case .text(let piece) in line { fixed += piece }
                flushFixed()
            }
            return chunks
        }

        /// The index after the first line break in `text` (CRLF counts as one). A CR that ends
        /// `text` is not a break yet: an LF may follow in the next piece or value.
        static func endOfFirstBreak(in text: String) -> String.Index? {
            let utf8 = text.utf8
            var index = utf8.startIndex
            while index < utf8.endIndex {
                let byte = utf8[index]
                let next = utf8.index(after: index)
                if byte == 10 { return next }
                if byte == 13 {
                    guard next < utf8.endIndex else { return nil }
                    return utf8[next] == 10 ? utf8.index(after: next) : next
                }
                index = next
            }
            return nil
        }

        /// The index after the last line break in `text`, with the same rule for a final CR.
        static func endOfLastBreak(in text: String) -> String.Index? {
            let utf8 = text.utf8
            var index = utf8.endIndex
            while index > utf8.startIndex {
                let before = utf8.index(before: index)
                let byte = utf8[before]
                if byte == 10 { return index }
                if byte == 13, index < utf8.endIndex { return index }
                index = before
            }
            return nil
        }
    }
}

extension QuotedPrintableTemplate.Chunk {
    var estimatedSize: Int {
        switch self {
        case .encoded(let bytes): bytes.count
        case .dynamic: 512
        }
    }
}

extension QuotedPrintableTemplate {
    /// How many stretches of lines are encoded per message (for tests and diagnostics).
    package var dynamicLineCount: Int {
        chunks.reduce(0) { count, chunk in if case .dynamic = chunk { count + 1 } else { count } }
    }

    /// Bytes encoded once, up front.
    package var encodedByteCount: Int {
        chunks.reduce(0) { count, chunk in if case .encoded(let bytes) = chunk { count + bytes.count } else { count } }
    }
}
