import Foundation
import HeraldCore

/// The validating half of an import pass: the first record names the columns, every later one is
/// checked, counted in the summary and (when collecting) handed to the batch builder.
///
/// Pure (no file, no store), so it is what the `fuzz-import` harness drives record by record.
struct ImportRecordSink {
    /// Each newsletter's slug and the languages it offers, its own language first.
    let newsletters: [String: [String]]
    let defaultNewsletter: String
    let defaultStatus: SubscriptionStatus
    let emailPolicy: EmailValidationPolicy
    let importedAt: Date
    /// Whether valid rows go to `builder` (the writing pass) or are only counted (the checking pass).
    let collectsRows: Bool
    private(set) var reader: ImportRowReader?
    var builder = ImportBatchBuilder()
    var summary = ImportSummary()

    init(
        newsletters: [String: [String]], defaultNewsletter: String, defaultStatus: SubscriptionStatus,
        emailPolicy: EmailValidationPolicy, importedAt: Date, collectsRows: Bool
    ) {
        self.newsletters = newsletters
        self.defaultNewsletter = defaultNewsletter
        self.defaultStatus = defaultStatus
        self.emailPolicy = emailPolicy
        self.importedAt = importedAt
        self.collectsRows = collectsRows
    }

    /// Whether the header record has been read (a file without one is `ImportFileError.empty`).
    var hasHeader: Bool { reader != nil }

    /// Takes the next record of the file; `invalidRow` hears of every rejected data row.
    ///
    /// - Throws: `ImportFileError.badHeader` when the first record is not a usable header.
    mutating func take(_ record: CSVRecord, invalidRow: (ImportRowError) -> Void) throws(ImportFileError) {
        guard let reader else {
            reader = ImportRowReader(
                columns: try ImportColumns(header: record), newsletters: newsletters,
                defaultNewsletter: defaultNewsletter, defaultStatus: defaultStatus, emailPolicy: emailPolicy,
                importedAt: importedAt)
            return
        }
        summary.rows += 1
        switch reader.read(record) {
        case .success(let row):
            if collectsRows { builder.add(row) }
        case .failure(let error):
            summary.invalid += 1
            invalidRow(error)
        }
    }
}
