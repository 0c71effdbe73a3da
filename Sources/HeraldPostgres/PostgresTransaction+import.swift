import Foundation
import HeraldCore

/// Bulk import and export on PostgreSQL.
extension PostgresTransaction {
    func importSubscribers(_ batch: SubscriberImportBatch) async throws -> SubscriberImportBatchResult {
        guard !batch.rows.isEmpty else { return SubscriberImportBatchResult(preexisting: [:], changed: []) }
        let rows = PostgresValue.text(try PostgresImportRows.json(batch.rows))
        var preexisting: [ImportKey: Date] = [:]
        for row in try await run(Q.importPreexisting, [rows]) {
            preexisting[ImportKey(stored: row)] = row.date(2) ?? .distantPast
        }
        try await run(Q.importSubscribers, [rows, .date(batch.importedAt)])
        if batch.rows.contains(where: { $0.language != nil }) { try await run(Q.importLanguages, [rows]) }
        let changed = try await run(Q.importSubscriptions, [rows, .date(batch.importedAt)]).map {
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

/// The JSON form of an import batch for `jsonb_to_recordset`.
enum PostgresImportRows {
    struct Row: Encodable {
        let e, s, k: String
        let n: String?
        let a, l, t: String
        let c: Int64
        let f: Int64?
        /// The file's language, and a new subscriber's when the file names none.
        let g, h: String?
    }

    static func json(_ rows: [ImportedSubscription]) throws -> String {
        let encoded = rows.map {
            Row(
                e: $0.email, s: $0.smtpAddress, k: $0.canonicalKey, n: $0.name, a: $0.attributesJSON, l: $0.newsletter,
                t: $0.status.rawValue, c: $0.createdAt.storedMilliseconds, f: $0.confirmedAt?.storedMilliseconds,
                g: $0.language, h: $0.newSubscriberLanguage)
        }
        return String(decoding: try JSONEncoder().encode(encoded), as: UTF8.self)
    }
}
