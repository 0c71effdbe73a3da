import Foundation
import HeraldCore

/// Turns one data record into a validated import row, or says why it cannot be imported.
struct ImportRowReader: Sendable {
    static let maxNameLength = 100
    static let maxValueLength = 1000

    let columns: ImportColumns
    /// Each newsletter's slug and the languages it offers, its own language first.
    let newsletters: [String: [String]]
    let defaultNewsletter: String
    let defaultStatus: SubscriptionStatus
    let emailPolicy: EmailValidationPolicy
    let importedAt: Date

    func read(_ record: CSVRecord) -> Result<ImportedRow, ImportRowError> {
        do {
            return .success(try row(record))
        } catch {
            return .failure(ImportRowError(line: record.line, problem: error))
        }
    }

    private func row(_ record: CSVRecord) throws(ImportRowProblem) -> ImportedRow {
        if let problem = record.problem { throw .syntax(problem) }
        guard record.count == columns.count else { throw .fieldCount(expected: columns.count, found: record.count) }
        let emailText = try text(record, columns.email, "email")
        let address: EmailAddress
        do {
            address = try EmailAddress(validating: emailText, policy: emailPolicy)
        } catch {
            throw .email(error.code)
        }
        let name = try cleanName(try optionalText(record, columns.name, "name") ?? "")
        let newsletter = nonEmpty(try optionalText(record, columns.newsletter, "newsletter") ?? "") ?? defaultNewsletter
        guard let offered = newsletters[newsletter] else { throw .unknownNewsletter(newsletter) }
        let language = try languageCell(record, offered: offered)
        var status = defaultStatus
        if let cell = nonEmpty(try optionalText(record, columns.status, "status") ?? "") {
            status = try parseStatus(cell)
        }
        let createdAt = try date(record, columns.createdAt, "created_at") ?? importedAt
        let confirmedAt = status == .confirmed ? try date(record, columns.confirmedAt, "confirmed_at") : nil
        var attributes: [(String, String)] = []
        for (attribute, index) in columns.attributes {
            let value = try text(record, index, attribute)
            guard !value.isEmpty else { continue }
            guard value.utf8.count <= Self.maxValueLength || value.count <= Self.maxValueLength else {
                throw .valueTooLong(column: attribute, limit: Self.maxValueLength)
            }
            guard !value.unicodeScalars.contains(where: Self.isForbiddenInValue) else {
                throw .controlCharacters(column: attribute)
            }
            attributes.append((attribute, value))
        }
        return ImportedRow(
            line: record.line, address: address, name: name, attributes: attributes, newsletter: newsletter,
            language: language, newsletterLanguage: offered.first, status: status, createdAt: createdAt,
            confirmedAt: confirmedAt)
    }

    /// Field `index` as text, with the export's formula neutralisation undone.
    private func text(_ record: CSVRecord, _ index: Int, _ column: String) throws(ImportRowProblem) -> String {
        guard let text = record.text(index) else { throw .invalidUTF8(column: column) }
        return CSVWriter.unneutralised(text)
    }

    private func optionalText(_ record: CSVRecord, _ index: Int?, _ column: String) throws(ImportRowProblem)
        -> String?
    {
        guard let index else { return nil }
        return try text(record, index, column)
    }

    /// The name trimmed, nil when empty; refused when too long or holding a control character or a
    /// bidirectional override (the admin API's rule; signup's is stricter still).
    private func cleanName(_ raw: String) throws(ImportRowProblem) -> String? {
        let name = Self.trimmed(raw)
        guard !name.isEmpty else { return nil }
        guard name.utf8.count <= Self.maxNameLength || name.count <= Self.maxNameLength else {
            throw .nameTooLong(Self.maxNameLength)
        }
        guard !name.unicodeScalars.contains(where: DisplayControls.contains) else {
            throw .controlCharacters(column: "name")
        }
        return name
    }

    /// The `language` cell spelled as the newsletter offers it (tags compare case-insensitively),
    /// or nil when the file leaves it empty or has no such column.
    private func languageCell(_ record: CSVRecord, offered: [String]) throws(ImportRowProblem) -> String? {
        guard let cell = nonEmpty(try optionalText(record, columns.language, "language") ?? "") else { return nil }
        guard cell.utf8.count <= 35, let match = offered.first(where: { $0.lowercased() == cell.lowercased() })
        else { throw .unknownLanguage(cell, offered: offered) }
        return match
    }

    private func parseStatus(_ text: String) throws(ImportRowProblem) -> SubscriptionStatus {
        guard let status = SubscriptionStatus(rawValue: text.lowercased()) else { throw .unknownStatus(text) }
        return status
    }

    private func date(_ record: CSVRecord, _ index: Int?, _ column: String) throws(ImportRowProblem) -> Date? {
        guard let text = nonEmpty(try optionalText(record, index, column) ?? "") else { return nil }
        guard let date = ImportDate.parse(text) else { throw .badDate(column: column) }
        return date
    }

    private func nonEmpty(_ text: String) -> String? {
        let trimmed = Self.trimmed(text)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `text` without surrounding spaces and tabs (a fast path for the common text without any).
    static func trimmed(_ text: String) -> String {
        guard let first = text.utf8.first, let last = text.utf8.last else { return text }
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard isBlank(first) || isBlank(last) || first >= 0x80 || last >= 0x80 else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Control characters other than tab, CR and LF (which a multi-line note may hold).
    private static func isForbiddenInValue(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\r" && scalar != "\n") || scalar.value == 0x7F
    }
}

/// A validated row before batching: the address with its line, fields still separate.
struct ImportedRow: Sendable {
    var line: Int
    var address: EmailAddress
    var name: String?
    var attributes: [(String, String)]
    var newsletter: String
    /// The file's language (one the newsletter offers); nil when the row names none.
    var language: String?
    /// The newsletter's own language: what a new subscriber gets when no row names one.
    var newsletterLanguage: String?
    var status: SubscriptionStatus
    var createdAt: Date
    var confirmedAt: Date?

    var key: ImportKey { ImportKey(canonicalKey: address.canonicalKey, newsletter: newsletter) }
}
