import Foundation

// Values of the store's operational tables from stored rows. Each initialiser documents the columns
// it reads, in order; both SQL backends select exactly those columns for it.

extension SuppressionEntry {
    /// Reads address_hash, reason, detail, created_at.
    package init(stored row: some StoredRow) {
        self.init(
            addressHash: row.string(0) ?? "", reason: SuppressionReason(rawValue: row.string(1) ?? "") ?? .admin,
            detail: row.string(2), createdAt: row.date(3) ?? .distantPast)
    }
}

extension BounceRecord {
    /// Reads id, address_hash, subscriber_id, kind, source, diagnostic, occurred_at, recorded_at.
    package init(stored row: some StoredRow) {
        self.init(
            id: row.int(0) ?? 0, addressHash: row.string(1) ?? "", subscriberID: row.int(2),
            kind: BounceKind(rawValue: row.string(3) ?? "") ?? .hard,
            source: BounceSource(rawValue: row.string(4) ?? "") ?? .api, diagnostic: row.string(5) ?? "",
            occurredAt: row.date(6) ?? .distantPast, recordedAt: row.date(7) ?? .distantPast)
    }
}

extension WebhookDelivery {
    /// Reads id, event_id, event_type, endpoint_url, subscriber_id, body, state, attempts, created_at,
    /// next_attempt_at, claimed_by, last_result, delivered_at.
    package init(stored row: some StoredRow) {
        let draft = WebhookDraft(
            eventID: row.string(1) ?? "", eventType: WebhookEventType(rawValue: row.string(2) ?? "") ?? .confirmed,
            endpointURL: row.string(3) ?? "", subscriberID: row.int(4), body: row.string(5) ?? "",
            createdAt: row.date(8) ?? .distantPast)
        self.init(
            id: row.int(0) ?? 0, draft: draft, state: WebhookDeliveryState(rawValue: row.string(6) ?? "") ?? .pending,
            attempts: Int(row.int(7) ?? 0), nextAttemptAt: row.date(9) ?? .distantPast, claimedBy: row.string(10),
            lastResult: row.string(11), deliveredAt: row.date(12))
    }
}

extension AuditEntry {
    /// Reads id, actor, action, target, detail, occurred_at.
    package init(stored row: some StoredRow) {
        self.init(
            id: row.int(0) ?? 0, actor: row.string(1) ?? "", action: row.string(2) ?? "", target: row.string(3),
            detailJSON: row.string(4) ?? "{}", occurredAt: row.date(5) ?? .distantPast)
    }
}

extension SubscriptionCount {
    /// Reads newsletter, status, count; nil when the stored status is not a known one.
    package init?(stored row: some StoredRow) {
        guard let status = SubscriptionStatus(rawValue: row.string(1) ?? "") else { return nil }
        self.init(newsletter: row.string(0) ?? "", status: status, count: Int(row.int(2) ?? 0))
    }
}

extension ConsentActivity {
    /// Reads newsletter, day, action, count; nil when the stored action is not a known one.
    package init?(stored row: some StoredRow) {
        guard let action = ConsentAction(rawValue: row.string(2) ?? "") else { return nil }
        self.init(newsletter: row.string(0) ?? "", day: row.int(1) ?? 0, action: action, count: Int(row.int(3) ?? 0))
    }
}

extension ImportKey {
    /// Reads canonical_key, newsletter.
    package init(stored row: some StoredRow) {
        self.init(canonicalKey: row.string(0) ?? "", newsletter: row.string(1) ?? "")
    }
}
