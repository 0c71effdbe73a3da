import Foundation
import FuzzDriver

@testable import HeraldCore
@testable import HeraldImport

/// What one import pass produced, and the promises it must keep.
struct ImportCheck {
    static let newsletters: [String: [String]] = ["news": ["en", "uk"], "daily": ["en"]]
    static let importedAt = Date(timeIntervalSince1970: 1_764_000_000.123)

    /// Every reason an import gives for a row, as documented in `ImportRowProblem.code`.
    static let reasonCodes: Set<String> = {
        let csv = [
            "quote_in_unquoted_field", "text_after_closing_quote", "unterminated_quote", "record_too_long",
            "too_many_fields",
        ]
        let fixed = [
            "field_count", "invalid_utf8", "name_too_long", "control_characters", "value_too_long",
            "unknown_newsletter",
            "unknown_status", "bad_date",
        ]
        return Set(csv.map { "csv_" + $0 } + fixed + EmailValidationError.Code.allCases.map { "email_" + $0.rawValue })
    }()

    let file: [UInt8]
    var recordLines: [Int] = []
    var errors: [ImportRowError] = []
    var batches: [(rows: [ImportedSubscription], merged: Int)] = []

    init(file: [UInt8]) { self.file = file }

    /// Physical lines of the file: LF, CRLF and a lone CR each end one.
    var physicalLines: Int {
        var count = 1
        for (index, byte) in file.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 == file.count || file[index + 1] != 0x0A)) { count += 1 }
        }
        return count
    }

    func verify(_ summary: ImportSummary, hasHeader: Bool) {
        guard hasHeader else {
            require(recordLines.isEmpty && errors.isEmpty, "records without a header")
            return
        }
        verifyLines()
        let accepted = summary.rows - summary.invalid
        require(
            summary.rows == recordLines.count - 1,
            "\(summary.rows) rows counted for \(recordLines.count - 1) data records")
        require(summary.invalid == errors.count, "\(summary.invalid) invalid rows counted, \(errors.count) reported")
        let batched = batches.reduce(0) { $0 + $1.rows.count }
        let merged = batches.reduce(0) { $0 + $1.merged }
        require(
            accepted >= 0 && batched + merged == accepted,
            "\(accepted) rows accepted, \(batched) batched + \(merged) merged")
        for error in errors {
            require(Self.reasonCodes.contains(error.problem.code), "unknown reason code \(error.problem.code)")
            requireOneLine(error.description, "row error")
        }
        for batch in batches { verify(batch.rows) }
    }

    /// Records start on increasing lines within the file; every error names one of them.
    private func verifyLines() {
        let lines = physicalLines
        for (index, line) in recordLines.enumerated() {
            require((1...lines).contains(line), "record on line \(line) of a \(lines)-line file")
            require(index == 0 || recordLines[index - 1] < line, "records out of order: \(recordLines)")
        }
        var data = recordLines.dropFirst()[...]
        for error in errors {
            guard let at = data.firstIndex(of: error.line) else {
                fatalError("error on line \(error.line) names no data record (records: \(recordLines))")
            }
            data = data[(at + 1)...]
        }
    }

    private func verify(_ rows: [ImportedSubscription]) {
        var keys = Set<ImportKey>()
        var shared: [String: (String?, String)] = [:]
        for row in rows {
            require(
                keys.insert(ImportKey(canonicalKey: row.canonicalKey, newsletter: row.newsletter)).inserted,
                "address and newsletter twice in one batch: \(row.canonicalKey)")
            require(Self.newsletters[row.newsletter] != nil, "unconfigured newsletter \(row.newsletter)")
            verifyAddress(row)
            verifyName(row.name)
            verifyAttributes(row.attributesJSON)
            verifyDates(row)
            if let earlier = shared[row.canonicalKey] {
                require(
                    earlier.0 == row.name && earlier.1 == row.attributesJSON,
                    "rows of one address disagree on name or attributes")
            }
            shared[row.canonicalKey] = (row.name, row.attributesJSON)
        }
    }

    private func verifyAddress(_ row: ImportedSubscription) {
        for form in [row.email, row.smtpAddress] {
            guard let again = try? EmailAddress(validating: form, policy: .default) else {
                fatalError("an imported address does not validate again: \(String(reflecting: form))")
            }
            require(
                again.canonicalKey == row.canonicalKey && again.smtpAddress == row.smtpAddress,
                "an imported address changes on revalidation: \(String(reflecting: form))")
        }
    }

    private func verifyName(_ name: String?) {
        guard let name else { return }
        require(!name.isEmpty && name == ImportRowReader.trimmed(name), "name not trimmed: \(String(reflecting: name))")
        require(name.count <= ImportRowReader.maxNameLength, "name over the limit: \(name.count)")
        require(
            !name.unicodeScalars.contains {
                $0.properties.generalCategory == .control || (0x202A...0x202E).contains($0.value)
                    || (0x2066...0x2069).contains($0.value)
            },
            "control character or bidirectional override in a name: \(String(reflecting: name))")
    }

    private func verifyAttributes(_ json: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: String] else {
            fatalError("attributes are not a JSON object of strings: \(String(reflecting: json))")
        }
        for (name, value) in object {
            require(
                !name.isEmpty && !ImportColumns.reserved.contains(name.lowercased()),
                "attribute named \(String(reflecting: name))")
            require(!value.isEmpty, "empty attribute \(String(reflecting: name)) stored")
            require(
                !value.unicodeScalars.contains { $0.value < 0x20 && !"\t\r\n".unicodeScalars.contains($0) },
                "control character in attribute \(String(reflecting: name))")
        }
        require(object.isEmpty == (json == "{}"), "attributes \(String(reflecting: json))")
    }

    /// Dates the export would write (`ImportDate.format`) read back to the same second.
    private func verifyDates(_ row: ImportedSubscription) {
        require(
            row.confirmedAt == nil || row.status == .confirmed,
            "a \(row.status) subscription carries a confirmation date")
        for date in [row.createdAt, row.confirmedAt].compactMap({ $0 }) {
            let written = ImportDate.format(date)
            let second = date.timeIntervalSince1970.rounded(.down)
            require(
                ImportDate.parse(written)?.timeIntervalSince1970 == second,
                "the date \(date.timeIntervalSince1970) is exported as \(written), which does not import back")
        }
    }

    /// A cell the import reads as a UTC date names that calendar day and time (no 2024-02-30 read as March 1st).
    static func verifyDateCell(_ text: String) {
        guard text.utf8.count <= 40, let date = ImportDate.parse(text) else { return }
        let time = text.dropFirst(10)
        guard !time.contains("+"), !time.contains("-"), !time.contains(":60") else { return }
        let written = ImportDate.format(date)
        require(written.hasPrefix(text.prefix(10)), "\(String(reflecting: text)) is read as \(written)")
        if text.utf8.count >= 16 {
            require(
                written.dropFirst(11).prefix(5) == text.dropFirst(11).prefix(5),
                "\(String(reflecting: text)) is read as \(written)")
        }
    }

    /// Operators read these on a terminal: one line, no control characters.
    func requireOneLine(_ text: String, _ what: String) {
        require(
            !text.unicodeScalars.contains { $0.properties.generalCategory == .control },
            "\(what) has control characters: \(String(reflecting: text))")
    }
}
