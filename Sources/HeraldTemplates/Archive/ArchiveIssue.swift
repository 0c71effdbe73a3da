import Foundation
import HeraldCore

/// One sent issue as the public archive shows it: the articles it was sent with, nothing about
/// any reader.
public struct ArchiveIssue: Sendable, Equatable {
    /// The issue's period key ("2026-11-25"), the last part of its URL.
    public var period: String
    /// When the issue was created (the date shown).
    public var date: Date
    /// When its last delivery settled (the feed's `updated`).
    public var completedAt: Date
    /// The issue's own page.
    public var url: String
    /// The articles, in the order they were sent; links are the articles' own, never tracked ones.
    public var items: [DigestItem]
    /// The language the articles are written in (the feed's: the newsletter's language); `nil`
    /// when not known, so no `lang` is claimed for them.
    public var language: String?

    /// An archived issue.
    public init(
        period: String, date: Date, completedAt: Date, url: String, items: [DigestItem], language: String? = nil
    ) {
        self.period = period
        self.date = date
        self.completedAt = completedAt
        self.url = url
        self.items = items
        self.language = language
    }
}

extension ArchiveIssue {
    /// Keys: `period`, `date` (long, in the site's language and the newsletter's time zone),
    /// `date_iso` (`yyyy-MM-dd`), `published` (RFC 3339), `url`, `items` (see ``DigestItem``), `item_count`, `titles`
    /// (the headlines joined with " · "), `content_language` (see ``FragmentLanguage``).
    func templateValues(_ dates: ArchiveDates) -> TemplateValues {
        [
            "content_language": nullable(language),
            "period": period,
            "date": dates.long(date),
            "date_iso": dates.day(date),
            "published": ArchiveDates.rfc3339(date),
            "url": url,
            "items": items.map { $0.templateValues(formatDate: dates.long) },
            "item_count": items.count,
            "titles": items.map(\.title).joined(separator: " · "),
        ]
    }
}

/// Date formats of the archive pages and feed, in the site's language and the newsletter's zone.
struct ArchiveDates {
    let language: String
    let timeZone: TimeZone

    init(site: SiteContext, newsletter: Newsletter) {
        language = site.language
        timeZone = TimeZone(identifier: newsletter.timeZone) ?? .gmt
    }

    /// "27 April 2025".
    func long(_ date: Date) -> String {
        date.formatted(
            Date.FormatStyle(date: .long, time: .omitted, locale: Locale(identifier: language), timeZone: timeZone))
    }

    /// "2025-04-27", for `<time datetime>`.
    func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// RFC 3339 in UTC ("2025-04-27T07:00:00Z"), for Atom.
    static func rfc3339(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }
}
