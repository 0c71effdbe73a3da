import Foundation
import HeraldCore
import HeraldImport
import HeraldTestSupport
import Testing

/// Imported subscribers are found by the address search on every backend, whatever path the store
/// takes to index them (SQLite writes the index of a batch in bulk, migration 21), and a signup
/// after an import is indexed as before.
@Suite("Store contract: the address search finds imported subscribers")
struct ImportSearchContractTests {
    typealias Contract = SubscriberImportOperationsContractTests

    @Test(arguments: StoreBackend.all)
    func everyImportedAddressIsFoundByAFragment(_ backend: StoreBackend) async throws {
        let store = try await Contract.store(backend)
        let known = try await store.transaction {
            try await $0.insertSubscriber(Fixtures.newSubscriber("known@example.org"))
        }
        let addresses = [
            "olena.kovalenko.1@ukr.net", "Jane.Doe@Example.org", "known@example.org", "søren.jensen@gmx.de",
            "Олена@example.org", "zz9@i.ua",
        ]
        let csv = "email,name\r\n" + addresses.map { "\($0),Reader\r\n" }.joined()
        let path = try ImportFixture.write(Array(csv.utf8))
        let summary = try await Contract.importer(store).run(path: path, options: Contract.options(batchSize: 2))
        #expect(summary.invalid == 0 && summary.imported == addresses.count)
        let search = { (fragment: String) in
            try await store.transaction { try await $0.searchSubscribers(SubscriberSearch(addressContains: fragment)) }
                .map(\.canonicalKey)
        }
        #expect(try await search("kovalenko.1@") == ["olena.kovalenko.1@ukr.net"])
        #expect(try await search("DOE@EXAMPLE") == ["jane.doe@example.org"])
        #expect(try await search("øren.j") == ["søren.jensen@gmx.de"])
        #expect(try await search("лена@") == ["олена@example.org"])
        #expect(try await search("zz9@") == ["zz9@i.ua"])
        #expect(try await search("known@") == ["known@example.org"])
        #expect(
            try await store.transaction { try await $0.subscriber(canonicalKey: "known@example.org") }?.id == known.id)
        let later = try await store.transaction {
            try await $0.insertSubscriber(Fixtures.newSubscriber("later@example.org"))
        }
        #expect(try await search("ater@ex") == [later.canonicalKey])
    }
}
