import Foundation
import HeraldCore
import Logging
import PostgresNIO

/// The store operations on one leased PostgreSQL connection inside an open transaction.
struct PostgresTransaction: StoreTransaction {
    let connection: PostgresConnection
    let logger: Logger
    /// How long one statement may go unanswered before the connection counts as gone.
    let answerLimit: Duration
    let erasureKeySlot: ErasureKeySlot?
    typealias Q = PostgresQueries

    /// Runs `sql` with `values` bound to $1, $2, …
    @discardableResult
    func run(_ sql: String, _ values: [PostgresValue] = []) async throws -> [PostgresStoredRow] {
        try await connection.run(sql, values, logger: logger, answerWithin: answerLimit)
    }

    func upsertNewsletter(_ n: Newsletter) async throws {
        try await run(
            Q.upsertNewsletter,
            [
                .text(n.slug), .text(n.title), .text(n.description), .optionalText(n.fromAddress), .text(n.timeZone),
                .optionalText(n.digestFeed), .bool(n.sendsWelcome),
            ])
        for adopt in [Q.adoptLegacyIssues, Q.adoptLegacySentArticles] {
            try await run(adopt, [.text(n.slug), .text(n.language)])
        }
    }

    func newsletters() async throws -> [Newsletter] {
        try await run(Q.listNewsletters).map(Newsletter.init(stored:))
    }

    func insertSubscriber(_ new: NewSubscriber) async throws -> Subscriber {
        let rows = try await run(
            Q.insertSubscriber,
            [
                .text(new.email), .text(new.smtpAddress), .text(new.canonicalKey), .optionalText(new.name),
                .text(new.attributesJSON), .date(new.createdAt), .date(new.createdAt), .optionalText(new.language),
            ])
        guard let row = rows.first else { throw StoreError.duplicate("a subscriber with this address exists") }
        return Subscriber(stored: row)
    }

    func subscriber(canonicalKey: String) async throws -> Subscriber? {
        try await run(Q.subscriberByKey, [.text(canonicalKey)]).first.map(Subscriber.init(stored:))
    }

    func subscriber(id: Int64) async throws -> Subscriber? {
        try await run(Q.subscriberByID, [.integer(id)]).first.map(Subscriber.init(stored:))
    }

    func updateSubscriberName(id: Int64, name: String?, at time: Date) async throws {
        let updated = try await run(Q.updateSubscriberName, [.optionalText(name), .date(time), .integer(id)])
        guard updated.count == 1 else { throw StoreError.notFound("subscriber \(id)") }
    }

    func updateSubscriberLanguage(id: Int64, language: String?, at time: Date) async throws {
        let updated = try await run(Q.updateSubscriberLanguage, [.optionalText(language), .date(time), .integer(id)])
        guard updated.count == 1 else { throw StoreError.notFound("subscriber \(id)") }
    }

    func subscriberCount() async throws -> Int {
        Int(try await run(Q.countSubscribers).first?.int(0) ?? 0)
    }

    func purgePending(before cutoff: Date) async throws -> Int {
        try await run(Q.purgeStalePendingSubscriptions, [.date(cutoff)])
        return try await run(Q.purgeSubscribersWithoutSubscriptions, [.date(cutoff)]).count
    }

    func subscription(subscriberID: Int64, newsletter: String) async throws -> Subscription? {
        try await run(Q.subscriptionByKey, [.integer(subscriberID), .text(newsletter)]).first
            .map { Subscription(stored: $0) }
    }

    func subscriptions(subscriberID: Int64) async throws -> [Subscription] {
        try await run(Q.subscriptionsOfSubscriber, [.integer(subscriberID)]).map { Subscription(stored: $0) }
    }

    func saveSubscription(_ s: Subscription) async throws {
        try await run(
            Q.saveSubscription,
            [
                .integer(s.subscriberID), .text(s.newsletter), .text(s.status.rawValue), .date(s.createdAt),
                .date(s.updatedAt), .date(s.confirmedAt), .date(s.unsubscribedAt),
            ])
    }

    func insertToken(_ t: TokenRecord) async throws {
        let inserted = try await run(
            Q.insertToken,
            [
                .text(t.hash), .text(t.purpose.rawValue), .integer(t.subscriberID), .optionalText(t.newsletter),
                .date(t.createdAt), .date(t.expiresAt), .date(t.usedAt), .optionalText(t.pendingName),
            ])
        guard !inserted.isEmpty else { throw StoreError.duplicate("a token with this hash exists") }
    }

    func token(hash: String) async throws -> TokenRecord? {
        try await run(Q.tokenByHash, [.text(hash)]).first.map(TokenRecord.init(stored:))
    }

    func markTokenUsed(hash: String, at time: Date) async throws -> Bool {
        try await run(Q.markTokenUsed, [.date(time), .text(hash)]).count == 1
    }

    func appendConsent(_ e: ConsentEvent) async throws {
        try await run(
            Q.appendConsent,
            [
                .integer(e.subscriberID), .optionalText(e.newsletter), .text(e.action.rawValue),
                .optionalText(e.ipAddress), .optionalText(e.userAgent), .optionalText(e.source), .date(e.occurredAt),
            ])
    }

    func consentEvents(subscriberID: Int64) async throws -> [ConsentEvent] {
        try await run(Q.consentOfSubscriber, [.integer(subscriberID)]).map(ConsentEvent.init(stored:))
    }

    func setting(named name: String, default value: String) async throws -> String {
        try await run(Q.insertSettingIfAbsent, [.text(name), .text(value)])
        return try await run(Q.settingByName, [.text(name)]).first?.string(0) ?? value
    }

    func saveSetting(named name: String, value: String) async throws {
        try await run(Q.saveSetting, [.text(name), .text(value)])
    }

    func takeSetting(named name: String) async throws -> String? {
        try await run(Q.takeSetting, [.text(name)]).first?.string(0)
    }
}
