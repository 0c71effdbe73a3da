/// Guards Foundation's `XMLParser` against two kinds of XML it crashes on: on Linux it reads
/// a processing instruction's data with `strlen` even when libxml2 reports none (`<?name?>`), which
/// dereferences a null pointer. Such instructions come either from the document's own bytes or from
/// an entity whose value holds markup (`<!ENTITY e "&#60;?pi?>">`). Herald reads no processing
/// instruction and `XMLParser` drops the text of declared entities anyway, so:
/// - a `<?name?>` in a UTF-8 document is given one character of data (its meaning is unchanged;
///   the same text inside a CDATA section or comment gets it too, a rare visible change);
/// - a declared entity whose value holds markup, and a `<?name?>` in UTF-16, are refused.
enum XMLParserHazards {
    /// A reason to refuse a document, with the 1-based line it is on.
    struct Refusal: Equatable {
        var line: Int
        var reason: String
    }

    /// What a scan found: where empty processing instructions need data, and the first refusal.
    struct Findings: Equatable {
        var emptyInstructionEnds: [Int] = []
        var refusal: Refusal?
    }

    /// `bytes` (UTF-8) with a space and `_` after the target of every processing instruction that
    /// has no data, or a ``FeedError`` when an entity declaration could produce markup.
    static func repairingUTF8(_ bytes: [UInt8]) throws(FeedError) -> [UInt8] {
        guard bytes.contains(UInt8(ascii: "<")) else { return bytes }
        let findings = scan(bytes)
        if let refusal = findings.refusal { throw error(refusal) }
        guard !findings.emptyInstructionEnds.isEmpty else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 2 * findings.emptyInstructionEnds.count)
        var copied = 0
        for end in findings.emptyInstructionEnds {
            output.append(contentsOf: bytes[copied..<end])
            output.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "_")])
            copied = end
        }
        output.append(contentsOf: bytes[copied...])
        return output
    }

    /// Throws when the UTF-16 code units hold an empty processing instruction or an entity whose
    /// value could produce markup (UTF-16 documents are not rewritten).
    static func checkUTF16(_ units: [UInt16]) throws(FeedError) {
        let findings = scan(units)
        if let refusal = findings.refusal { throw error(refusal) }
        if let first = findings.emptyInstructionEnds.first {
            throw error(
                Refusal(
                    line: line(of: first, in: units),
                    reason: "a processing instruction without data (<?name?>) in a UTF-16 document, which "
                        + "Herald's XML parser cannot read; publish the feed in UTF-8"))
        }
    }

    /// Scans every `<` without regard to context: libxml2 recovers from malformed markup in ways
    /// a scanner cannot predict (an earlier broken comment, CDATA section or instruction may end
    /// somewhere else for it), so a pattern inside a CDATA section or comment counts too.
    static func scan<Units: RandomAccessCollection>(_ units: Units) -> Findings
    where Units.Element: FixedWidthInteger, Units.Index == Int {
        var findings = Findings()
        var index = units.startIndex
        while let next = units[index...].firstIndex(of: Units.Element(ascii("<"))) {
            if matches("<?", units, next) {
                recordEmptyInstruction(units, at: next, into: &findings)
            } else if matches("<!ENTITY", units, next) {
                checkEntity(units, at: next, into: &findings)
                if findings.refusal != nil { return findings }
            }
            index = next + 1
        }
        return findings
    }

    /// Records `<?target?>` (optionally with white space before `?>`) at `start`.
    private static func recordEmptyInstruction<Units: RandomAccessCollection>(
        _ units: Units, at start: Int, into findings: inout Findings
    ) where Units.Element: FixedWidthInteger, Units.Index == Int {
        var targetEnd = start + 2
        while targetEnd < units.endIndex, !isSpace(units[targetEnd]),
            !["<", ">", "?"].contains(where: { units[targetEnd] == Units.Element(ascii($0)) })
        {
            targetEnd += 1
        }
        var cursor = targetEnd
        while cursor < units.endIndex, isSpace(units[cursor]) { cursor += 1 }
        if targetEnd > start + 2, matches("?>", units, cursor) {
            findings.emptyInstructionEnds.append(targetEnd)
        }
    }

    /// Refuses an entity declaration at `start` whose value could produce markup.
    private static func checkEntity<Units: RandomAccessCollection>(
        _ units: Units, at start: Int, into findings: inout Findings
    ) where Units.Element: FixedWidthInteger, Units.Index == Int {
        var cursor = start + 8
        while cursor < units.endIndex, units[cursor] != Units.Element(ascii("\"")),
            units[cursor] != Units.Element(ascii("'")), units[cursor] != Units.Element(ascii(">"))
        {
            cursor += 1
        }
        guard cursor < units.endIndex, units[cursor] != Units.Element(ascii(">")) else { return }
        let quote = units[cursor]
        var valueEnd = cursor + 1
        while valueEnd < units.endIndex, units[valueEnd] != quote { valueEnd += 1 }
        let value = Array(units[(cursor + 1)..<valueEnd].map { UInt32(truncatingIfNeeded: $0) })
        if value.contains(UInt32(ascii("<"))) || value.contains(UInt32(ascii("%")))
            || CharacterReference.values(in: value).contains(0x3C)
        {
            findings.refusal = Refusal(
                line: line(of: start, in: units),
                reason: "an entity declaration whose value holds markup (<!ENTITY … \"<…\">), which Herald does "
                    + "not expand")
        }
    }

    private static func error(_ refusal: Refusal) -> FeedError {
        FeedError(.invalidDocument, "not a feed Herald can read: \(refusal.reason) (line \(refusal.line))")
    }

    private static func matches<Units: RandomAccessCollection>(_ pattern: String, _ units: Units, _ index: Int) -> Bool
    where Units.Element: FixedWidthInteger, Units.Index == Int {
        var cursor = index
        for byte in pattern.utf8 {
            guard cursor < units.endIndex, units[cursor] == Units.Element(byte) else { return false }
            cursor += 1
        }
        return true
    }

    private static func line<Units: RandomAccessCollection>(of offset: Int, in units: Units) -> Int
    where Units.Element: FixedWidthInteger, Units.Index == Int {
        units.prefix(offset - units.startIndex).reduce(1) { $1 == Units.Element(ascii("\n")) ? $0 + 1 : $0 }
    }

    private static func isSpace<Element: FixedWidthInteger>(_ unit: Element) -> Bool {
        unit == 0x20 || unit == 0x09 || unit == 0x0A || unit == 0x0D
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(ascii: character) }
}

