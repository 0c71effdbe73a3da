import Foundation
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// Bounces attributed by their VERP tag first: a report naming nobody suppresses the tagged
/// message's recipient; a forged tag changes nothing and is counted.
@Suite("VERP attribution")
struct VERPAttributionTests {
    let store = InMemoryStore()
    let forged = LockedBox(0)
    let signer = VERPSigner(address: try! BounceAddress(parsing: "bounces@example.org"), secret: "k-0123456789abcdef")

    var service: BounceService {
        let forged = forged
        return BounceService(
            store: store, policy: BouncePolicy(), logger: Logger(label: "test"), now: { Fixtures.now },
            onForgedTag: { forged.value += 1 })
    }

    func queue(to address: String) async throws -> Int64 {
        try await store.transaction { tx in
            try await tx.enqueueMail(
                OutboxDraft(
                    kind: .confirmation, subscriberID: nil, throttleKey: nil, mail: Fixtures.mail(to: address),
                    createdAt: Fixtures.now))
        }
    }

    func failure(_ address: String = "") -> BounceReport {
        BounceReport(address: address, kind: .hard, source: .dsn, diagnostic: "5.1.1", occurredAt: Fixtures.now)
    }

    func suppressed(_ address: String) async throws -> SuppressionReason? {
        try await SuppressionList(store: store).entry(for: EmailAddress(validating: address))?.reason
    }

    @Test func aReportNamingNobodySuppressesTheTaggedRecipient() async throws {
        _ = try await queue(to: "first@example.net")
        let id = try await queue(to: "second@example.net")
        let message = BounceMessage(
            named: [], unnamed: [failure()], sentTo: [signer.envelopeSender(for: .outbox(id: id))])
        let result = try await service.record(message, signer: signer)
        #expect(result.tag == .attributed(.outbox(id: id)))
        #expect(result.outcomes == [.suppressed(.hardBounce)])
        #expect(try await suppressed("second@example.net") == .hardBounce)
        #expect(try await suppressed("first@example.net") == nil)
    }

    @Test func theTagWinsOverTheRecipientTheReportNames() async throws {
        let id = try await queue(to: "real@example.net")
        let message = BounceMessage(
            named: [failure("alias@forwarder.example.net")], sentTo: [signer.envelopeSender(for: .outbox(id: id))])
        let result = try await service.record(message, signer: signer)
        #expect(result.reports.map(\.address) == ["real@example.net"])
        #expect(try await suppressed("alias@forwarder.example.net") == nil)
    }

    @Test func aForgedTagChangesNothingAndIsCounted() async throws {
        _ = try await queue(to: "victim@example.net")
        let other = VERPSigner(address: signer.address, secret: "attacker-guess")
        let message = BounceMessage(
            named: [], unnamed: [failure()], sentTo: [other.envelopeSender(for: .outbox(id: 1))])
        let result = try await service.record(message, signer: signer)
        #expect(result.tag == .forged)
        #expect(result.outcomes.isEmpty)
        #expect(forged.value == 1)
        #expect(try await suppressed("victim@example.net") == nil)
    }

    @Test func aForgedTagFallsBackToTheRecipientTheReportNames() async throws {
        let message = BounceMessage(
            named: [failure("named@example.net")], sentTo: ["bounces+o1-aaaaaaaaaaaaaaaa@example.org"])
        let result = try await service.record(message, signer: signer)
        #expect(result.tag == .forged)
        #expect(try await suppressed("named@example.net") == .hardBounce)
    }

    @Test func aValidTagForAMessageNoLongerStoredFallsBack() async throws {
        let message = BounceMessage(
            named: [failure("named@example.net")], unnamed: [failure()],
            sentTo: [signer.envelopeSender(for: .outbox(id: 999))])
        let result = try await service.record(message, signer: signer)
        #expect(result.tag == .unknownMessage(.outbox(id: 999)))
        #expect(result.reports.map(\.address) == ["named@example.net"])
    }

    @Test func aDigestTagNamesTheSubscriber() async throws {
        let subscriber = try await store.transaction {
            try await $0.insertSubscriber(Fixtures.newSubscriber("d@example.net"))
        }
        let tag = BounceTag.digest(issueID: 7, subscriberID: subscriber.id)
        let message = BounceMessage(named: [], unnamed: [failure()], sentTo: [signer.envelopeSender(for: tag)])
        #expect(try await service.record(message, signer: signer).tag == .attributed(tag))
        #expect(try await suppressed("d@example.net") == .hardBounce)
    }

    @Test func withoutVERPTagsAreNotRead() async throws {
        let id = try await queue(to: "x@example.net")
        let message = BounceMessage(
            named: [], unnamed: [failure()], sentTo: [signer.envelopeSender(for: .outbox(id: id))])
        let result = try await service.record(message, signer: nil)
        #expect(result.tag == .untagged)
        #expect(result.outcomes.isEmpty)
        #expect(forged.value == 0)
    }
}
