import Foundation
import HeraldCore

/// One import of one file with fixed options: a validating pass, or a writing pass.
struct ImportRun: Sendable {
    let importer: SubscriberImporter
    let path: String
    let options: ImportOptions
    /// Whole milliseconds, so it reads back equal from every store (see `tally`).
    let importedAt: Date
    let defaultNewsletter: String
    let consentSource: String

    init(importer: SubscriberImporter, path: String, options: ImportOptions, startedAt: Date) throws {
        guard (1...100_000).contains(options.batchSize) else { throw ImportUsageError.badBatchSize(options.batchSize) }
        guard let first = importer.newsletters.first else { throw ImportUsageError.noNewsletters }
        if let slug = options.newsletter, !importer.newsletters.contains(where: { $0.slug == slug }) {
            throw ImportUsageError.unknownNewsletter(slug)
        }
        self.importer = importer
        self.path = path
        self.options = options
        importedAt = Date(timeIntervalSince1970: (startedAt.timeIntervalSince1970 * 1000).rounded() / 1000)
        defaultNewsletter = options.newsletter ?? first.slug
        let file = URL(fileURLWithPath: path).lastPathComponent
        consentSource = "import of \(file) by \(options.operatorName)"
    }

    func pass(write: Bool, invalidRow: (ImportRowError) -> Void, progress: (ImportProgress) -> Void) async throws
        -> ImportSummary
    {
        let file = try FileChunks(path: path)
        defer { file.close() }
        var sink = ImportRecordSink(
            newsletters: Dictionary(
                importer.newsletters.map { ($0.slug, Newsletter.offeredLanguages([$0])) }, uniquingKeysWith: { $1 }),
            defaultNewsletter: defaultNewsletter,
            defaultStatus: options.status, emailPolicy: options.emailPolicy, importedAt: importedAt, collectsRows: write
        )
        var parser = CSVParser()
        var bytesRead = 0
        while let chunk = try file.next() {
            bytesRead += chunk.count
            try chunk.withUnsafeBytes { raw in
                try parser.feed(raw.bindMemory(to: UInt8.self)) { try sink.take($0, invalidRow: invalidRow) }
            }
            if write, sink.builder.count >= options.batchSize {
                try await flush(&sink)
                progress(ImportProgress(bytesRead: bytesRead, totalBytes: file.size, rows: sink.summary.rows))
            }
        }
        try parser.finish { try sink.take($0, invalidRow: invalidRow) }
        guard sink.hasHeader else { throw ImportFileError.empty }
        if write, sink.builder.count > 0 { try await flush(&sink) }
        progress(ImportProgress(bytesRead: bytesRead, totalBytes: file.size, rows: sink.summary.rows))
        return sink.summary
    }

    private func flush(_ state: inout ImportRecordSink) async throws {
        let (rows, merged) = state.builder.take()
        state.summary.duplicatesMerged += merged
        let outcome = try await importer.writer.write(
            SubscriberImportBatch(rows: rows, importedAt: importedAt, consentSource: consentSource),
            sendConfirmation: options.sendConfirmation)
        state.summary.suppressedSkipped += rows.count - outcome.kept.count
        state.summary.confirmationsQueued += outcome.confirmations
        for row in outcome.kept {
            switch outcome.result.preexisting[ImportKey(canonicalKey: row.canonicalKey, newsletter: row.newsletter)] {
            case nil: state.summary.imported += 1
            case importedAt?: state.summary.duplicatesMerged += 1
            case _?: state.summary.updated += 1
            }
        }
    }
}