/// Numeric character references (`&#60;`, `&#x3C;`) in a run of code points.
enum CharacterReference {
    /// The scalar value of every well-formed numeric reference in `units`.
    static func values(in units: [UInt32]) -> [UInt32] {
        var values: [UInt32] = []
        var index = 0
        while index + 3 < units.count {
            guard units[index] == UInt32(UInt8(ascii: "&")), units[index + 1] == UInt32(UInt8(ascii: "#")) else {
                index += 1
                continue
            }
            let hex = units[index + 2] == UInt32(UInt8(ascii: "x"))
            var cursor = index + (hex ? 3 : 2)
            var value: UInt32 = 0
            var digits = 0
            while cursor < units.count, let digit = digit(units[cursor], hex: hex) {
                value = min(value * (hex ? 16 : 10) + digit, 0x11_0000)  // past Unicode: no longer matters
                digits += 1
                cursor += 1
            }
            if digits > 0, cursor < units.count, units[cursor] == UInt32(UInt8(ascii: ";")) { values.append(value) }
            index = cursor
        }
        return values
    }

    private static func digit(_ unit: UInt32, hex: Bool) -> UInt32? {
        switch unit {
        case 0x30...0x39: unit - 0x30
        case 0x61...0x66 where hex: unit - 0x61 + 10
        case 0x41...0x46 where hex: unit - 0x41 + 10
        default: nil
        }
    }
}
