import Foundation
import Logging

/// Records bounces and complaints and suppresses addresses by the ``BouncePolicy``.
///
/// Each report is stored (keyed by the address hash, the diagnostic without the address) and, in
/// the same transaction, the address is suppressed when the policy says so. An address already
/// suppressed keeps its earlier reason (an erasure stays an erasure).
public struct BounceService: Sendable {
    let store: ScopedStore<any BounceRecordingOperations>
    let policy: BouncePolicy
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        store: any SubscriberStore, policy: BouncePolicy, logger: Logger,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.store = ScopedStore(store) { $0 }
        self.policy = policy
        self.logger = logger
        self.now = now
    }

    /// Records every report in one transaction; returns one outcome per report, in order.
    public func record(_ reports: [BounceReport]) async throws -> [BounceOutcome] {
        try await store.transaction { [self] tx in
            var outcomes: [BounceOutcome] = []
            outcomes.reserveCapacity(reports.count)
            for report in reports { outcomes.append(try await record(report, in: tx)) }
            return outcomes
        }
    }

    /// Records one report inside the caller's transaction.
    public func record(_ report: BounceReport, in tx: any BounceRecordingOperations) async throws -> BounceOutcome {
        let address: EmailAddress
        do {
            address = try EmailAddress(validating: report.address)
        } catch {
            return .invalidAddress(error.description)
        }
        let hash = try await SuppressionHasher.current(in: tx).hash(address)
        let time = now()
        let diagnostic = BounceDiagnostic.clean(report.diagnostic, removing: address)
        let record = BounceRecord(
            addressHash: hash, subscriberID: try await tx.subscriber(canonicalKey: address.canonicalKey)?.id,
            kind: report.kind, source: report.source, diagnostic: diagnostic, occurredAt: report.occurredAt,
            recordedAt: time)
        if try await Self.isRepeat(record, in: tx) { return .duplicate }
        _ = try await tx.insertBounce(record)
        if let existing = try await tx.suppression(addressHash: hash) { return .alreadySuppressed(existing.reason) }
        guard let reason = try await suppressionReason(report.kind, hash: hash, in: tx, at: time) else {
            return .recorded
        }
        let detail = "\(report.kind.rawValue) via \(report.source.rawValue): \(diagnostic)"
        try await SuppressionList.suppress(
            canonicalKey: address.canonicalKey, reason: reason, detail: String(detail.prefix(600)), at: time, in: tx)
        logger.notice(
            "address suppressed after a bounce",
            metadata: ["reason": "\(reason.rawValue)", "source": "\(report.source.rawValue)"])
        return .suppressed(reason)
    }

    /// Whether the same report (kind, source, time to the millisecond, diagnostic) is stored already:
    /// a DSN fed in twice or an API call retried after a timeout counts once.
    private static func isRepeat(_ record: BounceRecord, in tx: any BounceRecordingOperations) async throws -> Bool {
        try await tx.bounces(addressHash: record.addressHash, limit: 50).contains { stored in
            stored.kind == record.kind && stored.source == record.source && stored.diagnostic == record.diagnostic
                && abs(stored.occurredAt.timeIntervalSince(record.occurredAt)) < 0.001
        }
    }

    private func suppressionReason(
        _ kind: BounceKind, hash: String, in tx: any BounceRecordingOperations, at time: Date
    ) async throws -> SuppressionReason? {
        switch kind {
        case .hard: return .hardBounce
        case .complaint: return .complaint
        case .soft:
            let since = time.addingTimeInterval(-policy.softWindow.seconds)
            let count = try await tx.bounceCount(addressHash: hash, kind: .soft, since: since)
            return count >= policy.softLimit ? .softBounces : nil
        }
    }

    /// The newest bounces recorded for an address (for the admin API's "why suppressed").
    public func history(of address: EmailAddress, limit: Int = 20) async throws -> [BounceRecord] {
        try await store.transaction { tx in
            try await tx.bounces(addressHash: try await SuppressionHasher.current(in: tx).hash(address), limit: limit)
        }
    }
}

extension BounceService: BounceRecorder {
    public func recordPermanentFailure(address: String, reply: String, in tx: any BounceRecordingOperations)
        async throws
    {
        let report = BounceReport(address: address, kind: .hard, source: .smtp, diagnostic: reply, occurredAt: now())
        _ = try await record(report, in: tx)
    }
}
