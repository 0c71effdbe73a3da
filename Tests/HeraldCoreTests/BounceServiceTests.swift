import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// The bounce policy: hard bounces and complaints suppress at once, soft bounces after N in a window.
@Suite("Bounce policy")
struct BounceServiceTests {
    let store = InMemoryStore()
    let clock = LockedBox(Fixtures.now)

    func service(limit: Int = 3, days: Int = 7) -> BounceService {
        let clock = clock
        return BounceService(
            store: store, policy: BouncePolicy(softLimit: limit, softWindow: .seconds(days * 86_400)),
            logger: Logger(label: "test"), now: { clock.value })
    }

    func report(_ address: String, _ kind: BounceKind, daysAgo: Double = 0, diagnostic: String = "550 5.1.1")
        -> BounceReport
    {
        BounceReport(
            address: address, kind: kind, source: .api, diagnostic: diagnostic,
            occurredAt: clock.value.addingTimeInterval(-daysAgo * 86_400))
    }

    func suppression(_ address: String) async throws -> SuppressionReason? {
        try await SuppressionList(store: store).entry(for: EmailAddress(validating: address))?.reason
    }

    @Test func aHardBounceSuppressesAtOnce() async throws {
        let outcomes = try await service().record([report("Gone@Example.org", .hard)])
        #expect(outcomes == [.suppressed(.hardBounce)])
        #expect(try await suppression("gone@example.org") == .hardBounce)
    }

    @Test func aComplaintSuppressesAtOnce() async throws {
        #expect(try await service().record([report("angry@example.org", .complaint)]) == [.suppressed(.complaint)])
    }

    @Test func softBouncesSuppressOnlyWhenTheLimitIsReachedWithinTheWindow() async throws {
        let bounces = service(limit: 3, days: 7)
        let old = try await bounces.record([report("full@example.org", .soft, daysAgo: 8)])
        let first = try await bounces.record([report("full@example.org", .soft, daysAgo: 2)])
        let second = try await bounces.record([report("full@example.org", .soft, daysAgo: 1)])
        #expect(old == [.recorded])
        #expect(first == [.recorded])
        #expect(second == [.recorded])
        #expect(try await suppression("full@example.org") == nil)
        let third = try await bounces.record([report("full@example.org", .soft)])
        #expect(third == [.suppressed(.softBounces)])
        #expect(try await suppression("full@example.org") == .softBounces)
    }

    @Test func theSameReportTwiceCountsOnce() async throws {
        let bounces = service(limit: 2)
        let report = report("twice@example.org", .soft, daysAgo: 1, diagnostic: "452 4.2.2 full")
        #expect(try await bounces.record([report, report]) == [.recorded, .duplicate])
        #expect(try await bounces.record([report]) == [.duplicate])
        #expect(try await suppression("twice@example.org") == nil)
        var later = report
        later.occurredAt += 60
        #expect(try await bounces.record([later]) == [.suppressed(.softBounces)])
    }

    @Test func anEarlierReasonIsKept() async throws {
        _ = try await service().record([report("x@example.org", .complaint)])
        let later = try await service().record([report("x@example.org", .hard)])
        #expect(later == [.alreadySuppressed(.complaint)])
        #expect(try await suppression("x@example.org") == .complaint)
    }

    @Test(arguments: [
        "", "not an address", "a@b", "x'); DROP TABLE bounces;--@example.org", "<script>@example.org",
        "a\r\nBcc: evil@example.org", String(repeating: "a", count: 100_000) + "@example.org",
    ])
    func invalidAddressesAreRefusedAndNothingIsStored(_ address: String) async throws {
        let outcomes = try await service().record([report(address, .hard)])
        guard case .invalidAddress = outcomes.first else {
            Issue.record("expected invalidAddress, got \(outcomes)")
            return
        }
        #expect(try await store.transaction { try await $0.suppressionCount() } == 0)
    }

