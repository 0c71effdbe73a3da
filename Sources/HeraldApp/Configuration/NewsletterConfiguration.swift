import Foundation
import HeraldCore
import HeraldLocalization

/// Reads the `newsletters` list: slug, title, description, from, time_zone, digest_feed,
/// digest_feeds, welcome, archive, archive_noindex, tracking, opens, language, languages.
enum NewsletterConfiguration {
    static func parse(_ value: ConfigValue) throws(ConfigurationError) -> [Newsletter] {
        let items = try value.sequence()
        guard !items.isEmpty else { throw value.fail("list at least one newsletter") }
        var newsletters: [Newsletter] = []
        for item in items {
            let newsletter = try parseOne(item)
            guard !newsletters.contains(where: { $0.slug == newsletter.slug }) else {
                throw item.fail("duplicate slug '\(newsletter.slug)'")
            }
            newsletters.append(newsletter)
        }
        return newsletters
    }

    private static func parseOne(_ item: ConfigValue) throws(ConfigurationError) -> Newsletter {
        var newsletter = Newsletter(slug: "", title: "")
        var languages: [String] = []
        var feeds: [String: (feed: String, origin: ConfigValue)] = [:]
        for (key, value) in try item.mapping() {
            switch key {
            case "slug": newsletter.slug = try parseSlug(value)
            case "title": newsletter.title = try value.text()
            case "description": newsletter.description = try value.string()
            case "from": newsletter.fromAddress = try value.text()
            case "time_zone": newsletter.timeZone = try parseTimeZone(value)
            case "digest_feed": newsletter.digestFeed = try value.text()
            case "digest_feeds": feeds = try DigestFeedsConfiguration.parse(value)
            case "welcome": newsletter.sendsWelcome = try value.bool()
            case "archive": newsletter.archive = try value.bool()
            case "archive_noindex": newsletter.archiveNoindex = try value.bool()
            case "tracking": newsletter.tracking = try parseTracking(value)
            case "opens": newsletter.opens = try value.bool()
            case "language": newsletter.language = try parseLanguage(value)
            case "languages":
                languages = try value.sequence().map { item throws(ConfigurationError) in try parseLanguage(item) }
            default:
                throw value.fail(
                    "unknown newsletter key (known: slug, title, description, from, time_zone, digest_feed, digest_feeds, "
                        + "welcome, "
                        + "archive, archive_noindex, tracking, opens, language, languages)")
            }
        }
        newsletter.languages = [newsletter.language] + languages.filter { $0 != newsletter.language }
        guard !newsletter.slug.isEmpty else { throw item.fail("every newsletter needs a slug") }
        try DigestFeedsConfiguration.apply(feeds, to: &newsletter)
        guard !newsletter.opens || newsletter.tracking != .off else {
            throw item.fail(
                "opens: true counts opens with a pixel; it needs tracking aggregate or per_subscriber, not off")
        }
        if newsletter.title.isEmpty { newsletter.title = newsletter.slug }
        return newsletter
    }

    static func parseSlug(_ value: ConfigValue) throws(ConfigurationError) -> String {
        let slug = try value.text()
        let allowed = slug.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
        }
        guard allowed, slug.utf8.count <= 64 else {
            throw value.fail("slugs use a-z, 0-9, - and _ (at most 64), got '\(slug.prefix(64))'")
        }
        return slug
    }

    /// A BCP 47 language tag (`uk`, `pt-BR`); whether Herald has its catalog is checked at start-up.
    static func parseLanguage(_ value: ConfigValue) throws(ConfigurationError) -> String {
        let tag = try value.text()
        guard tag != "*", LanguageNegotiation.isRange(tag) else {
            throw value.fail("a language is a BCP 47 tag such as uk, en or pt-BR, got '\(tag.prefix(64))'")
        }
        return tag
    }

    static func parseTracking(_ value: ConfigValue) throws(ConfigurationError) -> LinkTracking {
        let name = try value.text()
        guard let tracking = LinkTracking(rawValue: name) else {
            throw value.fail("tracking is aggregate, per_subscriber or off, got '\(name.prefix(64))'")
        }
        return tracking
    }

    static func parseTimeZone(_ value: ConfigValue) throws(ConfigurationError) -> String {
        let name = try value.text()
        guard TimeZone(identifier: name) != nil else { throw value.fail("unknown time zone '\(name.prefix(64))'") }
        return name
    }
}
