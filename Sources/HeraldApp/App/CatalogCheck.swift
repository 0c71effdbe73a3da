import HeraldCore
import HeraldLocalization
import HeraldTemplates
import Logging

/// Start-up checks of the message catalogs against the configuration.
enum CatalogCheck {
    /// Fails when a newsletter offers a language without a catalog; logs, once, the keys an
    /// operator's catalog lacks (those messages are written in English).
    static func verify(_ catalogs: MessageCatalogs, newsletters: [Newsletter], logger: Logger) throws(TemplateError) {
        for newsletter in newsletters {
            for language in newsletter.languages where !catalogs.hasCatalog(for: language) {
                throw .catalog(
                    CatalogError(
                        file: "locales/\(language).po", line: 0,
                        reason: "newsletter '\(newsletter.slug)' offers language '\(language)', which has no catalog "
                            + "(shipped: \(catalogs.languages.joined(separator: ", ")); add locales/\(language).po "
                            + "to the templates folder)"))
            }
        }
        for (language, keys) in catalogs.missing.sorted(by: { $0.key < $1.key }) {
            logger.warning(
                "locales: \(language).po lacks \(keys.count) message(s); they are written in English",
                metadata: ["missing": .array(keys.map { .string($0) })])
        }
    }
}