    @Test func theStoredDiagnosticNeverHoldsTheAddressOrControlCharacters() async throws {
        let diagnostic = "550 5.1.1 <Reader@Example.org>: unknown\r\n\u{0}reader@example.org\tagain"
        _ = try await service().record([report("reader@example.org", .hard, diagnostic: diagnostic)])
        let history = try await service().history(of: EmailAddress(validating: "reader@example.org"))
        #expect(history.first?.diagnostic == "550 5.1.1 <<recipient>>: unknown <recipient> again")
        let entry = try await SuppressionList(store: store).entry(for: EmailAddress(validating: "reader@example.org"))
        #expect(entry?.detail?.contains("example.org") == false)
        #expect(entry?.detail?.hasPrefix("hard via api: 550 5.1.1") == true)
    }

    @Test func aLongDiagnosticIsCut() async throws {
        _ = try await service().record([
            report("r@example.org", .soft, diagnostic: String(repeating: "é", count: 10_000))
        ])
        let history = try await service().history(of: EmailAddress(validating: "r@example.org"))
        #expect(history.first?.diagnostic.count == 501)
    }

    @Test func historyIsKeptForTheSubscriberAndNamesNoAddress() async throws {
        try await store.transaction { tx in
            _ = try await tx.insertSubscriber(Fixtures.newSubscriber("known@example.org"))
        }
        _ = try await service().record([report("Known@example.org", .soft)])
        let history = try await service().history(of: EmailAddress(validating: "known@example.org"))
        #expect(history.count == 1)
        #expect(history.first?.subscriberID == 1)
        #expect(history.first?.addressHash.count == 64)
        #expect(history.first?.source == .api)
    }

    @Test func onlyRecipientRejectionsCountAsHardBounces() {
        #expect(MailDeliveryError(kind: .permanent, replyCode: 550, message: "no such user").isRecipientRejection)
        #expect(MailDeliveryError(kind: .permanent, replyCode: 553, message: "bad mailbox").isRecipientRejection)
        #expect(!MailDeliveryError(kind: .permanent, replyCode: 535, message: "auth failed").isRecipientRejection)
        #expect(!MailDeliveryError(kind: .permanent, message: "TLS certificate").isRecipientRejection)
        #expect(!MailDeliveryError(kind: .transient, replyCode: 450, message: "greylisted").isRecipientRejection)
    }
}

/// A batch of reports from the admin API is recorded with its audit entry in one transaction.
@Suite("Bounce report intake")
struct BounceReportIntakeTests {
    @Test func aBatchIsRecordedAndAuditedWithItsCounts() async throws {
        let store = InMemoryStore()
        let service = BounceService(
            store: store, policy: BouncePolicy(softLimit: 3, softWindow: .seconds(7 * 86_400)),
            logger: Logger(label: "test"), now: { Fixtures.now })
        let intake = BounceReportIntake(store: store, service: service, now: { Fixtures.now })
        func message(_ address: String, _ kind: BounceKind) -> BounceMessage {
            BounceMessage(named: [
                BounceReport(
                    address: address, kind: kind, source: .api, diagnostic: "550 5.1.1", occurredAt: Fixtures.now)
            ])
        }
        let attributions = try await intake.receive(
            [message("gone@example.org", .hard), message("slow@example.org", .soft)], signer: nil, actor: "api:newsroom"
        )
        #expect(attributions.map(\.outcomes) == [[.suppressed(.hardBounce)], [.recorded]])
        let entries = try await store.transaction { try await $0.auditEntries(beforeID: nil, limit: 10) }
        #expect(entries.map(\.action) == ["bounces.report"])
        #expect(entries.first?.actor == "api:newsroom")
        let detail = try JSONDecoder().decode([String: String].self, from: Data((entries.first?.detailJSON ?? "").utf8))
        #expect(detail == ["reports": "2", "suppressed": "1", "forged_tags": "0"])
    }
}
