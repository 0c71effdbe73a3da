import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// `discardingWrites` undoes what its body wrote and nothing else, and leaves the transaction usable.
@Suite("Store contract: DiscardedWriteOperations")
struct DiscardedWriteOperationsContractTests {
    struct Planned: Error {}

    @Test(arguments: StoreBackend.all)
    func writesInsideAreUndoneAndWritesAroundAreKept(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { tx in
            _ = try await tx.insertSubscriber(Fixtures.newSubscriber("before@example.org"))
            try await tx.discardingWrites {
                _ = try await tx.insertSubscriber(Fixtures.newSubscriber("inside@example.org"))
                try await tx.saveSetting(named: "marker", value: "inside")
                #expect(try await tx.subscriber(canonicalKey: "inside@example.org") != nil)
            }
            #expect(try await tx.subscriber(canonicalKey: "inside@example.org") == nil)
            _ = try await tx.insertSubscriber(Fixtures.newSubscriber("after@example.org"))
        }
        let (keys, marker) = try await store.transaction { tx in
            (
                try await ["before", "inside", "after"].asyncMap {
                    try await tx.subscriber(canonicalKey: "\($0)@example.org") != nil
                },
                try await tx.setting(named: "marker", default: "absent")
            )
        }
        #expect(keys == [true, false, true])
        #expect(marker == "absent")
    }

    @Test(arguments: StoreBackend.all)
    func aFailingBodyIsUndoneAndItsErrorRethrownWithTheTransactionStillUsable(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { tx in
            await #expect(throws: Planned.self) {
                try await tx.discardingWrites {
                    _ = try await tx.insertSubscriber(Fixtures.newSubscriber("inside@example.org"))
                    throw Planned()
                }
            }
            // A failed statement inside (a duplicate key) must not poison the outer transaction.
            _ = try await tx.insertSubscriber(Fixtures.newSubscriber("kept@example.org"))
            await #expect(throws: StoreError.self) {
                try await tx.discardingWrites {
                    _ = try await tx.insertSubscriber(Fixtures.newSubscriber("kept@example.org"))
                }
            }
            _ = try await tx.insertSubscriber(Fixtures.newSubscriber("later@example.org"))
        }
        let count = try await store.transaction { try await $0.subscriberCount() }
        #expect(count == 2)
    }

    @Test(arguments: StoreBackend.all)
    func repeatedDiscardsInOneTransactionLeaveNoTrace(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await store.transaction { tx in
            for index in 0..<50 {
                try await tx.discardingWrites {
                    _ = try await tx.insertSubscriber(Fixtures.newSubscriber("n\(index)@example.org"))
                }
            }
        }
        #expect(try await store.transaction { try await $0.subscriberCount() } == 0)
    }
}

extension Array {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
