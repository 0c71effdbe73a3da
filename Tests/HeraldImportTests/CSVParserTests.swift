import HeraldCore
import HeraldImport
import Testing

/// The streaming RFC 4180 parser: syntax, line numbers, recovery, and chunking.
@Suite("CSV parser")
struct CSVParserTests {
    struct Parsed: Equatable, CustomStringConvertible {
        var line: Int
        var fields: [String]
        var problem: CSVProblem?
        var description: String { "\(line): \(fields) \(problem.map { "\($0)" } ?? "")" }
    }

    /// Parses `input` fed in chunks of `chunkSize` bytes.
    static func parse(_ input: [UInt8], chunkSize: Int = 1 << 16, maxRecordBytes: Int = 1024, maxFields: Int = 100)
        -> [Parsed]
    {
        var parser = CSVParser(maxRecordBytes: maxRecordBytes, maxFields: maxFields)
        var out: [Parsed] = []
        let collect: (CSVRecord) -> Void = { record in
            out.append(
                Parsed(
                    line: record.line, fields: (0..<record.count).map { String(decoding: record[$0], as: UTF8.self) },
                    problem: record.problem))
        }
        var start = 0
        while start < input.count {
            let end = min(input.count, start + chunkSize)
            Array(input[start..<end]).withUnsafeBufferPointer { parser.feed($0, collect) }
            start = end
        }
        parser.finish(collect)
        return out
    }

    static func parse(_ text: String, chunkSize: Int = 1 << 16) -> [Parsed] {
        parse(Array(text.utf8), chunkSize: chunkSize)
    }

    @Test func plainRecordsWithEveryLineBreakStyle() {
        let expected = [
            Parsed(line: 1, fields: ["email", "name"]), Parsed(line: 2, fields: ["a@x.org", "A"]),
            Parsed(line: 3, fields: ["b@x.org", ""]),
        ]
        #expect(Self.parse("email,name\na@x.org,A\nb@x.org,\n") == expected)
        #expect(Self.parse("email,name\r\na@x.org,A\r\nb@x.org,\r\n") == expected)
        #expect(Self.parse("email,name\ra@x.org,A\rb@x.org,") == expected)
    }

    @Test func aByteOrderMarkIsDroppedEvenWhenSplitAcrossChunks() {
        let input = [0xEF, 0xBB, 0xBF] + Array("email\r\na@x.org\r\n".utf8)
        for size in [1, 2, 3, 64] {
            #expect(Self.parse(input, chunkSize: size).map(\.fields) == [["email"], ["a@x.org"]])
        }
        #expect(Self.parse([0xEF, 0xBB]).map(\.fields) == [["\u{FFFD}"]])
    }

