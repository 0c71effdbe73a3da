import Foundation
import HeraldCore

/// The store operations on an SQLite connection inside an open transaction.
struct SQLiteTransaction: StoreTransaction {
    let connection: SQLiteConnection
    typealias Q = SQLiteQueries

    func upsertNewsletter(_ n: Newsletter) async throws {
        try connection.query(Q.upsertNewsletter, [
            .text(n.slug), .text(n.title), .text(n.description), .optionalText(n.fromAddress), .text(n.timeZone),
            .optionalText(n.digestFeed), .integer(n.sendsWelcome ? 1 : 0),
        ])
    }

    func newsletters() async throws -> [Newsletter] {
        try connection.query(Q.listNewsletters).map { row in
            Newsletter(
                slug: row.string(0) ?? "", title: row.string(1) ?? "", description: row.string(2) ?? "",
                fromAddress: row.string(3), timeZone: row.string(4) ?? "UTC", digestFeed: row.string(5),
                sendsWelcome: row.int(6) != 0)
        }
    }

    func insertSubscriber(_ new: NewSubscriber) async throws -> Subscriber {
        try connection.query(Q.insertSubscriber, [
            .text(new.email), .text(new.smtpAddress), .text(new.canonicalKey), .optionalText(new.name),
            .text(new.attributesJSON), .date(new.createdAt), .date(new.createdAt),
        ])
        let id = connection.lastInsertRowID
        guard let stored = try await subscriber(id: id) else { throw StoreError.corrupt("inserted subscriber vanished") }
        return stored
    }

    func subscriber(canonicalKey: String) async throws -> Subscriber? {
        try connection.query(Q.subscriberByKey, [.text(canonicalKey)]).first.map(Self.subscriber(from:))
    }

    func subscriber(id: Int64) async throws -> Subscriber? {
        try connection.query(Q.subscriberByID, [.integer(id)]).first.map(Self.subscriber(from:))
    }

    static func subscriber(from row: SQLiteRow) -> Subscriber {
        Subscriber(
            id: row.int(0) ?? 0, email: row.string(1) ?? "", smtpAddress: row.string(2) ?? "",
            canonicalKey: row.string(3) ?? "", name: row.string(4), attributesJSON: row.string(5) ?? "{}",
            createdAt: row.date(6) ?? .distantPast, updatedAt: row.date(7) ?? .distantPast)
    }

    func updateSubscriberName(id: Int64, name: String?, at time: Date) async throws {
        try connection.query(Q.updateSubscriberName, [.optionalText(name), .date(time), .integer(id)])
        guard connection.changes == 1 else { throw StoreError.notFound("subscriber \(id)") }
    }

    func subscriberCount() async throws -> Int {
        Int(try connection.query(Q.countSubscribers).first?.int(0) ?? 0)
    }

    func purgePending(before cutoff: Date) async throws -> Int {
        try connection.query(Q.purgeStalePendingSubscriptions, [.date(cutoff)])
        try connection.query(Q.purgeSubscribersWithoutSubscriptions, [.date(cutoff)])
        return connection.changes
    }

    func subscription(subscriberID: Int64, newsletter: String) async throws -> Subscription? {
        try connection.query(Q.subscriptionByKey, [.integer(subscriberID), .text(newsletter)]).first
            .map { Self.subscription(from: $0) }
    }

    func subscriptions(subscriberID: Int64) async throws -> [Subscription] {
        try connection.query(Q.subscriptionsOfSubscriber, [.integer(subscriberID)]).map { Self.subscription(from: $0) }
    }

    /// Reads the columns of `SQLiteQueries.subscriptionColumns`, starting at column `first`.
    static func subscription(from row: SQLiteRow, at first: Int = 0) -> Subscription {
        Subscription(
            subscriberID: row.int(first) ?? 0, newsletter: row.string(first + 1) ?? "",
            status: SubscriptionStatus(rawValue: row.string(first + 2) ?? "") ?? .pending,
            createdAt: row.date(first + 3) ?? .distantPast, updatedAt: row.date(first + 4) ?? .distantPast,
            confirmedAt: row.date(first + 5), unsubscribedAt: row.date(first + 6))
    }

    func saveSubscription(_ s: Subscription) async throws {
        try connection.query(Q.saveSubscription, [
            .integer(s.subscriberID), .text(s.newsletter), .text(s.status.rawValue), .date(s.createdAt),
            .date(s.updatedAt), .date(s.confirmedAt), .date(s.unsubscribedAt),
        ])
    }

    func insertToken(_ t: TokenRecord) async throws {
        try connection.query(Q.insertToken, [
            .text(t.hash), .text(t.purpose.rawValue), .integer(t.subscriberID), .optionalText(t.newsletter),
            .date(t.createdAt), .date(t.expiresAt), .date(t.usedAt),
        ])
    }

