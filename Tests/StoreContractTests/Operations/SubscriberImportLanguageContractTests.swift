import Foundation
import HeraldCore
import HeraldImport
import HeraldTestSupport
import Testing

/// The `language` column of `herald subscribers import` and `export` on every backend (#17).
@Suite("Store contract: import and export carry the subscriber's language")
struct SubscriberImportLanguageContractTests {
    /// `news` is Ukrainian first and offers English; `daily` offers only English.
    static var newsletters: [Newsletter] {
        var news = Newsletter(slug: "news", title: "Новини")
        news.language = "uk"
        news.languages = ["uk", "en"]
        return [news, Newsletter(slug: "daily", title: "Daily Briefing")]
    }

    static func store(_ backend: StoreBackend) async throws -> any SubscriberStore {
        let store = try await backend.make()
        try await store.transaction { tx in for n in Self.newsletters { try await tx.upsertNewsletter(n) } }
        return store
    }

    static func run(_ store: any SubscriberStore, _ text: String) async throws -> [ImportRowError] {
        var errors: [ImportRowError] = []
        let importer = SubscriberImporter(
            store: store, newsletters: newsletters, confirmations: nil, now: { Fixtures.now })
        let options = ImportOptions(
            status: .confirmed, strict: false, batchSize: 3, emailPolicy: .default, operatorName: "alice")
        _ = try await importer.run(path: try ImportFixture.write(Array(text.utf8)), options: options) {
            errors.append($0)
        }
        return errors
    }

    /// "email newsletter language attributes" for every exported row, sorted.
    static func languages(_ store: any SubscriberStore) async throws -> [String] {
        let page = try await store.transaction {
            try await $0.exportPage(newsletter: nil, status: nil, afterSubscriberID: 0, afterNewsletter: "", limit: 100)
        }
        return page.map {
            "\($0.subscriber.email) \($0.subscription.newsletter) \($0.subscriber.language ?? "-") "
                + $0.subscriber.attributesJSON
        }.sorted()
    }

    @Test(arguments: StoreBackend.all)
    func aNamedLanguageIsStoredAndAnEmptyOneIsTheNewslettersLikeASignup(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend)
        let errors = try await Self.run(
            store,
            "email,Language,newsletter,city\nuk@example.org,uk,news,Kyiv\nen@example.org, EN ,news,\n"
                + "none@example.org,,news,\ndaily@example.org,,daily,\nboth@example.org,en,news,\n"
                + "both@example.org,,daily,\n")
        #expect(errors.isEmpty)
        #expect(
            try await Self.languages(store) == [
                "both@example.org daily en {}", "both@example.org news en {}", "daily@example.org daily en {}",
                "en@example.org news en {}", "none@example.org news uk {}",
                "uk@example.org news uk {\"city\":\"Kyiv\"}",
            ])
    }

    @Test(arguments: StoreBackend.all)
    func anUnofferedOrHostileLanguageIsARowErrorNamingTheOfferedOnesAndTheRowIsSkipped(_ backend: StoreBackend)
        async throws
    {
        let store = try await Self.store(backend)
        let hostile = [
            "\"uk\r\nBcc: x@example.org\"", "<b>uk</b>", String(repeating: "u", count: 10_000), "u\u{043A}",
            "uk-UA", "fr",
        ]
        var text = "email,newsletter,language\n"
        for (index, cell) in hostile.enumerated() { text += "bad\(index)@example.org,news,\(cell)\n" }
        text += "daily-uk@example.org,daily,uk\nfine@example.org,news,uk\n"
        let errors = try await Self.run(store, text)
        #expect(errors.map(\.problem.code) == Array(repeating: "unknown_language", count: hostile.count + 1))
        #expect(errors.map(\.line) == [2, 4, 5, 6, 7, 8, 9])
        #expect(errors.dropLast().allSatisfy { $0.description.contains("use one of uk, en") })
        #expect(errors.last?.description.contains("use one of en ") == true)
        #expect(errors.allSatisfy { $0.description.count < 200 && !$0.description.contains("\r\n") })
        #expect(try await Self.languages(store) == ["fine@example.org news uk {}"])
    }

    @Test(arguments: StoreBackend.all)
    func reimportKeepsTheStoredLanguageUnlessTheRowNamesOne(_ backend: StoreBackend) async throws {
        let store = try await Self.store(backend)
        var errors = try await Self.run(store, "email,language\nolena@example.org,en\nanna@example.org,en\n")
        errors += try await Self.run(
            store,
            "email,language,newsletter\nolena@example.org,,news\nanna@example.org,uk,news\nanna@example.org,,daily\n")
        errors += try await Self.run(store, "email\nolena@example.org\n")
        #expect(errors.isEmpty)
        #expect(
            try await Self.languages(store) == [
                "anna@example.org daily uk {}", "anna@example.org news uk {}", "olena@example.org news en {}",
            ])
    }

    @Test(arguments: StoreBackend.all)
    func exportWritesTheLanguageColumnAndImportReadsItBack(_ backend: StoreBackend) async throws {
        let source = try await Self.store(backend)
        _ = try await Self.run(source, "email,language,newsletter\nolena@example.org,en,news\nann@example.org,,daily\n")
        let signup = NewSubscriber(
            email: "old@example.org", smtpAddress: "old@example.org", canonicalKey: "old@example.org", name: nil,
            createdAt: Fixtures.now)
        try await source.transaction { tx in
            let old = try await tx.insertSubscriber(signup)
            try await tx.saveSubscription(
                Subscription(
                    subscriberID: old.id, newsletter: "news", status: .confirmed, createdAt: Fixtures.now,
                    updatedAt: Fixtures.now))
        }
        var bytes: [UInt8] = []
        _ = try await SubscriberExporter(store: source, pageSize: 2).export(
            newsletter: nil, status: nil, byteOrderMark: false
        ) { bytes += $0 }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\r\n")
        #expect(lines.first == "email,name,newsletter,status,created_at,confirmed_at,language")
        #expect(
            lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).last } == [
                "en", "en", "",
            ])
        let copy = try await Self.store(backend)
        #expect(try await Self.run(copy, String(decoding: bytes, as: UTF8.self)).isEmpty)
        // A subscriber stored without a language (before #17) is imported with the newsletter's.
        #expect(
            try await Self.languages(copy) == [
                "ann@example.org daily en {}", "old@example.org news uk {}", "olena@example.org news en {}",
            ])
    }
}
