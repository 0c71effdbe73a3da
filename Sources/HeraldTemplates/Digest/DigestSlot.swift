import Foundation

/// A per-subscriber value in a shared digest, named by its template key.
///
/// `greeting` and `footer` are rendered per subscriber from `mail/digest_greeting.*` and
/// `mail/digest_footer.*` (so they may use sections such as `{{#name}}`); the others are the
/// plain values, HTML-escaped in the HTML part.
enum DigestSlot: String, CaseIterable, Sendable {
    case greeting
    case footer
    case name
    case unsubscribeURL = "unsubscribe_url"
    case preferencesURL = "preferences_url"
    /// Appended to every tracked link in `per_subscriber` mode (empty otherwise); not a template key.
    case clickTag = "click_tag"
}

/// A piece of a rendered shared digest: fixed text, or a hole for a subscriber's value.
enum DigestSegment: Sendable, Equatable {
    case literal(String)
    case slot(DigestSlot)
}

/// Marks holes in rendered text with private-use characters and a random nonce, and splits
/// rendered text back into ``DigestSegment``s.
///
/// The marker holds no character that HTML escaping changes, so `{{name}}` and `{{{name}}}`
/// both leave it intact, and the nonce keeps feed content from forging one.
struct DigestPlaceholders {
    private static let open: Character = "\u{E000}"
    private static let close: Character = "\u{E001}"
    let nonce: String

    init(nonce: String = String(UInt64.random(in: .min ... .max), radix: 36)) {
        self.nonce = nonce
    }

    /// The marker rendered in place of each slot.
    var markers: [DigestSlot: String] {
        Dictionary(
            uniqueKeysWithValues: DigestSlot.allCases.map { ($0, "\(Self.open)\(nonce):\($0.rawValue)\(Self.close)") })
    }

    /// `rendered` cut at each marker.
    func segments(of rendered: String) -> [DigestSegment] {
        let prefix = "\(Self.open)\(nonce):"
        var segments: [DigestSegment] = []
        var rest = rendered[...]
        while let start = rest.range(of: prefix) {
            let afterPrefix = rest[start.upperBound...]
            guard let end = afterPrefix.firstIndex(of: Self.close),
                let slot = DigestSlot(rawValue: String(afterPrefix[..<end]))
            else {
                segments.append(.literal(String(rest[..<start.upperBound])))
                rest = afterPrefix
                continue
            }
            if start.lowerBound > rest.startIndex {
                segments.append(.literal(String(rest[..<start.lowerBound])))
            }
            segments.append(.slot(slot))
            rest = afterPrefix[afterPrefix.index(after: end)...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        return segments
    }
}