    func token(hash: String) async throws -> TokenRecord? {
        try connection.query(Q.tokenByHash, [.text(hash)]).first.map { row in
            TokenRecord(
                hash: row.string(0) ?? "", purpose: TokenPurpose(rawValue: row.string(1) ?? "") ?? .confirm,
                subscriberID: row.int(2) ?? 0, newsletter: row.string(3), createdAt: row.date(4) ?? .distantPast,
                expiresAt: row.date(5) ?? .distantPast, usedAt: row.date(6))
        }
    }

    func markTokenUsed(hash: String, at time: Date) async throws -> Bool {
        try connection.query(Q.markTokenUsed, [.date(time), .text(hash)])
        return connection.changes == 1
    }

    func appendConsent(_ e: ConsentEvent) async throws {
        try connection.query(Q.appendConsent, [
            .integer(e.subscriberID), .optionalText(e.newsletter), .text(e.action.rawValue),
            .optionalText(e.ipAddress), .optionalText(e.userAgent), .optionalText(e.source), .date(e.occurredAt),
        ])
    }

    func consentEvents(subscriberID: Int64) async throws -> [ConsentEvent] {
        try connection.query(Q.consentOfSubscriber, [.integer(subscriberID)]).map { row in
            ConsentEvent(
                subscriberID: row.int(0) ?? 0, newsletter: row.string(1),
                action: ConsentAction(rawValue: row.string(2) ?? "") ?? .adminChange, ipAddress: row.string(3),
                userAgent: row.string(4), source: row.string(5), occurredAt: row.date(6) ?? .distantPast)
        }
    }

    func setting(named name: String, default value: String) async throws -> String {
        try connection.query(Q.insertSettingIfAbsent, [.text(name), .text(value)])
        return try connection.query(Q.settingByName, [.text(name)]).first?.string(0) ?? value
    }

    func enqueueMail(_ d: OutboxDraft) async throws -> Int64 {
        try connection.query(Q.enqueueMail, [
            .text(d.kind.rawValue), .optionalInteger(d.subscriberID), .optionalText(d.throttleKey),
            .text(d.mail.sender), .text(try Self.encodeRecipients(d.mail.recipients)),
            .integer(d.mail.requiresSMTPUTF8 ? 1 : 0), .blob(d.mail.data), .date(d.createdAt), .date(d.createdAt),
        ])
        return connection.lastInsertRowID
    }

    func mailCount(throttleKey: String, kind: MailKind, since: Date) async throws -> Int {
        Int(try connection.query(Q.countMailForKey, [.text(throttleKey), .text(kind.rawValue), .date(since)])
            .first?.int(0) ?? 0)
    }

    func claimDueMail(now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage] {
        try connection.query(Q.claimDueMail, [.date(leaseUntil), .date(now), .integer(Int64(limit))])
            .map(Self.outboxMessage(from:))
            .sorted { $0.id < $1.id }
    }

    func markMailSent(id: Int64, at time: Date, reply: String) async throws {
        try connection.query(Q.markMailSent, [.date(time), .text(reply), .integer(id)])
        guard connection.changes == 1 else { throw StoreError.notFound("outbox message \(id)") }
    }

    func markMailRetry(id: Int64, attempts: Int, nextAttemptAt: Date, result: String) async throws {
        try connection.query(Q.markMailRetry, [.integer(Int64(attempts)), .date(nextAttemptAt), .text(result), .integer(id)])
    }

    func markMailFailed(id: Int64, attempts: Int, at time: Date, result: String) async throws {
        try connection.query(Q.markMailFailed, [.integer(Int64(attempts)), .text(result), .integer(id)])
    }

    func outboxMessage(id: Int64) async throws -> OutboxMessage? {
        try connection.query(Q.outboxByID, [.integer(id)]).first.map(Self.outboxMessage(from:))
    }

    func outboxSummary() async throws -> OutboxSummary {
        var counts: [OutboxState: Int] = [:]
        for row in try connection.query(Q.outboxCounts) {
            if let state = OutboxState(rawValue: row.string(0) ?? "") { counts[state] = Int(row.int(1) ?? 0) }
        }
        let oldest = try connection.query(Q.oldestPendingMail).first?.date(0)
        return OutboxSummary(counts: counts, oldestPendingCreatedAt: oldest)
    }

    private static func encodeRecipients(_ recipients: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(recipients), as: UTF8.self)
    }

    private static func outboxMessage(from row: SQLiteRow) -> OutboxMessage {
        let recipients = (try? JSONDecoder().decode([String].self, from: Data((row.string(5) ?? "[]").utf8))) ?? []
        let mail = OutgoingMail(
            sender: row.string(4) ?? "", recipients: recipients, requiresSMTPUTF8: row.int(6) == 1, data: row.bytes(7))
        return OutboxMessage(
            id: row.int(0) ?? 0, kind: MailKind(rawValue: row.string(1) ?? "") ?? .other, subscriberID: row.int(2),
            throttleKey: row.string(3), mail: mail, state: OutboxState(rawValue: row.string(8) ?? "") ?? .pending,
            attempts: Int(row.int(9) ?? 0), createdAt: row.date(10) ?? .distantPast,
            nextAttemptAt: row.date(11) ?? .distantPast, lastResult: row.string(12), sentAt: row.date(13))
    }
}
