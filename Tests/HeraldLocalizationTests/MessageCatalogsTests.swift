import HeraldDefaults
import Testing

@testable import HeraldLocalization

/// Operators' catalogs: they replace shipped messages one by one or add a language; what they
/// lack is written in English and reported; a broken one stops start-up with file, line, reason.
@Suite("Message catalogs")
struct MessageCatalogsTests {
    func load(_ files: [String: String]) throws(CatalogError) -> MessageCatalogs {
        try MessageCatalogs(
            shipped: BuiltInFiles.templates, overrides: files.mapValues { Array($0.utf8) }, overrideRoot: "/etc/herald")
    }

    @Test func ukrainianPluralsAndEnglishFallbackPerMessage() throws {
        let catalogs = try load([
            "locales/de.po": "msgid \"thank_you.heading\"\nmsgstr \"Danke!\"\n",
            "locales/uk.po": "msgid \"thank_you.heading\"\nmsgstr \"Щиро дякуємо!\"\n",
        ])
        let german = catalogs.messages(for: "de")
        #expect(german.text("thank_you.heading") == "Danke!")
        #expect(german.text("thank_you.title") == "Thank you")
        #expect(catalogs.missing["de"]?.contains("thank_you.title") == true)
        #expect(catalogs.missing["uk"] == nil)
        let ukrainian = catalogs.messages(for: "uk-UA")
        #expect(ukrainian.text("thank_you.heading") == "Щиро дякуємо!")
        #expect(ukrainian.text("thank_you.title") == "Дякуємо")
        let hours = { (count: Int) in ukrainian.text("mail.confirmation.expiry", count: PluralOperands(count)) ?? "" }
        #expect(hours(1).hasPrefix("Посилання діє {expiry_hours} годину."))
        #expect(hours(2).hasPrefix("Посилання діє {expiry_hours} години."))
        #expect(hours(5).hasPrefix("Посилання діє {expiry_hours} годин."))
        #expect(hours(21).hasPrefix("Посилання діє {expiry_hours} годину."))
        let english = catalogs.messages(for: "en")
        #expect(english.text("mail.confirmation.expiry", count: PluralOperands(1))?.contains("1 hour.") == false)
        #expect(
            english.text("mail.confirmation.expiry", count: PluralOperands(1))?.contains("{expiry_hours} hour.") == true
        )
    }

    @Test func aMalformedOperatorCatalogNamesFileLineAndReason() {
        #expect(
            throws: CatalogError(
                file: "/etc/herald/locales/de.po", line: 2, reason: "unterminated string (no closing quote)")
        ) {
            try load(["locales/de.po": "msgid \"a\"\nmsgstr \"offen\n"])
        }
        #expect(
            throws: CatalogError(
                file: "/etc/herald/locales/x_y.po", line: 0,
                reason: "the file name must be a language tag (uk.po, pt-BR.po)")
        ) {
            try load(["locales/x_y.po": ""])
        }
    }

    @Test func aPluralEntryWithTheWrongNumberOfFormsIsRefused() {
        let po = "msgid \"n\"\nmsgid_plural \"n\"\nmsgstr[0] \"один\"\nmsgstr[1] \"два\"\n"
        #expect(
            throws: CatalogError(
                file: "/etc/herald/locales/uk.po", line: 1,
                reason: "\"n\" has 2 plural forms; uk needs 4 (one, few, many, other)")
        ) {
            try load(["locales/uk.po": po])
        }
    }

    @Test func fuzzyAndEmptyTranslationsFallBackToEnglish() throws {
        let catalogs = try load([
            "locales/de.po":
                "#, fuzzy\nmsgid \"thank_you.heading\"\nmsgstr \"Danke?\"\n\nmsgid \"thank_you.title\"\nmsgstr \"\"\n"
        ])
        #expect(catalogs.messages(for: "de").text("thank_you.heading") == "Thank you!")
        #expect(catalogs.messages(for: "de").text("thank_you.title") == "Thank you")
    }

    @Test func rightToLeftLanguagesAreMarked() throws {
        let catalogs = try load(["locales/ar.po": "msgid \"thank_you.heading\"\nmsgstr \"شكرا!\"\n"])
        #expect(catalogs.messages(for: "ar").direction == "rtl" && catalogs.messages(for: "uk").direction == "ltr")
    }

    @Test func placeholdersAreSplitFromText() {
        #expect(
            MessagePlaceholders.pieces("Так, {suggestion}! {not a placeholder} {x") == [
                .text("Так, "), .placeholder("suggestion"), .text("! {not a placeholder} {x"),
            ])
        #expect(MessagePlaceholders.names(in: "{newsletter.title} — {b} {b}") == ["b", "newsletter.title"])
    }
}
