import HeraldCore
import HeraldLocalization
import Hummingbird

/// The language of a page without a subscriber: `?lang=` when it names an offered language, else
/// the `Accept-Language` negotiation among every language the newsletters offer (the first
/// newsletter's `language` is the default).
struct PageLanguages: Sendable {
    let negotiation: LanguageNegotiation

    init(newsletters: [Newsletter]) {
        var offered: [String] = []
        for newsletter in newsletters {
            for language in [newsletter.language] + newsletter.languages where !offered.contains(language) {
                offered.append(language)
            }
        }
        negotiation = LanguageNegotiation(offered: offered.isEmpty ? [MessageCatalogs.fallbackLanguage] : offered)
    }

    /// The default language (the first newsletter's).
    var fallback: String { negotiation.offered[0] }

    /// `tag` spelled as configured when it is offered (case-insensitive), else `nil`.
    func offered(_ tag: String?) -> String? {
        guard let tag, tag.utf8.count <= 35 else { return nil }
        return negotiation.offered.first { $0.lowercased() == tag.lowercased() }
    }

    /// The language for `request`.
    func of(_ request: Request) -> String {
        offered(request.uri.queryParameters.get("lang"))
            ?? negotiation.language(for: request.headers[.acceptLanguage])
    }
}
