import Foundation

/// A piece of text rendered once for many recipients: fixed text, or a hole for one recipient's value.
enum TemplateSegment<Slot: Hashable & Sendable>: Sendable, Equatable {
    case literal(String)
    case slot(Slot)
}

extension Array {
    /// The segments joined, each hole filled from `values` (empty when `values` has none).
    func joined<Slot>(filling values: [Slot: String]) -> String where Element == TemplateSegment<Slot> {
        var result = ""
        for segment in self {
            switch segment {
            case .literal(let text): result += text
            case .slot(let slot): result += values[slot] ?? ""
            }
        }
        return result
    }
}

/// Marks holes in rendered text with private-use characters and a random nonce, and splits
/// rendered text back into ``TemplateSegment``s: a template rendered once with each slot's marker
/// as its value becomes the same text for every recipient, with holes where their values go.
///
/// The marker holds no character that HTML escaping changes, so `{{name}}` and `{{{name}}}`
/// both leave it intact, and the nonce keeps feed content from forging one.
struct SlotMarkers<Slot: RawRepresentable & CaseIterable & Hashable & Sendable> where Slot.RawValue == String {
    private static var open: Character { "\u{E000}" }
    private static var close: Character { "\u{E001}" }
    let nonce: String

    init(nonce: String = String(UInt64.random(in: .min ... .max), radix: 36)) {
        self.nonce = nonce
    }

    /// The marker rendered in place of each slot.
    var markers: [Slot: String] {
        Dictionary(
            uniqueKeysWithValues: Slot.allCases.map { ($0, "\(Self.open)\(nonce):\($0.rawValue)\(Self.close)") })
    }

    /// `rendered` cut at each marker.
    func segments(of rendered: String) -> [TemplateSegment<Slot>] {
        let prefix = "\(Self.open)\(nonce):"
        var segments: [TemplateSegment<Slot>] = []
        var rest = rendered[...]
        while let start = rest.range(of: prefix) {
            let afterPrefix = rest[start.upperBound...]
            guard let end = afterPrefix.firstIndex(of: Self.close),
                let slot = Slot(rawValue: String(afterPrefix[..<end]))
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
