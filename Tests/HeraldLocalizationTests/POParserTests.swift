import Testing

@testable import HeraldLocalization

/// Reading gettext PO files: what translators write, and what a broken or hostile file gets.
@Suite("PO parser")
struct POParserTests {
    func parse(_ text: String) throws(CatalogError) -> [POEntry] {
        try POParser.parse(Array(text.utf8), file: "uk.po")
    }

    func failure(_ bytes: [UInt8]) -> CatalogError? {
        do {
            _ = try POParser.parse(bytes, file: "uk.po")
            return nil
        } catch {
            return error
        }
    }

    func failure(_ text: String) -> CatalogError? { failure(Array(text.utf8)) }

    @Test func readsContextPluralsCommentsAndContinuedStrings() throws {
        let entries = try parse(
            """
            # translator note
            msgid ""
            msgstr ""
            "Language: uk\\n"

            #. Shown above the signup form.
            #, fuzzy, c-format
            msgctxt "form"
            msgid "signup.title"
            msgstr "Підпишіться на "
            "«Новини»"

            msgid "articles"
            msgid_plural "articles"
            msgstr[0] "{count} стаття"
            msgstr[1] "{count} статті"
            msgstr[2] "{count} статей"
            msgstr[3] "{count} статті"
            """)
        #expect(entries.count == 3)
        #expect(entries[0].isHeader && entries[0].translations == ["Language: uk\n"])
        #expect(entries[1].context == "form" && entries[1].id == "signup.title")
        #expect(entries[1].translations == ["Підпишіться на «Новини»"])
        #expect(entries[1].comments == ["Shown above the signup form."] && entries[1].flags == ["fuzzy", "c-format"])
        #expect(entries[1].line == 8)
        #expect(entries[2].isPlural && entries[2].translations.count == 4 && entries[2].line == 13)
    }

    @Test func decodesEscapes() throws {
        let entries = try parse(#"msgid "a"\#nmsgstr "line\nnext \"quoted\" back\\slash\ttab""#)
        #expect(entries[0].translations == ["line\nnext \"quoted\" back\\slash\ttab"])
    }

    @Test func crlfLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("msgid \"a\"\r\nmsgstr \"б\"\r\n".utf8)
        let entries = try POParser.parse(bytes, file: "uk.po")
        #expect(entries.map(\.translations) == [["б"]])
    }

    @Test func skipsObsoleteEntries() throws {
        let entries = try parse("#~ msgid \"old\"\n#~ msgstr \"старе\"\nmsgid \"a\"\nmsgstr \"б\"\n")
        #expect(entries.map(\.id) == ["a"])
    }

    @Test func malformedFilesAreRefusedWithLineAndReason() {
        let cases: [(String, Int, String)] = [
            ("msgid \"a\"\nmsgstr \"unterminated\n", 2, "unterminated string (no closing quote)"),
            ("msgid \"a\"\nmsgstr \"x\" tail\n", 2, "text after the closing quote"),
            ("msgid \"a\"\nmsgstr \"\\q\"\n", 2, "unknown escape \\q"),
            ("msgid \"a\"\nmsgstr \"x\"\nmsgid \"a\"\nmsgstr \"y\"\n", 3, "duplicate message \"a\" (first at line 1)"),
            ("msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"y\"\n", 3, "msgid without msgstr before it"),
            ("msgid \"a\"\n", 1, "msgid \"a\" has no msgstr"),
            ("\"floating\"\n", 1, "a string that continues no keyword"),
            ("msgid \"a\"\nmsgstr[0] \"x\"\n", 2, "msgstr[0] without msgid_plural"),
            ("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr \"x\"\n", 3, "a plural entry needs msgstr[0], msgstr[1], …"),
            ("msgid \"a\"\nmsgid_plural \"a\"\nmsgstr[1] \"x\"\n", 3, "msgstr[1] out of order"),
            ("msgid \"a\"\nmsgtxt \"x\"\n", 2, "unknown keyword 'msgtxt'"),
            ("msgstr \"x\"\n", 1, "msgstr without msgid"),
            ("msgid \"a\"\nmsgctxt \"c\"\nmsgstr \"x\"\n", 2, "msgctxt must come before msgid"),
            ("msgid a\nmsgstr \"x\"\n", 1, "expected a quoted string"),
        ]
        for (text, line, reason) in cases {
            #expect(failure(text) == CatalogError(file: "uk.po", line: line, reason: reason), "\(text)")
        }
    }

    @Test func invalidUTF8IsRefusedAtItsLine() {
        let bytes = Array("msgid \"a\"\nmsgstr \"".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8)
        #expect(failure(bytes) == CatalogError(file: "uk.po", line: 2, reason: "line is not valid UTF-8"))
    }

    @Test func aHugeFileIsRefusedBeforeReading() {
        let bytes = [UInt8](repeating: UInt8(ascii: "#"), count: POParser.maximumBytes + 1)
        #expect(failure(bytes) == CatalogError(file: "uk.po", line: 0, reason: "file is larger than 4 MiB"))
    }

    @Test func htmlAndSQLInTranslationsAreKeptAsText() throws {
        let entries = try parse("msgid \"a\"\nmsgstr \"<script>alert(1)</script>'; DROP TABLE subscribers;--\"\n")
        #expect(entries[0].translations == ["<script>alert(1)</script>'; DROP TABLE subscribers;--"])
    }

    @Test func theErrorNamesFileAndLine() {
        #expect(
            CatalogError(file: "/etc/herald/locales/de.po", line: 7, reason: "unterminated string").description
                == "locales: /etc/herald/locales/de.po:7: unterminated string")
    }
}
