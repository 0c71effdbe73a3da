import Foundation
import HeraldCore
import HeraldLocalization

/// The part of a digest that is the same for every subscriber: newsletter, date and items.
///
/// Render it once with ``TemplateLibrary/renderDigestShared(_:)``, then make each subscriber's
/// mail with ``TemplateLibrary/personalise(_:for:)`` and a ``DigestRecipient``.
public struct DigestMail: Sendable, Equatable {
    /// The site the mail comes from.
    public var site: SiteContext
    /// The newsletter this issue belongs to; its time zone is used for dates.
    public var newsletter: Newsletter
    /// The date.
    public var date: Date
    /// The entries, in the order shown; the first one's title goes into the subject.
    public var items: [DigestItem]
    /// Whether each item's link gets the recipient's ``DigestRecipient/clickTag`` appended
    /// (`per_subscriber` tracking); false leaves every copy's links identical.
    public var tagsLinksPerSubscriber: Bool
    /// The open pixel (`/o/{id}`, the same for every reader), when the newsletter counts opens.
    public var openPixelURL: String?

    /// A digest issue.
    public init(
        site: SiteContext, newsletter: Newsletter, date: Date, items: [DigestItem],
        tagsLinksPerSubscriber: Bool = false,
        openPixelURL: String? = nil
    ) {
        self.site = site
        self.newsletter = newsletter
        self.date = date
        self.items = items
        self.tagsLinksPerSubscriber = tagsLinksPerSubscriber
        self.openPixelURL = openPixelURL
    }
}

extension DigestMail {
    /// Keys: `newsletter`, `date`, `items`, `first_title`, `more_count` (null when 0),
    /// `item_count`, `open_pixel` (null unless opens are counted), and one key per ``DigestSlot``
    /// holding its placeholder.
    func templateValues(placeholders: [DigestSlot: String]) -> TemplateValues {
        let format = dateFormatter
        var values: TemplateValues = [
            "newsletter": newsletter.templateValues,
            "date": format(date),
            "items": items.map {
                $0.templateValues(
                    formatDate: format, linkSuffix: tagsLinksPerSubscriber ? placeholders[.clickTag] : nil)
            },
            "first_title": nullable(items.first?.title),
            "more_count": nullableCount(items.count - 1),
            "item_count": items.count,
            "open_pixel": nullable(openPixelURL),
        ]
        for (slot, placeholder) in placeholders {
            values[slot.rawValue] = placeholder
        }
        return site.context(values)
    }

    /// Long dates ("27 April 2025" in `en-GB`, "27 квітня 2025 р." in `uk`) in the site's language
    /// and the newsletter's time zone.
    private var dateFormatter: (Date) -> String {
        let format = LocalizedFormat(
            language: site.language, timeZone: TimeZone(identifier: newsletter.timeZone) ?? .gmt)
        return { format.longDate($0) }
    }
}
