import Foundation
import HeraldCore
import HeraldImport
import HeraldTestSupport
import Testing

/// `herald subscribers import` and `export` on every backend: validation, merging, suppression,
/// consent, and the round trip.
@Suite("Store contract: SubscriberImportOperations (import and export)")
struct SubscriberImportOperationsContractTests {
    static let policy = EmailValidationPolicy(blockedDomains: DisposableDomainList(domains: ["mailinator.com"]))

    static func store(_ backend: StoreBackend) async throws -> any SubscriberStore {
        let store = try await backend.make()
        try await store.transaction { tx in for n in Fixtures.newsletters { try await tx.upsertNewsletter(n) } }
        return store
    }

    static func importer(
        _ store: any SubscriberStore, confirmations: (any ImportConfirmationSender)? = nil, at time: Date = Fixtures.now
    ) -> SubscriberImporter {
        SubscriberImporter(store: store, newsletters: Fixtures.newsletters, confirmations: confirmations, now: { time })
    }

    static func options(strict: Bool = false, status: SubscriptionStatus = .confirmed, batchSize: Int = 4)
        -> ImportOptions
    {
        ImportOptions(status: status, strict: strict, batchSize: batchSize, emailPolicy: policy, operatorName: "alice")
    }

    /// Every (address, name, newsletter, status, attributes) in the store, sorted.
    static func contents(_ store: any SubscriberStore) async throws -> [String] {
        var out: [String] = []
        var after = (Int64(0), "")
        while true {
            let page = try await store.transaction { [after] in
                try await $0.exportPage(
                    newsletter: nil, status: nil, afterSubscriberID: after.0, afterNewsletter: after.1, limit: 3)
            }
            for row in page {
                let attributes = JSONValue.objectMembers(of: row.subscriber.attributesJSON).sorted { $0.key < $1.key }
                out.append(
                    "\(row.subscriber.email)|\(row.subscriber.name ?? "-")|\(row.subscription.newsletter)|"
                        + "\(row.subscription.status.rawValue)|\(attributes.map { "\($0.key)=\($0.value)" })")
            }
            guard let last = page.last else { break }
            after = (last.subscription.subscriberID, last.subscription.newsletter)
        }
        return out.sorted()
    }

