import Foundation
import HeraldCore

/// Bulk import and export on PostgreSQL.
extension PostgresTransaction {
    func importSubscribers(_ batch: SubscriberImportBatch) async throws -> SubscriberImportBatchResult {
        guard !batch.rows.isEmpty else { return SubscriberImportBatchResult(preexisting: [:], changed: []) }
        try await run(Q.createImportRows)
        try await connection.copy(
            PostgresImportRows.copyText(batch.rows), into: Q.importRowsTable, columns: PostgresImportRows.columns,
            logger: logger, answerWithin: answerLimit)
        var preexisting: [ImportKey: Date] = [:]
        for row in try await run(Q.importPreexisting) {
            preexisting[ImportKey(stored: row)] = row.date(2) ?? .distantPast
        }
        try await run(Q.importSubscribers, [.date(batch.importedAt)])
        if batch.rows.contains(where: { $0.language != nil }) { try await run(Q.importLanguages) }
        let changed = try await run(Q.importSubscriptions, [.date(batch.importedAt)]).map {
            Subscription(stored: $0)
        }
        if !changed.isEmpty {
            try await run(
                Q.importConsent,
                [
                    .integers(changed.map(\.subscriberID)), .texts(changed.map(\.newsletter)),
                    .text(batch.consentSource),
                    .date(batch.importedAt),
                ])
        }
        try await run(Q.dropImportRows)
        return SubscriberImportBatchResult(preexisting: preexisting, changed: changed)
    }

    func exportPage(
        newsletter: String?, status: SubscriptionStatus?, afterSubscriberID: Int64, afterNewsletter: String, limit: Int
    ) async throws -> [SubscriberExportRow] {
        try await run(
            Q.exportPage,
            [
                .optionalText(newsletter), .optionalText(status?.rawValue), .integer(afterSubscriberID),
                .text(afterNewsletter), .integer(Int64(limit)),
            ]
        ).map { row in
            SubscriberExportRow(subscriber: Subscriber(stored: row), subscription: Subscription(stored: row, at: 9))
        }
    }

    func exportAttributeNames(newsletter: String?, status: SubscriptionStatus?) async throws -> [String] {
        try await run(Q.exportAttributeNames, [.optionalText(newsletter), .optionalText(status?.rawValue)])
            .compactMap { $0.string(0) }
    }
}

/// An import batch as rows of the staging table `import_rows` (`PostgresQueries.createImportRows`).
enum PostgresImportRows {
    /// The staging table's columns, in the order `copyText` writes them: address as written, SMTP
    /// address, canonical key, name, attributes (JSON), newsletter, status, created and confirmed
    /// (milliseconds), the file's language and a new subscriber's language.
    static let columns = ["e", "s", "k", "n", "a", "l", "t", "c", "f", "g", "h"]

    static func copyText(_ rows: [ImportedSubscription]) -> PostgresCopyText {
        var text = PostgresCopyText(capacity: rows.count * 160)
        for row in rows {
            for value in [row.email, row.smtpAddress, row.canonicalKey, row.name, row.attributesJSON, row.newsletter] {
                text.append(value)
            }
            text.append(row.status.rawValue)
            text.append(row.createdAt.storedMilliseconds)
            text.append(row.confirmedAt?.storedMilliseconds)
            text.append(row.language)
            text.append(row.newSubscriberLanguage)
            text.endRow()
        }
        return text
    }
}
