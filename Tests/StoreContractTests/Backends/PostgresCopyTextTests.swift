import Testing

@testable import HeraldPostgres

/// The rows an import copies into PostgreSQL (`COPY … FROM STDIN`, text format): a value can never
/// end its column or row early, nor be read as NULL.
@Suite("PostgreSQL: COPY text rows")
struct PostgresCopyTextTests {
    private func encoded(_ build: (inout PostgresCopyText) -> Void) -> String {
        var text = PostgresCopyText(capacity: 16)
        build(&text)
        return String(decoding: text.bytes, as: UTF8.self)
    }

    @Test func separatorsLineBreaksAndBackslashesAreEscapedAndNilIsNull() {
        let row = encoded {
            $0.append("a\tb\nc\rd\\e")
            $0.append(#"\N"#)
            $0.append(nil as String?)
            $0.append(Int64(-42))
            $0.append(nil as Int64?)
            $0.append("Олена 'x'; --")
            $0.endRow()
            $0.append("")
            $0.endRow()
        }
        #expect(row == #"a\tb\nc\rd\\e"# + "\t" + #"\\N"# + "\t" + #"\N"# + "\t-42\t" + #"\N"# + "\tОлена 'x'; --\n\n")
    }
}
