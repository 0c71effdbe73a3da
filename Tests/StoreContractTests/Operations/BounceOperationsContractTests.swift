import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Bounces are stored by address hash and counted within a time window.
@Suite("Store contract: BounceOperations")
struct BounceOperationsContractTests {
    private func bounce(_ hash: String, _ kind: BounceKind, at offset: TimeInterval, diagnostic: String = "550")
        -> BounceRecord
    {
        BounceRecord(
            addressHash: hash, subscriberID: nil, kind: kind, source: .api, diagnostic: diagnostic,
            occurredAt: Fixtures.now.addingTimeInterval(offset), recordedAt: Fixtures.now)
    }

    @Test(arguments: StoreBackend.all)
    func countsOnlyTheKindAndWindowAsked(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let (inWindow, hardCount, outside) = try await store.transaction { tx in
            for (kind, offset) in [(BounceKind.soft, -10.0), (.soft, -5), (.soft, -100), (.hard, -1)] {
                _ = try await tx.insertBounce(bounce("h1", kind, at: offset))
            }
            _ = try await tx.insertBounce(bounce("h2", .soft, at: 0))
            return (
                try await tx.bounceCount(addressHash: "h1", kind: .soft, since: Fixtures.now.addingTimeInterval(-10)),
                try await tx.bounceCount(addressHash: "h1", kind: .hard, since: .distantPast),
                try await tx.bounceCount(addressHash: "h3", kind: .soft, since: .distantPast)
            )
        }
        #expect(inWindow == 2)
        #expect(hardCount == 1)
        #expect(outside == 0)
    }

    @Test(arguments: StoreBackend.all)
    func historyIsNewestFirstAndKeepsTextByteForByte(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let hostile = "x'); DROP TABLE bounces; -- <script>é\u{1F4E8}"
        let history = try await store.transaction { tx in
            _ = try await tx.insertBounce(bounce("h", .soft, at: -20))
            _ = try await tx.insertBounce(bounce("h", .complaint, at: -5, diagnostic: hostile))
            _ = try await tx.insertBounce(bounce("h", .hard, at: -10))
            return try await tx.bounces(addressHash: "h", limit: 2)
        }
        #expect(history.map(\.kind) == [.complaint, .hard])
        #expect(history.first?.diagnostic == hostile)
        #expect(history.first?.source == .api)
        #expect(history.first?.occurredAt == Fixtures.now.addingTimeInterval(-5))
        #expect(history.allSatisfy { $0.id > 0 })
    }
}
