/// Popular mailbox domains, for typo suggestions.
enum MailboxProviders {
    /// Domains a typo may be corrected to, most popular first (ties go to the earlier entry).
    static let suggestionTargets: [String] = [
        "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "live.com", "aol.com",
        "googlemail.com", "me.com", "msn.com", "proton.me", "protonmail.com", "ukr.net", "i.ua", "meta.ua",
        "gmx.de", "gmx.net", "web.de", "yandex.com", "zoho.com", "fastmail.com", "mail.com",
    ]

    /// Real mailbox domains that resemble a target and must never be "corrected".
    static let knownGood: Set<String> = [
        "ymail.com", "email.com", "gmx.com", "gmx.at", "gmx.ch", "mac.com", "pm.me", "tuta.io",
        "yahoo.co.uk", "yahoo.co.jp", "yahoo.ca", "yahoo.de", "yahoo.fr", "yahoo.es", "yahoo.it", "yahoo.in",
        "hotmail.co.uk", "hotmail.de", "hotmail.fr", "hotmail.es", "hotmail.it", "live.co.uk", "live.de",
        "live.fr", "live.ca", "outlook.de", "outlook.fr", "outlook.es", "aol.de", "aim.com", "yandex.ua",
        "zoho.eu", "t-online.de", "online.ua", "email.ua", "bigmir.net", "mail.ua",
    ]
}
