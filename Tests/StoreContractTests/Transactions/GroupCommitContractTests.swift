import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Transactions that run at the same time (on SQLite: committed together in one group) each stay
/// all-or-nothing: a failing one leaves no trace, the others commit and get their own results.
@Suite("Store contract: concurrent transactions stay atomic")
struct GroupCommitContractTests {
    struct Refused: Error {}

    @Test(arguments: StoreBackend.all)
    func aFailingTransactionAmongManyLeavesNoTraceAndTheOthersCommit(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let results = await withTaskGroup(of: (Int, Int64?).self) { group in
            for index in 0..<200 {
                group.addTask {
                    let id = try? await store.transaction { tx -> Int64 in
                        let first = try await tx.insertSubscriber(Fixtures.newSubscriber("first\(index)@example.org"))
                        _ = try await tx.insertSubscriber(Fixtures.newSubscriber("second\(index)@example.org"))
                        if index % 3 == 0 { throw Refused() }  // after writing: both rows must vanish
                        return first.id
                    }
                    return (index, id)
                }
            }
            return await group.reduce(into: [Int: Int64?]()) { $0[$1.0] = $1.1 }
        }
        for index in 0..<200 {
            let stored = try await store.transaction { tx in
                (
                    try await tx.subscriber(canonicalKey: "first\(index)@example.org"),
                    try await tx.subscriber(canonicalKey: "second\(index)@example.org")
                )
            }
            if index % 3 == 0 {
                #expect(results[index] == .some(nil), "transaction \(index) reported success")
                #expect(stored.0 == nil && stored.1 == nil, "transaction \(index) left rows behind")
            } else {
                #expect(stored.0?.id == results[index] ?? nil, "transaction \(index) got another's result")
                #expect(stored.1 != nil)
            }
        }
        #expect(try await store.transaction { try await $0.subscriberCount() } == 2 * (200 - 67))
    }

    @Test(arguments: StoreBackend.all)
    func aConstraintViolationCaughtInsideATransactionKeepsItsOtherWrites(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        _ = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("taken@example.org")) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<50 {
                group.addTask {
                    try await store.transaction { tx in
                        _ = try await tx.insertSubscriber(Fixtures.newSubscriber("kept\(index)@example.org"))
                        _ = try? await tx.insertSubscriber(Fixtures.newSubscriber("taken@example.org"))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await store.transaction { try await $0.subscriberCount() } == 51)
    }
}
