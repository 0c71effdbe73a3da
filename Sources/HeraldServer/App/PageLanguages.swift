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

    /// The language for `request` about `newsletter`: `?lang=` when the newsletter offers it, else the
    /// `Accept-Language` negotiation among its languages (its own language the default).
    func of(_ request: Request, for newsletter: Newsletter) -> String {
        let offered = [newsletter.language] + newsletter.languages.filter { $0 != newsletter.language }
        let asked = request.uri.queryParameters.get("lang")?.lowercased()
        if let asked, let match = offered.first(where: { $0.lowercased() == asked }) { return match }
        return LanguageNegotiation(offered: offered).language(for: request.headers[.acceptLanguage])
    }

    /// The language for `request`.
    func of(_ request: Request) -> String {
        offered(request.uri.queryParameters.get("lang"))
            ?? negotiation.language(for: request.headers[.acceptLanguage])
    }
}