    @Test func quotedFieldsHoldCommasLineBreaksAndDoubledQuotes() {
        let text =
            "email,name,note\r\n\"a@x.org\",\"Doe, Jane\",\"line one\r\nline \"\"two\"\"\"\r\nb@x.org,\"\",\"\"\"\"\r\n"
        let parsed = Self.parse(text)
        #expect(
            parsed == [
                Parsed(line: 1, fields: ["email", "name", "note"]),
                Parsed(line: 2, fields: ["a@x.org", "Doe, Jane", "line one\r\nline \"two\""]),
                Parsed(line: 4, fields: ["b@x.org", "", "\""]),
            ])
    }

    @Test func emptyLinesAreSkippedAndLineNumbersStayPhysical() {
        let parsed = Self.parse("a\n\n\r\nb\n\"c\nc\"\n\nd")
        #expect(parsed.map(\.line) == [1, 4, 5, 8])
        #expect(parsed.map(\.fields) == [["a"], ["b"], ["c\nc"], ["d"]])
    }

    @Test func everyChunkSizeGivesTheSameRecords() {
        let text = "\u{FEFF}e,n\r\n\"x,y\",\"q\"\"q\"\r\nplain,\"multi\nline\"\r\n\"bad\"x,y\r\nlast,one"
        let whole = Self.parse(text)
        for size in [1, 2, 3, 5, 7, 13] { #expect(Self.parse(text, chunkSize: size) == whole) }
        #expect(whole.count == 5)
    }

    @Test func strayQuotesAreReportedAndTheRecordKept() {
        let parsed = Self.parse("ab\"c,d\n\"abc\"x,y\nok,ok\n")
        #expect(
            parsed == [
                Parsed(line: 1, fields: ["ab\"c", "d"], problem: .quoteInUnquotedField),
                Parsed(line: 2, fields: ["abcx", "y"], problem: .textAfterClosingQuote),
                Parsed(line: 3, fields: ["ok", "ok"]),
            ])
    }

    @Test func anUnclosedQuoteAtTheEndIsReportedAndTheFollowingLinesParsedAgain() {
        let parsed = Self.parse("e\n\"open,still\nb@x.org\nc@x.org\n")
        #expect(parsed.first == Parsed(line: 1, fields: ["e"]))
        #expect(parsed[1].line == 2 && parsed[1].problem == .unterminatedQuote)
        #expect(
            Array(parsed.dropFirst(2)) == [Parsed(line: 3, fields: ["b@x.org"]), Parsed(line: 4, fields: ["c@x.org"])])
    }

    @Test func anUnclosedQuoteInALongFileCostsOnlyItsOwnLine() {
        var text = "email\n\"broken@x.org\n"
        for index in 0..<200 { text += "user\(index)@x.org\n" }
        let parsed = Self.parse(Array(text.utf8), chunkSize: 100, maxRecordBytes: 256)
        #expect(parsed[1].problem == .recordTooLong && parsed[1].line == 2)
        let good = parsed.filter { $0.problem == nil }
        #expect(good.count == 201)
        #expect(good.last == Parsed(line: 202, fields: ["user199@x.org"]))
    }

    @Test func anOverlongUnquotedLineIsSkippedToItsEnd() {
        let long = String(repeating: "x", count: 5000)
        let parsed = Self.parse(Array("a\n\(long),\"y\n\nb\n".utf8), chunkSize: 333, maxRecordBytes: 1024)
        #expect(parsed.map(\.line) == [1, 2, 4])
        #expect(parsed[1].problem == .recordTooLong)
        #expect(parsed[2].fields == ["b"])
    }

    @Test func tooManyFieldsIsReported() {
        let parsed = Self.parse(Array((String(repeating: "x,", count: 150) + "\nok\n").utf8), maxFields: 100)
        #expect(parsed.map(\.problem) == [.tooManyFields, nil])
        #expect(parsed.last?.fields == ["ok"])
    }

    @Test func bytesPassThroughUnchangedForTheCallerToValidate() {
        var parser = CSVParser()
        var texts: [String?] = []
        let input: [UInt8] = [0x61, 0xFF, 0x2C, 0x00, 0x62, 0x0A]
        input.withUnsafeBufferPointer { parser.feed($0) { texts = [$0.text(0), $0.text(1)] } }
        #expect(texts == [nil, "\u{0}b"])
    }
}

@Suite("CSV writer")
struct CSVWriterTests {
    @Test func formulaCellsAreNeutralisedAndTheImporterUndoesIt() {
        for cell in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"http://evil\")"] {
            let safe = CSVWriter.neutralised(cell)
            #expect(safe == "'" + cell)
            #expect(CSVWriter.unneutralised(safe) == cell)
        }
        for cell in ["plain", "'quoted", "", "a=b", "'"] {
            #expect(CSVWriter.neutralised(cell) == cell)
            #expect(CSVWriter.unneutralised(cell) == cell)
        }
    }

    // Found by Fuzz/Harnesses/fuzz-csv: a value that itself starts with an apostrophe and a formula
    // starter lost its apostrophe on export and re-import.
    @Test func anApostropheBeforeAFormulaStarterSurvivesTheRoundTrip() {
        for cell in ["'=1", "'\tx", "''-1", "'@x", "'=B'A"] {
            #expect(CSVWriter.unneutralised(CSVWriter.neutralised(cell)) == cell)
        }
    }

    @Test func writtenRecordsParseBackToTheSameFields() {
        let rows = [
            ["email", "name"], ["a@x.org", "Doe, \"JD\" Jane"], ["b@x.org", "two\nlines"], ["c@x.org", " pad "],
            ["d@x.org", "=cmd|' /C calc'!A0"],
        ]
        var writer = CSVWriter()
        for row in rows { writer.write(row) }
        let bytes = writer.drain()
        #expect(String(decoding: bytes, as: UTF8.self).hasSuffix("\r\n"))
        let parsed = CSVParserTests.parse(bytes).map { $0.fields.map(CSVWriter.unneutralised) }
        #expect(parsed == rows)
        #expect(writer.buffer.isEmpty)
    }
}
