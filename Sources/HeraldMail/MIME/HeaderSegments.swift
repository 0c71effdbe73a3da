/// Turns header values into `HeaderField` segments: plain ASCII where possible, RFC 2047
/// encoded-words where needed. Values must already be free of forbidden characters.
package enum HeaderSegments {
    /// Longest ASCII word written as is; longer ones are encoded so they can be folded.
    private static let longestPlainWord = 72

    /// An unstructured value such as `Subject`: ASCII words stay readable; each run of words that needs
    /// encoding (non-ASCII, looks like an encoded-word, too long, or has edge whitespace) becomes
    /// encoded-words, with the spaces inside the run encoded so decoding restores them exactly.
    package static func unstructured(_ value: String) -> [HeaderField.Segment] {
        let tokens = words(of: value)
        var segments: [HeaderField.Segment] = []
        var run: [String] = []
        for (index, token) in tokens.enumerated() {
            let atEdge = (index == 0 && token.first == " ") || (index == tokens.count - 1 && token.last == " ")
            if atEdge || needsEncoding(token) {
                run.append(token)
                continue
            }
            if !run.isEmpty {
                segments.append(.encoded(run.joined(separator: " ")))
                run.removeAll()
            }
            segments.append(.atom(token))
        }
        if !run.isEmpty { segments.append(.encoded(run.joined(separator: " "))) }
        return segments
    }

    /// A display name (RFC 5322 `phrase`): atoms when it is plain words, a quoted-string when it is
    /// other ASCII, and otherwise encoded-words for the runs of words that need them, with plain
    /// ASCII words between runs left as atoms.
    ///
    /// Keeping runs short matters: a run longer than one encoded-word is split into several, and
    /// although RFC 2047 readers join those, some parsers (Python's `email`) add a space between them.
    package static func phrase(_ name: String) -> [HeaderField.Segment] {
        let words = name.split(separator: " ", omittingEmptySubsequences: false)
        let isAtom: (Substring) -> Bool = {
            !$0.isEmpty && !$0.contains("=?") && $0.utf8.allSatisfy(HeaderCharacters.isAtext)
        }
        if HeaderCharacters.isASCII(name), !name.contains("=?"), name.utf8.count <= longestPlainWord {
            return words.allSatisfy(isAtom) ? words.map { .atom(String($0)) } : [.atom(quoted(name))]
        }
        // Atoms are separated by exactly one space on reading, so any other spacing is encoded whole.
        guard !words.contains(where: \.isEmpty) else { return [.encoded(name)] }
        var segments: [HeaderField.Segment] = []
        var run: [Substring] = []
        for word in words {
            if isAtom(word) && word.utf8.count <= longestPlainWord {
                if !run.isEmpty { segments.append(.encoded(run.joined(separator: " "))) }
                run.removeAll()
                segments.append(.atom(String(word)))
            } else {
                run.append(word)
            }
        }
        if !run.isEmpty { segments.append(.encoded(run.joined(separator: " "))) }
        return segments
    }

    /// One mailbox: `Name <addr>` or the bare address; `separator` (a comma) is glued to the address.
    package static func mailbox(_ mailbox: Mailbox, separator: String = "") -> [HeaderField.Segment] {
        guard let name = mailbox.displayName, !name.isEmpty else {
            return [.atom(mailbox.address + separator)]
        }
        return phrase(name) + [.atom("<" + mailbox.address + ">" + separator)]
    }

    /// A comma-separated address list.
    package static func mailboxList(_ mailboxes: [Mailbox]) -> [HeaderField.Segment] {
        mailboxes.enumerated().flatMap { index, box in
            mailbox(box, separator: index < mailboxes.count - 1 ? "," : "")
        }
    }

    /// Splits at single spaces; extra spaces stay at the start of the following word.
    private static func words(of value: String) -> [String] {
        var tokens: [String] = []
        var pendingSpaces = ""
        for part in value.split(separator: " ", omittingEmptySubsequences: false) {
            if part.isEmpty {
                pendingSpaces += " "
            } else {
                tokens.append(pendingSpaces + part)
                pendingSpaces = ""
            }
        }
        if !pendingSpaces.isEmpty {
            // Trailing spaces: keep them (encoded) on the last word; a value of only spaces is one token.
            // (n parts hold n - 1 spaces, so a value of spaces only has one fewer than counted).
            if tokens.isEmpty {
                tokens.append(String(pendingSpaces.dropLast()))
            } else {
                tokens[tokens.count - 1] += pendingSpaces
            }
        }
        return tokens.filter { !$0.isEmpty }
    }

    private static func needsEncoding(_ word: String) -> Bool {
        !HeaderCharacters.isASCII(word) || word.contains("=?") || word.utf8.count > longestPlainWord
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\\" || character == "\"" { result.append("\\") }
            result.append(character)
        }
        return result + "\""
    }
}
