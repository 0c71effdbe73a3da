/// RFC 2047 encoded-words (`=?utf-8?b?...?=`) for non-ASCII text in headers.
package enum EncodedWord {
    /// The longest encoded-word RFC 2047 allows.
    package static let maxLength = 75
    private static let prefix = "=?utf-8?b?"
    private static let overhead = 12  // "=?utf-8?b?" + "?="

    /// The length of the encoded-word carrying `byteCount` UTF-8 bytes.
    package static func length(forByteCount byteCount: Int) -> Int {
        overhead + (byteCount + 2) / 3 * 4
    }

    /// The most UTF-8 bytes an encoded-word of at most `length` characters can carry.
    package static func capacity(forLength length: Int) -> Int {
        max(0, (length - overhead) / 4 * 3)
    }

    /// Encodes `text` as one encoded-word (the caller keeps it within 75 characters).
    package static func word(_ text: some StringProtocol) -> String {
        prefix + Base64.encode(Array(text.utf8)) + "?="
    }

    /// The pieces `text` can be split into without breaking a UTF-8 sequence: its grapheme clusters,
    /// except that a cluster too large for one encoded-word is split into its Unicode scalars.
    package static func pieces(of text: some StringProtocol) -> [String] {
        let maxBytes = capacity(forLength: maxLength)
        var pieces: [String] = []
        for character in text {
            if character.utf8.count <= maxBytes {
                pieces.append(String(character))
            } else {
                pieces.append(contentsOf: character.unicodeScalars.map { String($0) })
            }
        }
        return pieces
    }

    /// Splits `text` into encoded-words: the first at most `firstLength` characters long, the others
    /// at most `maxLength`. Words break only between grapheme clusters (or scalars, see `pieces`).
    package static func encode(_ text: some StringProtocol, firstLength: Int = maxLength) -> [String] {
        var words: [String] = []
        var chunk = ""
        var chunkBytes = 0
        var capacity = capacity(forLength: min(firstLength, maxLength))
        for piece in pieces(of: text) {
            let size = piece.utf8.count
            if chunkBytes + size > capacity, !chunk.isEmpty || capacity < size {
                if !chunk.isEmpty { words.append(word(chunk)) }
                chunk = ""
                chunkBytes = 0
                capacity = self.capacity(forLength: maxLength)
            }
            chunk += piece
            chunkBytes += size
        }
        if !chunk.isEmpty { words.append(word(chunk)) }
        return words
    }
}
