import Foundation
import HeraldCore
import HeraldFeeds
import HeraldImport
import HeraldMail

/// The parsers the probe runs, one answer (a JSON value) per input.
enum ParserProbe: String {
    /// `HTMLSanitizer.sanitize` with base URL `https://feed.example.org/posts/`: the output HTML.
    case sanitizeHTML = "sanitize-html"
    /// `CSVParser` over the whole file: `[{"line": n, "problem": code|null, "fields": [base64…]}]`.
    case csv
    /// `XMLEntityRepair` (the feed reader's step before libxml2): base64 of the repaired bytes.
    case xmlEntityRepair = "xml-entity-repair"
    /// `DeliveryReportParser.parse`: `{"error": code}` or `{"bounces": [[address, kind]…], "ignored": n}`.
    case dsn

    struct BadInput: Error, CustomStringConvertible {
        var description: String
    }

    static func readInputs(_ data: Data) throws -> [String] {
        guard let inputs = try JSONSerialization.jsonObject(with: data) as? [String] else {
            throw BadInput(description: "standard input is not a JSON array of strings")
        }
        return inputs
    }

    func answer(_ input: String) throws -> Any {
        switch self {
        case .sanitizeHTML:
            return HTMLSanitizer.sanitize(input, baseURL: "https://feed.example.org/posts/")
        case .csv:
            return Self.csvRecords(try Self.bytes(input))
        case .xmlEntityRepair:
            return Data(XMLEntityRepair.replacingHTMLEntities(in: try Self.bytes(input))).base64EncodedString()
        case .dsn:
            return Self.report(try Self.bytes(input))
        }
    }

    static func bytes(_ base64: String) throws -> [UInt8] {
        guard let data = Data(base64Encoded: base64) else { throw BadInput(description: "input is not base64") }
        return Array(data)
    }

    static func csvRecords(_ bytes: [UInt8]) -> [[String: Any]] {
        var parser = CSVParser()
        var records: [[String: Any]] = []
        let emit = { (record: CSVRecord) in
            records.append([
                "line": record.line, "problem": record.problem?.rawValue ?? NSNull(),
                "fields": (0..<record.count).map { Data(record[$0]).base64EncodedString() },
            ])
        }
        bytes.withUnsafeBufferPointer { parser.feed($0, emit) }
        parser.finish(emit)
        return records
    }

    static func report(_ bytes: [UInt8]) -> [String: Any] {
        do {
            let report = try DeliveryReportParser.parse(bytes, receivedAt: Date(timeIntervalSince1970: 0))
            return [
                "bounces": report.bounces.map { [$0.address, $0.kind.rawValue] },
                "ignored": report.ignored.count,
            ]
        } catch {
            return ["error": error.code.rawValue]
        }
    }
}
