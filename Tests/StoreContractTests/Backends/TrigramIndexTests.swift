import Foundation
import HeraldCore
import HeraldImport
import HeraldPostgres
import HeraldTestSupport
import Testing

@testable import HeraldSQLite

/// The trigram index of migration 17 behind the subscriber search: kept by the stores' triggers,
/// built for the subscribers a database already had, emptied by erasure, and actually used.
@Suite("Subscriber search trigram index")
struct TrigramIndexTests {
    @Test func trigramsAreTheDistinctThreeScalarPiecesOfTheFragment() {
        #expect(AddressTrigrams.of("ab") == [])
        #expect(AddressTrigrams.of("aaaa") == ["aaa"])
        #expect(AddressTrigrams.of("der3@") == ["der", "er3", "r3@"])
        #expect(AddressTrigrams.of("олена") == ["оле", "лен", "ена"])
        // Counted in Unicode scalars, as SQLite's and PostgreSQL's substr count: "é" written as
        // e + combining accent is two of them.
        #expect(AddressTrigrams.of("e\u{301}x") == ["e\u{301}x"])
        #expect(AddressTrigrams.of("ae\u{301}x").count == 2)
    }

    @Test func piecesAndTheirByteOrderAgreeWithScalarsAndUTF8() {
        let samples = [
            "anna.koval@example.org", "олена@приклад.укр", "e\u{301}x\u{301}y@x", "a😀b😀c", "z\u{10FFFF}\u{7F}ÿ",
            "ab", "", "aaaaaa", "ﬁx@ex.org",
        ]
        var all: [String] = []
        for sample in samples {
            let scalars = Array(sample.unicodeScalars)
            var expected: [String] = []
            if scalars.count >= 3 {
                for start in 0...(scalars.count - 3) {
                    var piece = String.UnicodeScalarView()
                    piece.append(contentsOf: scalars[start..<(start + 3)])
                    if !expected.contains(String(piece)) { expected.append(String(piece)) }
                }
            }
            let pieces = AddressTrigrams.of(sample)
            #expect(pieces.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(sample)")
            all += pieces
        }
        let byKey = all.sorted { AddressTrigrams.byteOrderKey($0) < AddressTrigrams.byteOrderKey($1) }
        let byBytes = all.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        #expect(byKey.map { Array($0.utf8) } == byBytes.map { Array($0.utf8) })
    }

    @Test func theRarestTrigramIsTheOneWithFewestEntriesUnderTheCap() async {
        let counts = ["der": 900, "er3": 40, "r3@": 70]
        #expect(await AddressTrigrams.rarest(of: "der3@") { counts[$0] ?? 0 } == "er3")
        #expect(await AddressTrigrams.rarest(of: "der3@") { _ in AddressTrigrams.countLimit } == nil)
        #expect(await AddressTrigrams.rarest(of: "der9@") { counts[$0] ?? 0 } == "er9")  // none: nothing matches
        #expect(await AddressTrigrams.rarest(of: "r3") { _ in 1 } == nil)
        // A long fragment: six of its pieces are counted, the first and the last among them.
        let counted = Counted()
        _ = await AddressTrigrams.rarest(of: "kyivindependent") { await counted.add($0) }
        let pieces = AddressTrigrams.of("kyivindependent")
        let seen = await counted.trigrams
        #expect(seen.count == AddressTrigrams.countedTrigrams && Set(seen).count == seen.count)
        #expect(seen.first == pieces.first && seen.last == pieces.last)
    }