    @Test(arguments: StoreBackend.all)
    func everyBrokenRowIsReportedWithItsLineAndTheRestImported(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend)
        let path = try ImportFixture.write(ImportFixture.bytes)
        var errors: [ImportRowError] = []
        let summary = try await Self.importer(store).run(path: path, options: Self.options()) { errors.append($0) }
        let expected = ImportFixture.expectedErrors
        #expect(errors.map(\.line) == expected.map(\.0))
        #expect(errors.map(\.problem.code) == expected.map(\.1))
        #expect(Set(expected.map(\.1)).count >= 20)
        #expect(summary.invalid == expected.count)
        #expect(summary.rows == ImportFixture.lines.count)
        #expect(summary.imported == 3 && summary.duplicatesMerged == 1 && summary.updated == 0)
        #expect(
            try await Self.contents(store) == [
                "=cmd@example.org|=SUM(A1)|news|confirmed|[\"city=string(\\\"@x\\\")\"]",
                "ok1@example.org|Ok Renamed|news|confirmed|[\"city=string(\\\"Odesa\\\")\"]",
                "ok2@example.org|Ok, \"Two\"|daily|pending|[\"city=string(\\\"Lviv\\\\nOld Town\\\")\"]",
            ])
        for error in errors { #expect(error.description.hasPrefix("line \(error.line): \(error.problem.code): ")) }
    }

    @Test(arguments: StoreBackend.all)
    func strictImportsNothingWhenAnyRowIsBad(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend)
        let path = try ImportFixture.write(ImportFixture.bytes)
        var errors = 0
        let summary = try await Self.importer(store).run(path: path, options: Self.options(strict: true)) { _ in
            errors += 1
        }
        #expect(!summary.committed && summary.imported == 0 && errors == ImportFixture.expectedErrors.count)
        #expect(try await store.transaction { try await $0.subscriberCount() } == 0)
    }

    @Test(arguments: StoreBackend.all)
    func confirmedRowsGetAnImportConsentEventNamingFileAndOperator(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend)
        let path = try ImportFixture.write(Array("email\na@example.org\nb@example.org\n".utf8), name: "list.csv")
        _ = try await Self.importer(store).run(path: path, options: Self.options())
        let subscriber = try #require(
            try await store.transaction { try await $0.subscriber(canonicalKey: "a@example.org") })
        let events = try await store.transaction { try await $0.consentEvents(subscriberID: subscriber.id) }
        #expect(events.count == 1)
        #expect(events.first?.action == .importConsent && events.first?.newsletter == "news")
        #expect(events.first?.source?.hasSuffix("list.csv by alice") == true)
    }

    @Test(arguments: StoreBackend.all)
    func anImportNeverResubscribesAndUpgradesPendingToConfirmed(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend)
        try await store.transaction { tx in
            for (address, status) in [
                ("left@example.org", SubscriptionStatus.unsubscribed), ("wait@example.org", .pending),
            ] {
                let subscriber = try await tx.insertSubscriber(Fixtures.newSubscriber(address))
                try await tx.saveSubscription(
                    Subscription(
                        subscriberID: subscriber.id, newsletter: "news", status: status, createdAt: Fixtures.now,
                        updatedAt: Fixtures.now.addingTimeInterval(-60)))
            }
        }
        let path = try ImportFixture.write(Array("email,status\nleft@example.org,confirmed\nwait@example.org,\n".utf8))
        let summary = try await Self.importer(store).run(path: path, options: Self.options())
        #expect(summary.updated == 2 && summary.imported == 0)
        #expect(
            try await Self.contents(store) == [
                "left@example.org|-|news|unsubscribed|[]", "wait@example.org|-|news|confirmed|[]",
            ])
    }

    @Test(arguments: StoreBackend.all)
    func anErasedAddressIsSkippedByALaterImport(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend)
        let path = try ImportFixture.write(Array("email,name\nerin@example.org,Erin\nkim@example.org,Kim\n".utf8))
        _ = try await Self.importer(store).run(path: path, options: Self.options())
        let erin = try #require(
            try await store.transaction { try await $0.subscriber(canonicalKey: "erin@example.org") })
        try await SubscriberAdministration(store: store).erase(subscriberID: erin.id, actor: "test")
        let again = try await Self.importer(store, at: Fixtures.now.addingTimeInterval(60))
            .run(path: path, options: Self.options())
        #expect(again.suppressedSkipped == 1 && again.updated == 1 && again.imported == 0)
        #expect(try await Self.contents(store) == ["kim@example.org|Kim|news|confirmed|[]"])
    }

    /// Values that mean something to the stores' bulk paths (PostgreSQL's COPY text format: `\N`,
    /// backslashes, tabs, line breaks; SQL quoting; JSON) are stored as written, as the reference
    /// in-memory store stores them.
    @Test(arguments: StoreBackend.all)
    func valuesThatLookLikeBulkSyntaxAreStoredAsWritten(_ backend: StoreBackend) async throws {
        let names = [
            #"\N"#, #"back\slash \t \\"#, "tab\there", "two\r\nlines", "Robert'); DROP TABLE subscribers;--",
            #"{"a": "b\"}"#, "Олена \u{0456}\u{2028}",
        ]
        let csv =
            "email,name,city\r\n"
            + names.enumerated().map { index, name in
                let quoted = name.replacingOccurrences(of: "\"", with: "\"\"")
                return "r\(index)@example.org,\"\(quoted)\",\"\\N\t\(quoted)\"\r\n"
            }.joined()
        let path = try ImportFixture.write(Array(csv.utf8))
        let store = try await Self.store(backend)
        let reference = try await Self.store(.memory)
        for target in [store, reference] {
            var refused: [String] = []
            let summary = try await Self.importer(target).run(path: path, options: Self.options(batchSize: 3)) {
                refused.append("\($0.line) \($0.problem.code)")
            }
            // A tab or a line break in a name is refused before any store sees it; in an attribute
            // (JSON) it is stored.
            #expect(refused == ["4 control_characters", "5 control_characters"])
            #expect(summary.imported == names.count - 2)
        }
        let stored = try await Self.contents(store)
        #expect(stored == (try await Self.contents(reference)) && stored.count == names.count - 2)
        let first = try await store.transaction { try await $0.subscriber(canonicalKey: "r0@example.org") }
        #expect(first?.name == #"\N"#)
        let sql = try await store.transaction { try await $0.subscriber(canonicalKey: "r4@example.org") }
        #expect(sql?.name == "Robert'); DROP TABLE subscribers;--")
    }

    @Test(arguments: StoreBackend.all)
    func exportThenImportIntoAnEmptyStoreGivesTheSameSubscribers(_ backend: StoreBackend) async throws {
        let source = try await Self.store(backend)
        let path = try ImportFixture.write(ImportFixture.bytes)
        _ = try await Self.importer(source).run(path: path, options: Self.options())
        let extra = try ImportFixture.write(
            Array(
                "email,status,newsletter,plan\nleft@example.org,unsubscribed,daily,gold\nok1@example.org,pending,daily,\n"
                    .utf8))
        _ = try await Self.importer(source).run(path: extra, options: Self.options())
        var exported: [UInt8] = []
        let count = try await SubscriberExporter(store: source, pageSize: 2).export(newsletter: nil, status: nil) {
            exported += $0
        }
        #expect(count == 5)
        #expect(exported.starts(with: CSVWriter.byteOrderMark))
        #expect(String(decoding: exported, as: UTF8.self).contains("'=cmd@example.org,'=SUM(A1)"))
        let target = try await Self.store(backend)
        let summary = try await Self.importer(target).run(
            path: try ImportFixture.write(exported), options: Self.options())
        #expect(summary.invalid == 0 && summary.imported == 5)
        #expect(try await Self.contents(target) == (try await Self.contents(source)))
    }

    @Test(arguments: StoreBackend.all)
    func pendingRowsWithSendConfirmationQueueOneMailPerPerson(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend)
        let service = SubscriptionService(
            store: store, composer: PlainMailComposer(), policy: SignupPolicy(),
            signer: ManageLinkSigner(secret: "s"), newsletters: Fixtures.newsletters, now: { Fixtures.now })
        let path = try ImportFixture.write(
            Array("email,newsletter\np@example.org,news\np@example.org,daily\nq@example.org,news\n".utf8))
        var options = Self.options(status: .pending)
        options.sendConfirmation = true
        let summary = try await Self.importer(store, confirmations: service).run(path: path, options: options)
        #expect(summary.confirmationsQueued == 2 && summary.imported == 3)
        let outbox = try await store.transaction { try await $0.outboxSummary() }
        #expect(outbox.counts[.pending] == 2)
    }
}
