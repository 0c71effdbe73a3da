import Foundation

/// What ``BounceReportIntake`` touches: everything recording a bounce does, and the audit log.
public typealias BounceReportIntakeOperations = BounceRecordingOperations & AuditOperations

/// Takes in a batch of bounce and complaint reports sent by an operator's script or a mail
/// provider's webhook (`POST /api/v1/bounces`): each is attributed and recorded by the
/// ``BounceService``, and the batch's audit entry is written in the same transaction, so a batch is
/// either recorded with its entry or not at all.
public struct BounceReportIntake: Sendable {
    let store: ScopedStore<any BounceReportIntakeOperations>
    let service: BounceService
    let now: @Sendable () -> Date

    public init(store: any SubscriberStore, service: BounceService, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = ScopedStore(store) { $0 }
        self.service = service
        self.now = now
    }

    /// Records `messages` in order and audits `bounces.report` as `actor` (with how many reports,
    /// how many newly suppressed an address, and how many carried a forged tag); returns one
    /// attribution per message.
    public func receive(_ messages: [BounceMessage], signer: VERPSigner?, actor: String) async throws
        -> [BounceAttribution]
    {
        try await store.transaction { [service, now] tx in
            var attributions: [BounceAttribution] = []
            for message in messages { attributions.append(try await service.record(message, signer: signer, in: tx)) }
            let suppressed = attributions.filter { if case .suppressed = $0.outcomes.first { true } else { false } }
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "bounces.report", target: nil,
                    detailJSON: AuditDetail.json([
                        "reports": "\(messages.count)", "suppressed": "\(suppressed.count)",
                        "forged_tags": "\(attributions.filter { $0.tag == .forged }.count)",
                    ]),
                    occurredAt: now()))
            return attributions
        }
    }
}
