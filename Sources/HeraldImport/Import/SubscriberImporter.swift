import Foundation
import HeraldCore

/// `herald subscribers import`: streams a CSV file into the store in batches, one transaction each.
///
/// Rows are validated like signups; bad rows are reported with their line and skipped (with
/// `strict`, a first pass validates the whole file and nothing is written if any row is bad).
/// Suppressed addresses are skipped and counted. Memory stays flat: one batch and one chunk
/// of the file at a time.
public struct SubscriberImporter: Sendable {
    /// Writes each batch (one transaction each).
    let writer: SubscriberImportWriter
    let newsletters: [Newsletter]
    let now: @Sendable () -> Date

    public init(
        store: any SubscriberStore, newsletters: [Newsletter], confirmations: (any ImportConfirmationSender)?,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        writer = SubscriberImportWriter(store: ScopedStore(store) { $0 }, confirmations: confirmations)
        self.newsletters = newsletters
        self.now = now
    }

    /// Imports `path`. `invalidRow` is called for every rejected row, `progress` after every batch.
    ///
    /// - Throws: `ImportFileError` (unreadable file, bad header), `ImportUsageError`, store errors
    ///   (batches committed before the error stay committed).
    public func run(
        path: String, options: ImportOptions, invalidRow: (ImportRowError) -> Void = { _ in },
        progress: (ImportProgress) -> Void = { _ in }
    ) async throws -> ImportSummary {
        let run = try ImportRun(importer: self, path: path, options: options, startedAt: now())
        if options.strict {
            var check = try await run.pass(write: false, invalidRow: invalidRow, progress: { _ in })
            if check.invalid > 0 {
                check.committed = false
                return check
            }
            return try await run.pass(write: true, invalidRow: { _ in }, progress: progress)
        }
        return try await run.pass(write: true, invalidRow: invalidRow, progress: progress)
    }
}

/// Why an import cannot start.
public enum ImportUsageError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownNewsletter(String)
    case noNewsletters
    case badBatchSize(Int)

    public var description: String {
        switch self {
        case .unknownNewsletter(let slug): "--newsletter \(slug): no configured newsletter has this slug"
        case .noNewsletters: "no newsletter is configured"
        case .badBatchSize(let size): "--batch-size \(size): must be 1…100000"
        }
    }
}
