import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The promises every store backend keeps about `AdminQueryOperations`.
@Suite("Store contract: AdminQueryOperations")
struct AdminQueryOperationsContractTests {
    private func subscribe(
        _ store: any SubscriberStore, _ address: String, _ slug: String, _ status: SubscriptionStatus,
        at time: Date = Fixtures.now
    ) async throws -> Subscriber {
        try await store.transaction { tx in
            var found = try await tx.subscriber(canonicalKey: address.lowercased())
            if found == nil { found = try await tx.insertSubscriber(Fixtures.newSubscriber(address, at: time)) }
            guard let subscriber = found else { throw StoreError.notFound(address) }
            try await tx.saveSubscription(
                Subscription(
                    subscriberID: subscriber.id, newsletter: slug, status: status, createdAt: time, updatedAt: time))
            return subscriber
        }
    }

    @Test(arguments: StoreBackend.all)
    func searchCombinesCriteriaAndMatchesAddressPiecesLiterally(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let early = Fixtures.now.addingTimeInterval(-86_400)
        let alice = try await subscribe(store, "Alice@Example.org", "news", .confirmed, at: early)
        let alan = try await subscribe(store, "alan_100%@example.net", "news", .pending)
        _ = try await subscribe(store, "zed@example.com", "daily", .unsubscribed)
        func ids(_ search: SubscriberSearch) async throws -> [Int64] {
            try await store.transaction { try await $0.searchSubscribers(search) }.map(\.id)
        }
        #expect(try await ids(SubscriberSearch(addressContains: "AL")) == [alice.id, alan.id])
        #expect(try await ids(SubscriberSearch(addressContains: "_100%")) == [alan.id])
        #expect(try await ids(SubscriberSearch(addressContains: "%")) == [alan.id])
        #expect(try await ids(SubscriberSearch(addressContains: "a_i")) == [])
        #expect(try await ids(SubscriberSearch(status: .confirmed)) == [alice.id])
        #expect(try await ids(SubscriberSearch(status: .confirmed, newsletter: "daily")) == [])
        #expect(try await ids(SubscriberSearch(newsletter: "news")) == [alice.id, alan.id])
        #expect(try await ids(SubscriberSearch(createdBefore: Fixtures.now)) == [alice.id])
        #expect(try await ids(SubscriberSearch(createdFrom: Fixtures.now)).count == 2)
        #expect(try await ids(SubscriberSearch(afterID: alice.id, limit: 1)) == [alan.id])
    }

