import Foundation

// Model values from stored rows. Each initialiser documents the columns it reads, in order;
// both SQL backends select exactly those columns for it.

extension Newsletter {
    /// Reads slug, title, description, from_address, time_zone, digest_feed, sends_welcome.
    package init(stored row: some StoredRow) {
        self.init(
            slug: row.string(0) ?? "", title: row.string(1) ?? "", description: row.string(2) ?? "",
            fromAddress: row.string(3), timeZone: row.string(4) ?? "UTC", digestFeed: row.string(5),
            sendsWelcome: row.bool(6) ?? true)
    }
}

extension Subscriber {
    /// Reads id, email, smtp_address, canonical_key, name, attributes, created_at, updated_at, language.
    package init(stored row: some StoredRow) {
        self.init(
            id: row.int(0) ?? 0, email: row.string(1) ?? "", smtpAddress: row.string(2) ?? "",
            canonicalKey: row.string(3) ?? "", name: row.string(4), attributesJSON: row.string(5) ?? "{}",
            language: row.string(8), createdAt: row.date(6) ?? .distantPast, updatedAt: row.date(7) ?? .distantPast)
    }
}

extension Subscription {
    /// Reads subscriber_id, newsletter, status, created_at, updated_at, confirmed_at, unsubscribed_at,
    /// starting at column `first`.
    package init(stored row: some StoredRow, at first: Int = 0) {
        self.init(
            subscriberID: row.int(first) ?? 0, newsletter: row.string(first + 1) ?? "",
            status: SubscriptionStatus(rawValue: row.string(first + 2) ?? "") ?? .pending,
            createdAt: row.date(first + 3) ?? .distantPast, updatedAt: row.date(first + 4) ?? .distantPast,
            confirmedAt: row.date(first + 5), unsubscribedAt: row.date(first + 6))
    }
}

extension TokenRecord {
    /// Reads hash, purpose, subscriber_id, newsletter, created_at, expires_at, used_at, pending_name.
    package init(stored row: some StoredRow) {
        self.init(
            hash: row.string(0) ?? "", purpose: TokenPurpose(rawValue: row.string(1) ?? "") ?? .confirm,
            subscriberID: row.int(2) ?? 0, newsletter: row.string(3), createdAt: row.date(4) ?? .distantPast,
            expiresAt: row.date(5) ?? .distantPast, usedAt: row.date(6), pendingName: row.string(7))
    }
}

extension ConsentEvent {
    /// Reads subscriber_id, newsletter, action, ip_address, user_agent, source, occurred_at.
    package init(stored row: some StoredRow) {
        self.init(
            subscriberID: row.int(0) ?? 0, newsletter: row.string(1),
            action: ConsentAction(rawValue: row.string(2) ?? "") ?? .adminChange, ipAddress: row.string(3),
            userAgent: row.string(4), source: row.string(5), occurredAt: row.date(6) ?? .distantPast)
    }
}

extension OutboxMessage {
    /// Reads id, kind, subscriber_id, throttle_key, sender, recipients (a JSON array of strings),
    /// requires_smtputf8, data, state, attempts, created_at, next_attempt_at, last_result, sent_at.
    package init(stored row: some StoredRow) {
        let recipients = (try? JSONDecoder().decode([String].self, from: Data((row.string(5) ?? "[]").utf8))) ?? []
        let mail = OutgoingMail(
            sender: row.string(4) ?? "", recipients: recipients, requiresSMTPUTF8: row.bool(6) ?? false,
            data: row.bytes(7))
        self.init(
            id: row.int(0) ?? 0, kind: MailKind(rawValue: row.string(1) ?? "") ?? .other, subscriberID: row.int(2),
            throttleKey: row.string(3), mail: mail, state: OutboxState(rawValue: row.string(8) ?? "") ?? .pending,
            attempts: Int(row.int(9) ?? 0), createdAt: row.date(10) ?? .distantPast,
            nextAttemptAt: row.date(11) ?? .distantPast, lastResult: row.string(12), sentAt: row.date(13))
    }

    /// The recipients as the text stored in the recipients column.
    package static func storedRecipients(_ recipients: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(recipients), as: UTF8.self)
    }
}
