import Foundation
import HeraldCore
import Testing

@testable import HeraldImport

/// Found by Fuzz/fuzz-import: the import's row reading, checked record by record through
/// `ImportRecordSink` (the same path `herald subscribers import` takes, without a store).
@Suite("Import rows: fuzzing findings")
struct ImportFuzzFindingsTests {
    /// The records of `text`, header first.
    private func records(_ bytes: [UInt8]) -> [CSVRecord] {
        var parser = CSVParser()
        var result: [CSVRecord] = []
        bytes.withUnsafeBufferPointer { parser.feed($0) { result.append($0) } }
        parser.finish { result.append($0) }
        return result
    }

    /// Runs `text` through a sink: the batched rows and every row error, or the header error.
    private func read(_ text: String) throws -> (rows: [ImportedSubscription], errors: [ImportRowError]) {
        var sink = ImportRecordSink(
            newsletters: ["news": ["en"], "daily": ["en"]], defaultNewsletter: "news", defaultStatus: .confirmed,
            emailPolicy: .default,
            importedAt: Date(timeIntervalSince1970: 1_764_000_000), collectsRows: true)
        var errors: [ImportRowError] = []
        for record in records(Array(text.utf8)) { try sink.take(record) { errors.append($0) } }
        return (sink.builder.take().rows, errors)
    }

    @Test(arguments: ["0000-01-01T00:30:00+01:00", "9999-12-31T23:59:59-12:00", "9999-12-31T23:30:00-00:30"])
    func aDateTheExportCannotWriteIsRefused(_ text: String) throws {
        // The export writes years 0000…9999 in UTC; these fall into year -1 or 10000 there.
        #expect(ImportDate.parse(text) == nil)
        let (_, errors) = try read("email,created_at\na@example.org,\(text)\n")
        #expect(errors.map(\.problem) == [.badDate(column: "created_at")])
    }

    @Test(arguments: ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0000-01-01T00:30:00-01:00"])
    func theFirstAndLastRepresentableInstantsRoundTrip(_ text: String) throws {
        let date = try #require(ImportDate.parse(text))
        #expect(ImportDate.parse(ImportDate.format(date)) == date)
    }

    @Test(arguments: ["2023-02-29", "6717-02-29", "2026-04-31", "2026-06-31T10:00:00Z", "1900-02-29"])
    func aDayTheMonthDoesNotHaveIsRefused(_ text: String) {
        #expect(ImportDate.parse(text) == nil)
    }

    @Test(arguments: ["2024-02-29", "2000-02-29", "2026-04-30", "2026-12-31T23:59:60Z"])
    func realCalendarDaysAreRead(_ text: String) throws {
        let date = try #require(ImportDate.parse(text))
        #expect(ImportDate.format(date).hasPrefix(text.hasSuffix(":60Z") ? "2027-01-01" : String(text.prefix(10))))
    }

    @Test(arguments: ["created\u{7F}at", "city\u{85}", "\u{9B}31m"])
    func aColumnNameWithAnyControlCharacterIsRefused(_ name: String) throws {
        // DEL and the C1 controls (U+009B is a terminal's CSI) reached error lines and the export header.
        #expect(throws: ImportFileError.self) { try read("email,\(name)\na@example.org,x\n") }
    }

    @Test(arguments: ["Ann\u{85}", "\u{9B}31mAnn", "An\u{80}n", "Ann\u{7F}", "\u{202E}nnA", "A\u{2067}nn\u{2069}"])
    func aNameWithAnyControlCharacterOrBidiOverrideIsRefused(_ name: String) throws {
        // Fuzz/fuzz-import found a NEL (U+0085) kept in a name: only C0 and DEL were refused,
        // where signup and the admin API refuse every control character, C1 included, and the
        // bidirectional overrides and isolates that make a name read backwards.
        let (rows, errors) = try read("email,name\na@example.org,\(name)\n")
        #expect(rows.isEmpty)
        #expect(errors.map(\.problem) == [.controlCharacters(column: "name")])
    }

    @Test(arguments: ["Ann", "Анна-Марія", "محمد", "Zoë\u{200D}", "李 小龙"])
    func namesInAnyScriptAreKept(_ name: String) throws {
        let (rows, errors) = try read("email,name\na@example.org,\(name)\n")
        #expect(errors.isEmpty)
        #expect(rows.first?.name == name)
    }

    @Test func anErrorLineShowsEveryControlCharacterAsAQuestionMark() throws {
        let (_, errors) = try read("email,newsletter\na@example.org,n\u{85}e\u{9B}w\u{1B}s\n")
        let line = try #require(errors.first).description
        #expect(line.contains("\"n?e?w?s\""))
        #expect(!line.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    @Test func anAttributeStartingWithAByteOrderMarkKeepsIt() throws {
        // Foundation's JSON reader drops a leading U+FEFF from a string: written raw, the
        // attribute "\u{FEFF}" read back as "" and "\u{FEFF}city" as "city".
        let (rows, errors) = try read("email,\u{FEFF},\u{FEFF}city\na@example.org,Lviv,\u{FEFF}Kyiv\n")
        #expect(errors.isEmpty)
        let members = JSONValue.objectMembers(of: try #require(rows.first).attributesJSON)
        #expect(members == ["\u{FEFF}": .string("Lviv"), "\u{FEFF}city": .string("\u{FEFF}Kyiv")])
    }

    @Test func aConfirmedRowMergedWithALaterUnsubscribedOneKeepsNoConfirmationDate() throws {
        let (rows, _) = try read(
            "email,status,confirmed_at\nann@example.org,confirmed,2025-06-01T08:05:00Z\nAnn@Example.org,unsubscribed,\n"
        )
        let row = try #require(rows.first)
        #expect(rows.count == 1 && row.status == .unsubscribed && row.confirmedAt == nil)
    }

    @Test func everyDataRowIsCountedOnceAsAcceptedOrInvalid() throws {
        var sink = ImportRecordSink(
            newsletters: ["news": ["en"]], defaultNewsletter: "news", defaultStatus: .pending, emailPolicy: .default,
            importedAt: Date(timeIntervalSince1970: 0), collectsRows: false)
        var lines: [Int] = []
        for record in records(
            Array("email,name\na@example.org,A\n\nnot-an-address,B\r\"b@x.org\nc@example.org,\"C\n".utf8))
        {
            try sink.take(record) { lines.append($0.line) }
        }
        #expect(sink.summary.rows == 3 && sink.summary.invalid == 2 && lines == [4, 5])
        #expect(sink.builder.count == 0)
    }
}
