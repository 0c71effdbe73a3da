/// Which language a subscriber's mail is written in.
extension Subscriber {
    /// The language of mail to this person about `newsletter`: their stored language when the
    /// newsletter offers it, else nil (the composer then writes in the newsletter's `language`).
    public func mailLanguage(for newsletter: Newsletter) -> String? {
        language.flatMap { newsletter.languages.contains($0) ? $0 : nil }
    }
}

extension Newsletter {
    /// The language a new subscriber is stored with when they sign up for these newsletters:
    /// `requested` when one of them offers it, else the first newsletter's own language.
    static func languageToRecord(_ requested: String?, for newsletters: [Newsletter]) -> String? {
        if let requested, newsletters.contains(where: { $0.languages.contains(requested) }) { return requested }
        return newsletters.first?.language
    }
}
