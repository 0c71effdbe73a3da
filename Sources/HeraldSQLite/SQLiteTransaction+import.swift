import Foundation
import HeraldCore

/// Bulk import and export on SQLite.
extension SQLiteTransaction {
    func importSubscribers(_ batch: SubscriberImportBatch) async throws -> SubscriberImportBatchResult {
        try connection.execute(Q.importCacheSize)
        try connection.execute(Q.createImportStage)
        try connection.query(Q.clearImportStage)
        for row in batch.rows {
            try connection.query(
                Q.stageImportRow,
                [
                    .text(row.email), .text(row.smtpAddress), .text(row.canonicalKey), .optionalText(row.name),
                    .text(row.attributesJSON), .text(row.newsletter), .text(row.status.rawValue), .date(row.createdAt),
                    .date(row.confirmedAt), .optionalText(row.language), .optionalText(row.newSubscriberLanguage),
                ])
        }
        let lastID = try connection.query(Q.lastSubscriberID).first?.int(0) ?? 0
        try connection.query(Q.deferTrigrams)
        try connection.query(Q.importSubscribers, [.date(batch.importedAt)])
        try connection.query(Q.resumeTrigrams)
        try indexTrigrams(of: connection.query(Q.subscribersAfter, [.integer(lastID)]))
        try connection.query(Q.resolveStagedSubscribers)
        if batch.rows.contains(where: { $0.language != nil }) { try connection.query(Q.importLanguages) }
        var preexisting: [ImportKey: Date] = [:]
        for row in try connection.query(Q.importPreexisting) {
            preexisting[ImportKey(stored: row)] = row.date(2) ?? .distantPast
        }
        let changed = try connection.query(Q.importSubscriptions, [.date(batch.importedAt)])
            .map { Subscription(stored: $0) }
        for (newsletter, ids) in Dictionary(grouping: changed, by: \.newsletter).mapValues({ $0.map(\.subscriberID) }) {
            try connection.query(
                Q.importConsent,
                [
                    .text("[" + ids.map(String.init).joined(separator: ",") + "]"), .text(newsletter),
                    .text(batch.consentSource), .date(batch.importedAt),
                ])
        }
        try connection.query(Q.clearImportStage)
        return SubscriberImportBatchResult(preexisting: preexisting, changed: changed)
    }

    func exportPage(
        newsletter: String?, status: SubscriptionStatus?, afterSubscriberID: Int64, afterNewsletter: String, limit: Int
    ) async throws -> [SubscriberExportRow] {
        try connection.query(
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
        try connection.query(Q.exportAttributeNames, [.optionalText(newsletter), .optionalText(status?.rawValue)])
            .compactMap { $0.string(0) }
    }
}
