import Foundation

/// A shared digest's greeting and footer, rendered once per issue with holes for the subscriber's
/// name and links, so a subscriber's copy costs string joins instead of four template renders.
///
/// There are two variants, because `mail/digest_greeting.*` and `mail/digest_footer.*` may test
/// `{{#name}}`: one rendered as for a subscriber with a name (its hole in place of the name), one as
/// for a subscriber without. ``TemplateLibrary/renderDigestShared(_:)`` keeps them only when they
/// give exactly what rendering per subscriber gives for probe subscribers with markup, quotes and
/// non-ASCII in every value; a template that transforms a value (an operator's `{{uppercased(name)}}`)
/// fails that check and each subscriber's greeting and footer are rendered as before.
struct DigestSlotTexts: Sendable, Equatable {
    /// One variant's greeting and footer, in the text part and in the HTML part.
    struct Variant: Sendable, Equatable {
        var text: [DigestSlot: [DigestSegment]] = [:]
        var html: [DigestSlot: [DigestSegment]] = [:]
    }

    let named: Variant
    let unnamed: Variant

    /// The variant for a subscriber whose name is `name` (no name and an empty one are the same,
    /// as `{{#name}}` sees them).
    func variant(forName name: String?) -> Variant {
        name?.isEmpty == false ? named : unnamed
    }

    /// The subscriber-independent slots that are rendered from templates.
    static let renderedSlots: [DigestSlot] = [.greeting, .footer]

    /// Subscribers whose values hold what escaping or a transform would change, to check the
    /// pre-rendered variants against rendering per subscriber.
    static let probes: [DigestRecipient] = [
        DigestRecipient(
            name: "Ольга <b>&amp;</b> \"O'Brien\"",
            unsubscribeURL: "https://example.org/u/AbC?x=1&y=<2>#'\"",
            preferencesURL: "https://example.org/p/ÄÖ?&a=\"b\"",
            clickTag: "&t=probe"),
        DigestRecipient(
            name: nil, unsubscribeURL: "https://example.org/u/z?q='&'", preferencesURL: "https://example.org/p/<z>"),
    ]
}
