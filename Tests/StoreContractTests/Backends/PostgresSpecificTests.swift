import Foundation
import HeraldCore
import HeraldPostgres
import HeraldTestSupport
import Testing

/// PostgreSQL-specific promises: several processes can share one database safely.
/// Runs only with a server (`HERALD_TEST_POSTGRES_URL`; see scripts/postgres-for-tests).
@Suite("PostgreSQL: several processes on one database", .enabled(if: TestPostgres.isEnabled))
struct PostgresSpecificTests {
    @Test func twoStoresClaimingConcurrentlyNeverClaimARowTwice() async throws {
        let database = try await TestPostgres.freshDatabase()
        let first = try await PostgresStore.connect(database, logger: TestPostgres.logger)
        let second = try await PostgresStore.connect(database, logger: TestPostgres.logger)
        defer { first.shutdown(); second.shutdown() }
        try await first.migrate()
        let mails = 300
        try await first.transaction { tx in
            for index in 0..<mails {
                _ = try await tx.enqueueMail(
                    OutboxDraft(
                        kind: .digest, subscriberID: nil, throttleKey: nil,
                        mail: Fixtures.mail(to: "r\(index)@example.org"), createdAt: Fixtures.now))
            }
        }
        let now = Fixtures.now.addingTimeInterval(1)
        let lease = now.addingTimeInterval(3600)
        let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
            for worker in 0..<10 {
                let store = worker.isMultiple(of: 2) ? first : second
                group.addTask {
                    var ids: [Int64] = []
                    while true {
                        let batch = try await store.transaction {
                            try await $0.claimDueMail(owner: "worker-a", now: now, limit: 7, leaseUntil: lease)
                        }
                        if batch.isEmpty { return ids }
                        ids += batch.map(\.id)
                    }
                }
            }
            return try await group.reduce(into: [Int64]()) { $0 += $1 }
        }
        #expect(claimed.count == mails)
        #expect(Set(claimed).count == mails)
    }

    @Test func threeStoresMigratingAtOnceApplyEachVersionOnce() async throws {
        let database = try await TestPostgres.freshDatabase()
        var stores: [PostgresStore] = []
        for _ in 0..<3 { stores.append(try await PostgresStore.connect(database, logger: TestPostgres.logger)) }
        defer { for store in stores { store.shutdown() } }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in stores { group.addTask { try await store.migrate() } }
            try await group.waitForAll()
        }
        let versions = try await [stores[0].schemaVersion(), stores[1].schemaVersion(), stores[2].schemaVersion()]
        #expect(Set(versions).count == 1)
        #expect(versions[0] >= 2)
        try await stores[2].migrate()
        let inserted = try await stores[1].transaction {
            try await $0.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
        }
        let read = try await stores[0].transaction { try await $0.subscriber(id: inserted.id) }
        #expect(read == inserted)
    }

    @Test func anOlderDatabaseUpgradesAndKeepsItsRows() async throws {
        let old = try await TestPostgres.freshStore()
        defer { old.shutdown() }
        try await old.migrate(upTo: 1)
        try await old.executeUnchecked(OlderSchema.insertSubscriber("a@example.org"))
        #expect(try await old.schemaVersion() == 1)
        try await old.migrate()
        let subscriber = try await old.transaction { try await $0.subscriber(canonicalKey: "a@example.org") }
        #expect(try await old.schemaVersion() >= 2)
        #expect(subscriber?.email == "a@example.org")
        #expect(subscriber?.language == nil)
    }

    @Test func aStatementOverTheTimeoutFailsAsUnavailableInsteadOfWaiting() async throws {
        var configuration = try await TestPostgres.freshDatabase()
        configuration.statementTimeout = .milliseconds(500)
        let store = try await PostgresStore.connect(configuration, logger: TestPostgres.logger)
        defer { store.shutdown() }
        try await store.migrate()
        let id = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("a@example.org")) }
            .id
        let (locked, signal) = AsyncStream<Void>.makeStream()
        async let holder: Void = store.transaction { tx in
            try await tx.lockSubscriber(id: id)
            signal.yield()
            try await Task.sleep(for: .seconds(5))
        }
        for await _ in locked { break }
        // Had it waited for the lock, it would have got it when the holder let go and not thrown:
        // the error is the proof, with no clock in the assertion (a loaded CI machine took 1.76 s
        // to answer a 500 ms timeout).
        let error = await #expect(throws: StoreError.self) {
            try await store.transaction { try await $0.lockSubscriber(id: id) }
        }
        #expect(error?.isUnavailable == true)
        try await holder
    }

    @Test func aDuplicateDoesNotAbortTheRestOfTheTransaction() async throws {
        let store = try await StoreBackend.postgres.make()
        let count = try await store.transaction { tx in
            _ = try await tx.insertSubscriber(Fixtures.newSubscriber("a@example.org"))
            await #expect(throws: StoreError.duplicate("a subscriber with this address exists")) {
                _ = try await tx.insertSubscriber(Fixtures.newSubscriber("A@example.org"))
            }
            _ = try await tx.insertSubscriber(Fixtures.newSubscriber("b@example.org"))
            return try await tx.subscriberCount()
        }
        #expect(count == 2)
    }
}

/// Reading `postgres://` URLs, and the error when no server answers (no server needed).
@Suite("PostgreSQL: configuration")
struct PostgresConfigurationTests {
    @Test func urlPartsArePercentDecodedAndLoopbackDefaultsToPlainTCP() throws {
        let configuration = try PostgresConfiguration(url: "postgres://news%40team:p%3Ass%2Fw@127.0.0.1:6543/herald")
        #expect(configuration.username == "news@team")
        #expect(configuration.password == "p:ss/w")
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 6543)
        #expect(configuration.database == "herald")
        #expect(configuration.tls == .disable)
    }

    @Test func remoteHostsRequireTLSUnlessTheURLSaysOtherwise() throws {
        #expect(try PostgresConfiguration(url: "postgres://u@db.example.org/herald").tls == .require)
        #expect(try PostgresConfiguration(url: "postgres://u@db.example.org/herald").port == 5432)
        #expect(try PostgresConfiguration(url: "postgresql://u@db.example.org/h?sslmode=disable").tls == .disable)
        #expect(try PostgresConfiguration(url: "postgres://u@localhost/h?sslmode=require").tls == .require)
        #expect(throws: StoreError.self) { try PostgresConfiguration(url: "postgres://u@h/db?sslmode=verify-full") }
        #expect(throws: StoreError.self) { try PostgresConfiguration(url: "mysql://u@h/db") }
    }

    @Test func aServerThatDoesNotAnswerIsUnavailableWithItsAddress() async throws {
        let port = try closedLoopbackPort()
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresStore.connect(
                url: "postgres://postgres@127.0.0.1:\(port)/herald", logger: TestPostgres.logger)
        }
        #expect(error?.isUnavailable == true)
        #expect(error?.message.contains("127.0.0.1:\(port)") == true)
    }

    /// A loopback port nothing listens on (bound, read, then released).
    private func closedLoopbackPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        try #require(bound)
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
