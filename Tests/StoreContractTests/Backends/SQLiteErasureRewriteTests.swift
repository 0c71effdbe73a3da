import Foundation
import HeraldCore
import HeraldImport
import HeraldTestSupport
import Testing

@testable import HeraldSQLite

/// `secure_delete` zeroes what a deletion frees, but SQLite also leaves copies of rows behind when
/// it moves them between pages as a table fills: a page it rebuilds keeps older bytes in its unused
/// middle. An import of 10,000 subscribers leaves a few addresses with such a copy. An erasure of
/// one of them must leave none of its bytes in the file, so the erasure rewrites the database.
@Suite("SQLite erasure rewrites the database")
struct SQLiteErasureRewriteTests {
    @Test func anErasedAddressWithALeftOverCopyLeavesNoByteInTheFile() async throws {
        let (store, path) = try await Self.importedStore()
        let erased = try #require(try await Self.addressWithALeftOverCopy(store, path))
        let receipt = try await SubscriberAdministration(store: store).erase(subscriberID: erased.id, actor: "test")
        try await store.checkpoint()
        #expect(receipt.databaseRewrite == .done)
        #expect(!SQLiteErasureScanTests.rawBytes(path).contains(erased.key))
        #expect(
            try await store.transaction { try await $0.subscriber(canonicalKey: "reader000042@example.org") } != nil)
    }

    /// The control: the same erasure without the rewrite leaves the copy in the file, so the
    /// test above sees what it claims to remove.
    @Test func withoutTheRewriteTheLeftOverCopyStaysInTheFile() async throws {
        let (store, path) = try await Self.importedStore()
        let erased = try #require(try await Self.addressWithALeftOverCopy(store, path))
        try await store.transaction { tx in
            _ = try await SubscriberAdministration.erase(
                subscriberID: erased.id, actor: "test", at: Fixtures.now, in: tx)
        }
        try await store.checkpoint()
        #expect(try await store.transaction { try await $0.subscriber(id: erased.id) } == nil)
        #expect(SQLiteErasureScanTests.rawBytes(path).contains(erased.key))
    }

    /// A rewrite that fails (here: another process holds the write lock past the busy timeout)
    /// throws, and the store does it when it next checkpoints, as `herald serve` does when it stops.
    @Test func aFailedRewriteIsDoneAtTheNextCheckpoint() async throws {
        let (store, path) = try await Self.importedStore(busyTimeout: .milliseconds(200))
        let erased = try #require(try await Self.addressWithALeftOverCopy(store, path))
        try await store.transaction { tx in
            _ = try await SubscriberAdministration.erase(
                subscriberID: erased.id, actor: "test", at: Fixtures.now, in: tx)
        }
        let writer = try SQLiteConnection(path: path)
        try writer.execute("BEGIN IMMEDIATE")
        await #expect(throws: (any Error).self) { try await store.removeDeletedTraces() }
        try writer.execute("COMMIT")
        try await store.checkpoint()
        #expect(!SQLiteErasureScanTests.rawBytes(path).contains(erased.key))
    }

    /// A store with nothing to rewrite says so in the receipt.
    @Test func theReceiptSaysWhenNothingWasRewritten() async throws {
        let store = InMemoryStore()
        let id = try await Self.addKim(to: store)
        let receipt = try await SubscriberAdministration(store: store).erase(subscriberID: id, actor: "test")
        #expect(receipt.databaseRewrite == .notOffered)
    }

    /// A store whose rewrite fails: the erasure stands, and the receipt carries the reason.
    @Test func aFailedRewriteLeavesTheErasureAndSaysWhy() async throws {
        let store = FailingRewriteStore()
        let id = try await Self.addKim(to: store)
        let receipt = try await SubscriberAdministration(store: store).erase(subscriberID: id, actor: "test")
        #expect(receipt.databaseRewrite == .failed("disk full"))
        #expect(try await store.transaction { try await $0.subscriber(id: id) } == nil)
    }

    /// Adds kim@example.org; returns the id.
    static func addKim(to store: any SubscriberStore) async throws -> Int64 {
        try await store.transaction { tx in
            try await tx.insertSubscriber(
                NewSubscriber(
                    email: "kim@example.org", smtpAddress: "kim@example.org", canonicalKey: "kim@example.org",
                    name: nil, createdAt: Fixtures.now)
            ).id
        }
    }

    /// A store with 10,000 subscribers imported from CSV in batches of 5,000, addresses in an
    /// order unlike their sort order (so index pages split and are rebuilt), checkpointed.
    static func importedStore(busyTimeout: Duration = .seconds(5)) async throws -> (SQLiteStore, String) {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let store = try SQLiteStore(path: path, busyTimeout: busyTimeout)
        try await store.migrate()
        try await store.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
        var csv = "email,name,newsletter\n"
        for row in 0..<10_000 {
            csv += "\(address(row)),Reader \(row),\(Fixtures.newsletters[0].slug)\n"
        }
        let file = try ImportFixture.write(Array(csv.utf8), name: "readers.csv")
        let importer = SubscriberImporter(
            store: store, newsletters: Fixtures.newsletters, confirmations: nil, now: { Fixtures.now })
        let options = ImportOptions(
            status: .confirmed, strict: false, batchSize: 5_000, emailPolicy: EmailValidationPolicy(),
            operatorName: "test")
        let summary = try await importer.run(path: file, options: options)
        #expect(summary.imported == 10_000)
        try await store.checkpoint()
        return (store, path)
    }

    /// The row-th address: twelve characters before `@`, numbered in a scattered order.
    static func address(_ row: Int) -> String {
        let number = (row * 7_919) % 10_000
        return "reader" + String(repeating: "0", count: 6 - String(number).count) + String(number) + "@example.org"
    }

    /// A subscriber whose address the file holds more often than most addresses (the rows and
    /// index entries hold each once; one more is a left-over copy).
    static func addressWithALeftOverCopy(_ store: SQLiteStore, _ path: String) async throws -> (id: Int64, key: String)?
    {
        let counts = occurrencesOfEveryAddress(in: path)
        let usual = Dictionary(grouping: counts.values, by: { $0 }).max { $0.value.count < $1.value.count }?.key ?? 0
        guard let key = counts.filter({ $0.value > usual }).keys.sorted().first else { return nil }
        guard let subscriber = try await store.transaction({ try await $0.subscriber(canonicalKey: key) }) else {
            return nil
        }
        return (subscriber.id, key)
    }

    /// How often each generated address (`reader` and six digits, `@example.org`) occurs in the file.
    static func occurrencesOfEveryAddress(in path: String) -> [String: Int] {
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        let domain = Array("@example.org".utf8)
        let prefix = Array("reader".utf8)
        var counts: [String: Int] = [:]
        var index = 12
        while index + domain.count <= bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "@"), Array(bytes[index..<index + domain.count]) == domain,
                Array(bytes[index - 12..<index - 6]) == prefix,
                bytes[index - 6..<index].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
            else { continue }
            counts[String(decoding: bytes[index - 12..<index + domain.count], as: UTF8.self), default: 0] += 1
        }
        return counts
    }
}

/// The in-memory store, with a database rewrite that always fails.
private struct FailingRewriteStore: SubscriberStore {
    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "disk full" }
    }

    let inner = InMemoryStore()

    func migrate() async throws { try await inner.migrate() }
    func ping() async throws { try await inner.ping() }
    func transaction<Result: Sendable>(
        _ body: @Sendable (any StoreTransaction) async throws -> Result
    ) async throws -> Result {
        try await inner.transaction(body)
    }
    func removeDeletedTraces() async throws -> Bool { throw DiskFull() }
}
