/// Which language a subscriber's mail is written in.
extension Subscriber {
    /// The language of mail to this person about `newsletter`: their stored language when the
    /// newsletter offers it, else nil (the composer then writes in the newsletter's `language`).
    public func mailLanguage(for newsletter: Newsletter) -> String? {
        language.flatMap { newsletter.languages.contains($0) ? $0 : nil }
    }
}

extension Newsletter {
    /// The language of a newsletter that names none (`language` left out of the configuration).
    public static let defaultLanguage = "en"

    /// The language a new subscriber is stored with when they sign up for these newsletters:
    /// `requested` when one of them offers it, else the first newsletter's own language.
    static func languageToRecord(_ requested: String?, for newsletters: [Newsletter]) -> String? {
        if let requested, newsletters.contains(where: { $0.languages.contains(requested) }) { return requested }
        return newsletters.first?.language
    }

    /// Every language `newsletters` offer, each once, in their order (each newsletter's own
    /// `language` before its other ones).
    public static func offeredLanguages(_ newsletters: [Newsletter]) -> [String] {
        var offered: [String] = []
        for newsletter in newsletters {
            for language in [newsletter.language] + newsletter.languages where !offered.contains(language) {
                offered.append(language)
            }
        }
        return offered
    }

    /// `requested` spelled as `newsletters` offer it (tags compare case-insensitively).
    /// - Throws: ``UnknownLanguageError`` listing what they offer when none offers it.
    public static func offeredLanguage(_ requested: String, among newsletters: [Newsletter])
        throws(UnknownLanguageError)
        -> String
    {
        let offered = offeredLanguages(newsletters)
        guard requested.utf8.count <= 35,
            let match = offered.first(where: { $0.lowercased() == requested.lowercased() })
        else { throw UnknownLanguageError(requested: requested, offered: offered) }
        return match
    }
}
