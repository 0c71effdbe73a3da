import Foundation
import HeraldCore
import HeraldFeeds
import HeraldImport
import HeraldMail

// herald-parser-probe: a test-only executable (not a product, never installed) that runs Herald's
// hand-written parsers over a batch of inputs for the differential tests in
// Tests/integration/test_parser_differential.py, which compare the answers with parsers nobody
// here wrote (html5lib, Python's csv and email packages).
//
// Usage: herald-parser-probe sanitize-html|csv|xml-entity-repair|dsn < inputs.json > answers.json
// Input: a JSON array of inputs (HTML strings; base64 of CSV, XML or report files).
// Output: a JSON array with one answer per input, in order (see ParserProbe+answers.swift).

let arguments = CommandLine.arguments.dropFirst()
guard let command = arguments.first, let probe = ParserProbe(rawValue: command) else {
    FileHandle.standardError.write(
        Data("usage: herald-parser-probe sanitize-html|csv|xml-entity-repair|dsn < inputs.json\n".utf8))
    exit(2)
}
do {
    let inputs = try ParserProbe.readInputs(FileHandle.standardInput.readDataToEndOfFile())
    let answers = try inputs.map(probe.answer)
    FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: answers, options: [.sortedKeys]))
} catch {
    FileHandle.standardError.write(Data("herald-parser-probe: \(error)\n".utf8))
    exit(1)
}
