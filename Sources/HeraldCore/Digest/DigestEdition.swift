/// Which subscribers one language's issue of a newsletter goes to.
///
/// A subscriber reads the issue of their own language when the newsletter offers it; everyone
/// else (no language stored, or one the newsletter does not offer) reads the issue in the
/// newsletter's ``fallback`` language. So every confirmed subscriber is in exactly one edition.
public struct DigestEdition: Sendable, Equatable {
    /// The language (BCP 47).
    public var language: String
    /// The newsletter's own language: its edition also takes the subscribers no other edition takes.
    public var fallback: String
    /// Every language the newsletter offers, ``fallback`` included.
    public var offered: [String]

    /// The edition in `language` of a newsletter written in `fallback` and offering `offered`.
    public init(language: String, fallback: String, offered: [String]) {
        self.language = language
        self.fallback = fallback
        self.offered = offered.contains(fallback) ? offered : [fallback] + offered
    }

    /// The edition of `newsletter` in `language`.
    public init(of newsletter: Newsletter, language: String) {
        self.init(language: language, fallback: newsletter.language, offered: newsletter.languages)
    }

    /// The only edition of a newsletter with one language: every subscriber reads it.
    public static func single(_ language: String) -> DigestEdition {
        DigestEdition(language: language, fallback: language, offered: [language])
    }

    /// Whether this edition takes the subscribers without a language of their own (or with one the
    /// newsletter does not offer).
    public var takesEveryoneElse: Bool { language == fallback }

    /// Whether a subscriber whose stored language is `stored` (nil: none) reads this edition.
    public func includes(subscriberLanguage stored: String?) -> Bool {
        guard let stored, offered.contains(stored) else { return takesEveryoneElse }
        return stored == language
    }
}
