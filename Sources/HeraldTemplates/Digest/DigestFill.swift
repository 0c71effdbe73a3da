/// A piece of a shared digest's text or HTML part: fixed text, or the hole with this number.
///
/// For callers that encode the fixed parts once for a whole issue (see
/// ``SharedDigest/textPieces``) and fill the holes per subscriber with ``DigestFill``.
public enum DigestPiece: Sendable, Equatable {
    case literal(String)
    case hole(Int)
}

/// One subscriber's subject and hole values for a ``SharedDigest``: `text[i]` and `html[i]` go
/// into hole `i` of ``SharedDigest/textPieces`` and ``SharedDigest/htmlPieces`` (the HTML values
/// are already escaped).
public struct DigestFill: Sendable, Equatable {
    /// The subject, on one line.
    public let subject: String
    /// Values for the text part's holes.
    public let text: [String]
    /// Values for the HTML part's holes.
    public let html: [String]
}

extension SharedDigest {
    /// The text part as fixed pieces and holes; joined with a ``DigestFill``'s `text` values it is
    /// exactly ``TemplateLibrary/personalise(_:for:)``'s text.
    public var textPieces: [DigestPiece] { text.map(\.piece) }

    /// The HTML part as fixed pieces and holes, filled with a ``DigestFill``'s `html` values.
    public var htmlPieces: [DigestPiece] { html.map(\.piece) }
}

extension DigestSegment {
    var piece: DigestPiece {
        switch self {
        case .literal(let text): .literal(text)
        case .slot(let slot): .hole(slot.holeNumber)
        }
    }
}

extension DigestSlot {
    /// This slot's position among all slots: its hole number in ``DigestPiece``.
    var holeNumber: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

extension TemplateLibrary {
    /// `recipient`'s subject and hole values for `digest`: the same greeting, footer, name and
    /// links ``personalise(_:for:)`` puts in, without joining the parts.
    public func fill(_ digest: SharedDigest, for recipient: DigestRecipient) -> DigestFill {
        let (text, html) = slotValues(digest, for: recipient)
        return DigestFill(
            subject: digest.fixedSubject ?? digest.subject.joined(filling: text).singleLine,
            text: DigestSlot.allCases.map { text[$0] ?? "" },
            html: DigestSlot.allCases.map { html[$0] ?? "" })
    }
}