    @Test func sqliteKeepsOneRowPerDistinctTrigramAndErasureRemovesThem() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        let anna = try await store.transaction {
            try await $0.insertSubscriber(Fixtures.newSubscriber("anna@example.org"))
        }
        #expect(try await store.indexQueuedSubscribers(limit: 10) == 1)
        let rows = try SQLiteConnection(path: path).query(
            "SELECT trigram FROM subscriber_trigrams WHERE subscriber_id = ? ORDER BY trigram", [.integer(anna.id)]
        ).compactMap { $0.string(0) }
        #expect(rows == AddressTrigrams.of("anna@example.org").sorted())
        try await SubscriberAdministration(store: store).erase(subscriberID: anna.id, actor: "api:newsroom")
        let left = try SQLiteConnection(path: path).query("SELECT count(*) FROM subscriber_trigrams").first?.int(0)
        #expect(left == 0)
    }

    /// With a subscriber's index rows removed behind the store's back, a fragment of three or more
    /// characters no longer finds them (the index is what the search reads) while a shorter one,
    /// which walks the table, still does.
    @Test func sqliteSearchReadsTheIndex() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        let anna = try await store.transaction {
            try await $0.insertSubscriber(Fixtures.newSubscriber("anna@example.org"))
        }
        let search = { (fragment: String) in
            try await store.transaction { try await $0.searchSubscribers(SubscriberSearch(addressContains: fragment)) }
                .map(\.id)
        }
        #expect(try await search("anna@") == [anna.id])
        _ = try await store.indexQueuedSubscribers(limit: 10)
        #expect(try await search("anna@") == [anna.id])
        _ = try SQLiteConnection(path: path).query("DELETE FROM subscriber_trigrams")
        #expect(try await search("anna@") == [])
        #expect(try await search("an") == [anna.id])
    }

    /// An import writes the index of its new subscribers itself (migration 21): the same rows the
    /// trigger writes for a signup, and the trigger is back in force once the batch commits.
    @Test func sqliteImportWritesTheSameIndexAsTheTrigger() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        try await store.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
        _ = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("aaaa@example.org")) }
        let csv = "email\r\naaaa@example.org\r\nBob.Smith@Example.org\r\nзоя.ааа@ukr.net\r\nx@y.io\r\n"
        let csvPath = try ImportFixture.write(Array(csv.utf8))
        let importer = SubscriberImporter(store: store, newsletters: Fixtures.newsletters, confirmations: nil)
        let options = ImportOptions(
            status: .confirmed, strict: false, batchSize: 2, emailPolicy: .default, operatorName: "alice")
        _ = try await importer.run(path: csvPath, options: options)
        _ = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("carol@example.org")) }
        #expect(try await store.indexQueuedSubscribers(limit: 10) == 2)  // aaaa@… and carol@…, inserted one by one
        let connection = try SQLiteConnection(path: path)
        var expected: [String] = []
        for row in try connection.query("SELECT id, canonical_key FROM subscribers") {
            let id = row.int(0) ?? 0
            expected += AddressTrigrams.of(row.string(1) ?? "").map { "\($0) \(id)" }
        }
        let stored = try connection.query("SELECT trigram, subscriber_id FROM subscriber_trigrams").map {
            "\($0.string(0) ?? "") \($0.int(1) ?? 0)"
        }
        let perAddress = [13, 19, 13, 4, 15]  // aaaa@…, bob.smith@…, зоя.ааа@…, x@y.io, carol@…
        #expect(expected.count == perAddress.reduce(0, +))
        #expect(stored.sorted() == expected.sorted())
        let deferred = try connection.query("SELECT count(*) FROM subscriber_trigrams_deferred").first?.int(0)
        #expect(deferred == 0)
    }

    /// A subscriber inserted one at a time is queued (migration 23), in one small row whatever its
    /// address; batches take the queue in id order; a queued subscriber erased leaves the queue, and
    /// one whose address changes while queued ends up with exactly its new address's entries.
    @Test func sqliteQueuesSignupsAndIndexesThemInBatches() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        var ids: [Int64] = []
        for address in ["a1@example.org", "a2@example.org", "олена@приклад.укр", "gone@example.org", "b@x.io"] {
            ids.append(
                try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber(address)) }.id)
        }
        let connection = try SQLiteConnection(path: path)
        func count(_ table: String) throws -> Int64 {
            try connection.query("SELECT count(*) FROM \(table)").first?.int(0) ?? -1
        }
        #expect(try count("subscriber_trigrams") == 0 && count("subscriber_trigrams_pending") == 5)
        try await SubscriberAdministration(store: store).erase(subscriberID: ids[3], actor: "api:newsroom")
        _ = try connection.query(
            "UPDATE subscribers SET canonical_key = 'renamed@x.io' WHERE id = ?", [.integer(ids[4])])
        #expect(try await store.indexQueuedSubscribers(limit: 2) == 2)
        let queued = try connection.query("SELECT subscriber_id FROM subscriber_trigrams_pending").compactMap {
            $0.int(0)
        }
        #expect(queued == [ids[2], ids[4]])
        #expect(try await store.indexQueuedSubscribers(limit: 2) == 2)
        #expect(try await store.indexQueuedSubscribers(limit: 2) == 0)
        var expected: [String] = []
        for (id, key) in [(ids[0], "a1@example.org"), (ids[1], "a2@example.org"), (ids[2], "олена@приклад.укр")] {
            expected += AddressTrigrams.of(key).map { "\($0) \(id)" }
        }
        expected += AddressTrigrams.of("renamed@x.io").map { "\($0) \(ids[4])" }
        let stored = try connection.query("SELECT trigram, subscriber_id FROM subscriber_trigrams").map {
            "\($0.string(0) ?? "") \($0.int(1) ?? 0)"
        }
        #expect(stored.sorted() == expected.sorted())
    }

    /// A queue row left behind by a deletion with foreign keys off (the `sqlite3` shell's default)
    /// does not stop the next subscriber that gets the same id.
    @Test func sqliteQueueRowLeftByADeletionWithoutForeignKeysBlocksNoSignup() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let store = try SQLiteStore(path: path)
        try await store.migrate()
        let gone = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("g@x.io")) }
        let connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA foreign_keys = OFF")
        _ = try connection.query("DELETE FROM subscribers WHERE id = ?", [.integer(gone.id)])
        let next = try await store.transaction { try await $0.insertSubscriber(Fixtures.newSubscriber("n@x.io")) }
        #expect(next.id == gone.id)
        #expect(try await store.indexQueuedSubscribers(limit: 10) == 1)
        let found = try await store.transaction {
            try await $0.searchSubscribers(SubscriberSearch(addressContains: "n@x"))
        }
        #expect(found.map(\.id) == [next.id])
    }

    @Test func sqliteBuildsTheIndexForSubscribersBeforeTheUpgrade() async throws {
        let path = TemporaryPath.make(suffix: ".sqlite")
        let old = try SQLiteStore(path: path)
        try await old.migrate(upTo: 15)
        _ = try SQLiteConnection(path: path).query(OlderSchema.insertSubscriber("anna@example.org"))
        let upgraded = try SQLiteStore(path: path)
        try await upgraded.migrate()
        let found = try await upgraded.transaction {
            try await $0.searchSubscribers(SubscriberSearch(addressContains: "NA@EX"))
        }
        #expect(found.map(\.email) == ["anna@example.org"])
    }

    @Test(.enabled(if: TestPostgres.isEnabled))
    func postgresBuildsTheIndexForSubscribersBeforeTheUpgrade() async throws {
        let old = try await TestPostgres.freshStore()
        defer { old.shutdown() }
        try await old.migrate(upTo: 15)
        try await old.executeUnchecked(OlderSchema.insertSubscriber("anna@example.org"))
        try await old.migrate()
        let found = try await old.transaction {
            try await $0.searchSubscribers(SubscriberSearch(addressContains: "NA@EX"))
        }
        #expect(found.map(\.email) == ["anna@example.org"])
    }
}

/// The trigrams a search counted, in order.
private actor Counted {
    var trigrams: [String] = []
    func add(_ trigram: String) -> Int {
        trigrams.append(trigram)
        return AddressTrigrams.countLimit
    }
}
