/// One header field laid out as folded lines: folds only at the spaces between segments, never inside
/// an atom or an encoded-word, and keeps lines within 78 octets whenever the atoms allow it.
package struct HeaderField: Sendable, Equatable {
    /// A piece of a header value. Consecutive segments are separated by one space, where a fold may go.
    package enum Segment: Sendable, Equatable {
        /// Text written as is and never split (an address, a quoted-string, an ASCII word).
        case atom(String)
        /// Text written as one or more RFC 2047 encoded-words, split between grapheme clusters.
        case encoded(String)
    }

    /// The preferred maximum line length of RFC 5322 section 2.1.1.
    package static let preferredLineLength = 78
    /// Encoded-words shorter than this are not started at the end of a line.
    private static let shortestUsefulWord = 24
    private static let fullWordCapacity = EncodedWord.capacity(forLength: EncodedWord.maxLength)

    /// The field name, such as `Subject`.
    package var name: String
    /// The value's pieces in order.
    package var segments: [Segment]

    /// Creates a field from its name and value segments.
    package init(name: String, segments: [Segment]) {
        self.name = name
        self.segments = segments
    }

    /// The folded field without the final CRLF; continuation lines start with a space.
    package func render() -> String {
        var layout = Layout(first: name + ":")
        for segment in segments {
            switch segment {
            case .atom(let text): layout.place(text)
            case .encoded(let text): placeEncoded(text, in: &layout)
            }
        }
        return layout.finish()
    }

    private func placeEncoded(_ text: String, in layout: inout Layout) {
        let pieces = EncodedWord.pieces(of: text)
        var next = 0
        while next < pieces.count {
            let available = min(EncodedWord.maxLength, layout.room)
            var count = fittingPieces(pieces, from: next, capacity: EncodedWord.capacity(forLength: available))
            let wouldFinish = next + count == pieces.count
            if (count == 0 || (!wouldFinish && available < Self.shortestUsefulWord)) && layout.canWrap {
                layout.wrap()
                count = fittingPieces(pieces, from: next, capacity: Self.fullWordCapacity)
            } else if count == 0 {
                // A first line whose name leaves no room: use a full-size word and accept the long line.
                count = fittingPieces(pieces, from: next, capacity: Self.fullWordCapacity)
            }
            layout.place(EncodedWord.word(pieces[next..<next + count].joined()))
            next += count
        }
    }

    private func fittingPieces(_ pieces: [String], from start: Int, capacity: Int) -> Int {
        var bytes = 0
        var count = 0
        for piece in pieces[start...] {
            bytes += piece.utf8.count
            guard bytes <= capacity else { break }
            count += 1
        }
        return count
    }

    /// Lines being built; the current line always has content except the first line before any segment.
    private struct Layout {
        private var lines: [String] = []
        private var current: String
        private var currentIsEmpty = true

        init(first: String) { current = first }

        /// Octets left on the current line after the separating space.
        var room: Int { HeaderField.preferredLineLength - current.utf8.count - 1 }
        /// Whether a fold can go before the next segment (not on a first line that has no value yet).
        var canWrap: Bool { !currentIsEmpty }

        mutating func wrap() {
            lines.append(current)
            current = ""
            currentIsEmpty = true
        }

        mutating func place(_ token: String) {
            if token.utf8.count > room, canWrap { wrap() }
            current += " " + token
            currentIsEmpty = false
        }

        mutating func finish() -> String {
            lines.append(current)
            return lines.joined(separator: "\r\n")
        }
    }
}