    /// Fragments of three characters or more go through the stores' trigram index; whatever the
    /// path, the result is exactly the subscribers whose canonical key contains the fragment. On a
    /// store that indexes new subscribers after their commit (SQLite), the same whether half of them
    /// are still queued or all are indexed.
    @Test(arguments: StoreBackend.all)
    func searchByPartOfTheAddressFindsExactlyTheSubstringMatches(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        var everyone: [Subscriber] = []
        for number in 0..<40 {
            everyone.append(
                try await subscribe(
                    store, "reader\(number)@example.org", "news", number % 2 == 0 ? .confirmed : .pending))
            if number == 19 { _ = try await store.indexQueuedSubscribers(limit: 1000) }
        }
        everyone.append(try await subscribe(store, "Олена.Коваль@Example.org", "news", .confirmed))
        everyone.append(try await subscribe(store, "o'brien+%_x@example.net", "daily", .pending))
        func ids(_ search: SubscriberSearch) async throws -> [Int64] {
            try await store.transaction { try await $0.searchSubscribers(search) }.map(\.id)
        }
        func expected(_ fragment: String) -> [Int64] {
            Array(everyone.filter { $0.canonicalKey.contains(fragment.lowercased()) }.map(\.id).sorted().prefix(50))
        }
        try await expectSearchesFindExactly(everyone, ids: ids, expected: expected)
        while try await store.indexQueuedSubscribers(limit: 7) > 0 {}
        try await expectSearchesFindExactly(everyone, ids: ids, expected: expected)
        try await SubscriberAdministration(store: store).erase(subscriberID: everyone[3].id, actor: "api:newsroom")
        #expect(try await ids(SubscriberSearch(addressContains: "der3@")) == [])
        #expect(
            try await ids(SubscriberSearch(addressContains: "ader3"))
                == expected("ader3").filter { $0 != everyone[3].id })
    }

    /// The searches of ``searchByPartOfTheAddressFindsExactlyTheSubstringMatches(_:)``.
    private func expectSearchesFindExactly(
        _ everyone: [Subscriber], ids: (SubscriberSearch) async throws -> [Int64],
        expected: (String) -> [Int64]
    ) async throws {
        for fragment in ["der3@", "ader3", "reader1", "r3", "3", "олена", "ОЛЕНА.К", "'brien+%_", "qqq", "reader"] {
            #expect(try await ids(SubscriberSearch(addressContains: fragment)) == expected(fragment), "\(fragment)")
        }
        #expect(
            try await ids(SubscriberSearch(addressContains: "reader", limit: 7)) == Array(expected("reader").prefix(7)))
        let confirmed = everyone.prefix(40).enumerated().filter { $0.offset % 2 == 0 }.map(\.element.id)
        #expect(
            try await ids(SubscriberSearch(addressContains: "reader1", status: .confirmed))
                == expected("reader1").filter(confirmed.contains))
        let pending = everyone.prefix(40).enumerated().filter { $0.offset % 2 == 1 }.map(\.element.id)
        #expect(try await ids(SubscriberSearch(status: .pending, newsletter: "news")) == pending)
        #expect(
            try await ids(SubscriberSearch(status: .pending, newsletter: "news", afterID: pending[4], limit: 2)) == [
                pending[5], pending[6],
            ])
        #expect(
            try await ids(SubscriberSearch(addressContains: "8", status: .pending, newsletter: "news"))
                == expected("8").filter(pending.contains))
        #expect(try await ids(SubscriberSearch(status: .pending, newsletter: "daily")) == [everyone[41].id])
        var seen: [Int64] = []
        var after: Int64 = 0
        while true {
            let page = try await ids(SubscriberSearch(addressContains: "ader3", afterID: after, limit: 3))
            seen += page
            guard page.count == 3, let last = page.last else { break }
            after = last
        }
        #expect(seen == expected("ader3"))
    }

    @Test(arguments: StoreBackend.all)
    func keysetPagesReturnEveryMatchOnce(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        for number in 0..<17 { _ = try await subscribe(store, "p\(number)@example.org", "news", .pending) }
        var seen: [Int64] = []
        var after: Int64 = 0
        while true {
            let search = SubscriberSearch(afterID: after, limit: 4)
            let page = try await store.transaction { try await $0.searchSubscribers(search) }
            seen += page.map(\.id)
            guard page.count == 4, let last = page.last else { break }
            after = last.id
        }
        #expect(seen.count == 17 && Set(seen).count == 17 && seen == seen.sorted())
    }

    @Test(arguments: StoreBackend.all)
    func countsAndConsentActivityGroupAsPromised(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let a = try await subscribe(store, "a@example.org", "news", .confirmed)
        _ = try await subscribe(store, "b@example.org", "news", .pending)
        _ = try await subscribe(store, "c@example.org", "news", .pending)
        let counts = try await store.transaction { try await $0.subscriptionCounts() }
        #expect(
            counts == [
                SubscriptionCount(newsletter: "news", status: .confirmed, count: 1),
                SubscriptionCount(newsletter: "news", status: .pending, count: 2),
            ])
        let day = Int64(Fixtures.now.timeIntervalSince1970 / 86_400)
        try await store.transaction { tx in
            for (action, offset) in [(ConsentAction.signup, 0.0), (.signup, 60), (.confirm, 120), (.signup, 86_400)] {
                try await tx.appendConsent(
                    ConsentEvent(
                        subscriberID: a.id, newsletter: "news", action: action,
                        occurredAt: Fixtures.now.addingTimeInterval(offset)))
            }
            try await tx.appendConsent(
                ConsentEvent(subscriberID: a.id, newsletter: nil, action: .signup, occurredAt: Fixtures.now))
        }
        let activity = try await store.transaction { tx in
            try await tx.consentActivity(
                newsletter: "news", from: Fixtures.now, to: Fixtures.now.addingTimeInterval(3600))
        }
        #expect(
            Set(activity.map { "\($0.day)-\($0.action.rawValue)-\($0.count)" }) == [
                "\(day)-signup-2", "\(day)-confirm-1",
            ])
        let other = try await store.transaction { tx in
            try await tx.consentActivity(newsletter: "daily", from: .distantPast, to: .distantFuture)
        }
        #expect(other.isEmpty)
    }

    /// The dashboard reads counters kept beside the tables (migration 15 on SQLite and PostgreSQL):
    /// they follow every insert, status change and erasure, and a range that starts or ends inside a
    /// day counts exactly the events inside it.
    @Test(arguments: StoreBackend.all)
    func countsAndActivityFollowChangesAndPartialDays(_ backend: StoreBackend) async throws {
        let store = try await backend.makeWithNewsletters()
        let a = try await subscribe(store, "a@example.org", "news", .pending)
        let b = try await subscribe(store, "b@example.org", "news", .confirmed)
        _ = try await subscribe(store, "b@example.org", "daily", .pending)
        _ = try await subscribe(store, "a@example.org", "news", .confirmed)
        let midnight = Date(
            timeIntervalSince1970: (Fixtures.now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
        let day = Int64(midnight.timeIntervalSince1970 / 86_400)
        try await store.transaction { tx in
            for (subscriber, hours) in [(a, -1.0), (a, 1), (b, 23), (a, 25), (b, 30), (a, 47), (b, 49)] {
                try await tx.appendConsent(
                    ConsentEvent(
                        subscriberID: subscriber.id, newsletter: "news", action: .signup,
                        occurredAt: midnight.addingTimeInterval(hours * 3600)))
            }
        }
        let activity = { (from: Double, to: Double) in
            try await store.transaction { tx in
                try await tx.consentActivity(
                    newsletter: nil, from: midnight.addingTimeInterval(from * 3600),
                    to: midnight.addingTimeInterval(to * 3600))
            }
            .map { "\($0.day - day):\($0.count)" }.sorted()
        }
        #expect(try await activity(0, 72) == ["0:2", "1:3", "2:1"])
        #expect(try await activity(2, 48) == ["0:1", "1:3"])
        #expect(try await activity(24, 30) == ["1:1"])
        #expect(try await activity(-2, 26) == ["-1:1", "0:2", "1:1"])
        try await store.transaction { tx in _ = try await tx.eraseSubscriber(id: b.id) }
        #expect(try await activity(-24, 72) == ["-1:1", "0:1", "1:2"])
        let counts = try await store.transaction { try await $0.subscriptionCounts() }
        #expect(counts == [SubscriptionCount(newsletter: "news", status: .confirmed, count: 1)])
    }
}
