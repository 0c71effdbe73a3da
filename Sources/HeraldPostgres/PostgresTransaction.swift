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
    }

    func newsletters() async throws -> [Newsletter] {
        try await run(Q.listNewsletters).map { row in
            Newsletter(
                slug: row.string(0) ?? "", title: row.string(1) ?? "", description: row.string(2) ?? "",
                fromAddress: row.string(3), timeZone: row.string(4) ?? "UTC", digestFeed: row.string(5),
                sendsWelcome: row.bool(6) ?? true)
        }
    }

    func insertSubscriber(_ new: NewSubscriber) async throws -> Subscriber {
        let rows = try await run(
            Q.insertSubscriber,
            [
                .text(new.email), .text(new.smtpAddress), .text(new.canonicalKey), .optionalText(new.name),
                .text(new.attributesJSON), .date(new.createdAt), .date(new.createdAt),
            ])
        guard let row = rows.first else { throw StoreError.duplicate("a subscriber with this address exists") }
        return Self.subscriber(from: row)
    }

    func subscriber(canonicalKey: String) async throws -> Subscriber? {
        try await run(Q.subscriberByKey, [.text(canonicalKey)]).first.map(Self.subscriber(from:))
    }

    func subscriber(id: Int64) async throws -> Subscriber? {
        try await run(Q.subscriberByID, [.integer(id)]).first.map(Self.subscriber(from:))
    }

    /// Reads the columns of `PostgresQueries.subscriberColumns` (columns 0 to 7).
    static func subscriber(from row: PostgresStoredRow) -> Subscriber {
        Subscriber(
            id: row.int(0) ?? 0, email: row.string(1) ?? "", smtpAddress: row.string(2) ?? "",
            canonicalKey: row.string(3) ?? "", name: row.string(4), attributesJSON: row.string(5) ?? "{}",
            createdAt: row.date(6) ?? .distantPast, updatedAt: row.date(7) ?? .distantPast)
    }

    func updateSubscriberName(id: Int64, name: String?, at time: Date) async throws {
        let updated = try await run(Q.updateSubscriberName, [.optionalText(name), .date(time), .integer(id)])
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
            .map { Self.subscription(from: $0) }
    }

    func subscriptions(subscriberID: Int64) async throws -> [Subscription] {
        try await run(Q.subscriptionsOfSubscriber, [.integer(subscriberID)]).map { Self.subscription(from: $0) }
    }

    /// Reads the columns of `PostgresQueries.subscriptionColumns`, starting at column `first`.
    static func subscription(from row: PostgresStoredRow, at first: Int = 0) -> Subscription {
        Subscription(
            subscriberID: row.int(first) ?? 0, newsletter: row.string(first + 1) ?? "",
            status: SubscriptionStatus(rawValue: row.string(first + 2) ?? "") ?? .pending,
            createdAt: row.date(first + 3) ?? .distantPast, updatedAt: row.date(first + 4) ?? .distantPast,
            confirmedAt: row.date(first + 5), unsubscribedAt: row.date(first + 6))
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
                .date(t.createdAt), .date(t.expiresAt), .date(t.usedAt),
            ])
        guard !inserted.isEmpty else { throw StoreError.duplicate("a token with this hash exists") }
    }

    func token(hash: String) async throws -> TokenRecord? {
        try await run(Q.tokenByHash, [.text(hash)]).first.map { row in
            TokenRecord(
                hash: row.string(0) ?? "", purpose: TokenPurpose(rawValue: row.string(1) ?? "") ?? .confirm,
                subscriberID: row.int(2) ?? 0, newsletter: row.string(3), createdAt: row.date(4) ?? .distantPast,
                expiresAt: row.date(5) ?? .distantPast, usedAt: row.date(6))
        }
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
        try await run(Q.consentOfSubscriber, [.integer(subscriberID)]).map { row in
            ConsentEvent(
                subscriberID: row.int(0) ?? 0, newsletter: row.string(1),
                action: ConsentAction(rawValue: row.string(2) ?? "") ?? .adminChange, ipAddress: row.string(3),
                userAgent: row.string(4), source: row.string(5), occurredAt: row.date(6) ?? .distantPast)
        }
    }

    func setting(named name: String, default value: String) async throws -> String {
        try await run(Q.insertSettingIfAbsent, [.text(name), .text(value)])
        return try await run(Q.settingByName, [.text(name)]).first?.string(0) ?? value
    }

    func saveSetting(named name: String, value: String) async throws {
        try await run(Q.saveSetting, [.text(name), .text(value)])
    }
}
