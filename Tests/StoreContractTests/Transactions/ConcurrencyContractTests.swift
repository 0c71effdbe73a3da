import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Concurrent writers lose nothing and never create two subscribers for one address.
@Suite("Store contract: concurrency")
struct ConcurrencyContractTests {
    @Test(arguments: StoreBackend.all)
    func eightWritersTimesAThousandInsertsLoseNothing(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for index in 0..<1_000 {
                        _ = try await store.transaction {
                            try await $0.insertSubscriber(Fixtures.newSubscriber("w\(writer)-\(index)@example.org"))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let count = try await store.transaction { try await $0.subscriberCount() }
        #expect(count == 8_000)
    }

    @Test(arguments: StoreBackend.all)
    func caseVariantsRacingForOneAddressCreateOneSubscriber(_ backend: StoreBackend) async throws {
        let store = try await backend.make()
        let spellings = ["jane@example.org", "JANE@example.org", "Jane@Example.org", "jAnE@EXAMPLE.ORG"]
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for round in 0..<64 {
                group.addTask {
                    let spelling = spellings[round % spellings.count]
                    return
                        (try? await store.transaction {
                            try await $0.insertSubscriber(Fixtures.newSubscriber(spelling))
                        }) != nil
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 }.count == 1)
        let count = try await store.transaction { try await $0.subscriberCount() }
        #expect(count == 1)
    }
}
