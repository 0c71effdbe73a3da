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
typealias DigestSegment = TemplateSegment<DigestSlot>

/// Marks the holes of a shared digest (``SlotMarkers``).
typealias DigestPlaceholders = SlotMarkers<DigestSlot>
