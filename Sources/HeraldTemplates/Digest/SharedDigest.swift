import HeraldCore

/// A digest rendered once for all subscribers, with holes for each subscriber's greeting,
/// footer, name and links.
///
/// Made by ``TemplateLibrary/renderDigestShared(_:)``; turned into one subscriber's mail by
/// ``TemplateLibrary/personalise(_:for:)``, which only renders the small greeting and footer
/// templates and joins strings.
public struct SharedDigest: Sendable, Equatable {
    /// The newsletter the digest belongs to.
    public let newsletter: Newsletter
    let site: SiteContext
    let subject: [DigestSegment]
    let text: [DigestSegment]
    let html: [DigestSegment]
    /// The greeting and footer rendered once, when that gives what rendering per subscriber gives.
    var slotTexts: DigestSlotTexts?

    /// The subject every subscriber gets when it has no hole (the usual case), put on one line once.
    var fixedSubject: String?

    /// The subject on one line when no part of it differs between subscribers.
    static func fixedSubject(_ subject: [DigestSegment]) -> String? {
        subject.contains { if case .slot = $0 { true } else { false } } ? nil : subject.joined(filling: [:]).singleLine
    }

    /// The language the issue is written in (its `Content-Language`).
    public var language: String { site.language }

    /// Whether any part has a hole for `slot`, so unused per-subscriber templates are not rendered.
    func uses(_ slot: DigestSlot) -> Bool {
        [subject, text, html].contains { $0.contains(.slot(slot)) }
    }
}
