import Foundation
import HeraldCore

/// The store operations on an SQLite connection inside an open transaction.
struct SQLiteTransaction: StoreTransaction {
    let connection: SQLiteConnection
    let erasureKeySlot: ErasureKeySlot?
    typealias Q = SQLiteQueries

    func upsertNewsletter(_ n: Newsletter) async throws {
        try connection.query(
            Q.upsertNewsletter,
            [
                .text(n.slug), .text(n.title), .text(n.description), .optionalText(n.fromAddress), .text(n.timeZone),
                .optionalText(n.digestFeed), .integer(n.sendsWelcome ? 1 : 0),
            ])
        for adopt in [Q.adoptLegacyIssues, Q.adoptLegacySentArticles] {
            try connection.query(adopt, [.text(n.slug), .text(n.language)])
        }
    }

    func newsletters() async throws -> [Newsletter] {
        try connection.query(Q.listNewsletters).map(Newsletter.init(stored:))
    }

    func insertSubscriber(_ new: NewSubscriber) async throws -> Subscriber {
        try connection.query(
            Q.insertSubscriber,
            [
                .text(new.email), .text(new.smtpAddress), .text(new.canonicalKey), .optionalText(new.name),
                .text(new.attributesJSON), .date(new.createdAt), .date(new.createdAt), .optionalText(new.language),
            ])
        let id = connection.lastInsertRowID
        guard let stored = try await subscriber(id: id) else {
            throw StoreError.corrupt("inserted subscriber vanished")
        }
        return stored
    }

    func subscriber(canonicalKey: String) async throws -> Subscriber? {
        try connection.query(Q.subscriberByKey, [.text(canonicalKey)]).first.map(Subscriber.init(stored:))
    }

    func subscriber(id: Int64) async throws -> Subscriber? {
        try connection.query(Q.subscriberByID, [.integer(id)]).first.map(Subscriber.init(stored:))
    }

    func updateSubscriberName(id: Int64, name: String?, at time: Date) async throws {
        try connection.query(Q.updateSubscriberName, [.optionalText(name), .date(time), .integer(id)])
        guard connection.changes == 1 else { throw StoreError.notFound("subscriber \(id)") }
    }

    func updateSubscriberLanguage(id: Int64, language: String?, at time: Date) async throws {
        try connection.query(Q.updateSubscriberLanguage, [.optionalText(language), .date(time), .integer(id)])
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
            .map { Subscription(stored: $0) }
    }

    func subscriptions(subscriberID: Int64) async throws -> [Subscription] {
        try connection.query(Q.subscriptionsOfSubscriber, [.integer(subscriberID)]).map { Subscription(stored: $0) }
    }

    func saveSubscription(_ s: Subscription) async throws {
        try connection.query(
            Q.saveSubscription,
            [
                .integer(s.subscriberID), .text(s.newsletter), .text(s.status.rawValue), .date(s.createdAt),
                .date(s.updatedAt), .date(s.confirmedAt), .date(s.unsubscribedAt),
            ])
    }

    func insertToken(_ t: TokenRecord) async throws {
        try connection.query(
            Q.insertToken,
            [
                .text(t.hash), .text(t.purpose.rawValue), .integer(t.subscriberID), .optionalText(t.newsletter),
                .date(t.createdAt), .date(t.expiresAt), .date(t.usedAt), .optionalText(t.pendingName),
            ])
    }

    func token(hash: String) async throws -> TokenRecord? {
        try connection.query(Q.tokenByHash, [.text(hash)]).first.map(TokenRecord.init(stored:))
    }

    func markTokenUsed(hash: String, at time: Date) async throws -> Bool {
        try connection.query(Q.markTokenUsed, [.date(time), .text(hash)])
        return connection.changes == 1
    }

    func appendConsent(_ e: ConsentEvent) async throws {
        try connection.query(
            Q.appendConsent,
            [
                .integer(e.subscriberID), .optionalText(e.newsletter), .text(e.action.rawValue),
                .optionalText(e.ipAddress), .optionalText(e.userAgent), .optionalText(e.source), .date(e.occurredAt),
            ])
    }

    func consentEvents(subscriberID: Int64) async throws -> [ConsentEvent] {
        try connection.query(Q.consentOfSubscriber, [.integer(subscriberID)]).map(ConsentEvent.init(stored:))
    }

    func setting(named name: String, default value: String) async throws -> String {
        try connection.query(Q.insertSettingIfAbsent, [.text(name), .text(value)])
        return try connection.query(Q.settingByName, [.text(name)]).first?.string(0) ?? value
    }

    func enqueueMail(_ d: OutboxDraft) async throws -> Int64 {
        try connection.query(
            Q.enqueueMail,
            [
                .text(d.kind.rawValue), .optionalInteger(d.subscriberID), .optionalText(d.throttleKey),
                .text(d.mail.sender), .text(try OutboxMessage.storedRecipients(d.mail.recipients)),
                .integer(d.mail.requiresSMTPUTF8 ? 1 : 0), .blob(d.mail.data), .date(d.createdAt), .date(d.createdAt),
            ])
        return connection.lastInsertRowID
    }

    func mailCount(throttleKey: String, kind: MailKind, since: Date) async throws -> Int {
        Int(
            try connection.query(Q.countMailForKey, [.text(throttleKey), .text(kind.rawValue), .date(since)])
                .first?.int(0) ?? 0)
    }

    func claimDueMail(owner: String, now: Date, limit: Int, leaseUntil: Date) async throws -> [OutboxMessage] {
        try connection.query(Q.claimDueMail, [.date(leaseUntil), .text(owner), .date(now), .integer(Int64(limit))])
            .map(OutboxMessage.init(stored:))
            .sorted { $0.id < $1.id }
    }

    func markMailSent(id: Int64, owner: String, at time: Date, reply: String) async throws -> Bool {
        try connection.query(Q.markMailSent, [.date(time), .text(reply), .integer(id), .text(owner)])
        return connection.changes == 1
    }

    func markMailRetry(id: Int64, owner: String, attempts: Int, nextAttemptAt: Date, result: String) async throws
        -> Bool
    {
        try connection.query(
            Q.markMailRetry,
            [.integer(Int64(attempts)), .date(nextAttemptAt), .text(result), .integer(id), .text(owner)])
        return connection.changes == 1
    }

    func markMailFailed(id: Int64, owner: String, attempts: Int, at time: Date, result: String) async throws -> Bool {
        try connection.query(
            Q.markMailFailed, [.integer(Int64(attempts)), .text(result), .date(time), .integer(id), .text(owner)])
        return connection.changes == 1
    }

    func outboxMessage(id: Int64) async throws -> OutboxMessage? {
        try connection.query(Q.outboxByID, [.integer(id)]).first.map(OutboxMessage.init(stored:))
    }

    func outboxSummary() async throws -> OutboxSummary {
        let counts: [OutboxState: Int] = try connection.query(Q.outboxCounts).countsByState()
        let oldest = try connection.query(Q.oldestPendingMail).first?.date(0)
        return OutboxSummary(counts: counts, oldestPendingCreatedAt: oldest)
    }
}
