import Foundation
import HTTPTypes
import HeraldCore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// The console's Mail, Audit log and Settings pages through the real router.
@Suite("Routes: console mail, audit log and settings")
struct ConsoleOperationsRouteTests {
    typealias Browser = ConsoleRouteTests.Browser

    /// Queues three mails and settles them: one failed with a 550, one deferred with a 451, one sent.
    static func troubledOutbox(_ harness: RouteHarness) async throws -> (failed: Int64, deferred: Int64, sent: Int64) {
        try await harness.store.transaction { tx in
            var ids: [Int64] = []
            for name in ["failed", "deferred", "sent"] {
                ids.append(
                    try await tx.enqueueMail(
                        OutboxDraft(
                            kind: .confirmation, subscriberID: nil, throttleKey: name,
                            mail: Fixtures.mail(to: "\(name)@example.org"), createdAt: Fixtures.now)))
            }
            _ = try await tx.claimDueMail(
                owner: "w", now: Fixtures.now, limit: 3, leaseUntil: Fixtures.now.addingTimeInterval(60))
            _ = try await tx.markMailFailed(
                id: ids[0], owner: "w", attempts: 8, at: Fixtures.now, result: "550 5.1.1 <script>no</script> user")
            _ = try await tx.markMailRetry(
                id: ids[1], owner: "w", attempts: 2, nextAttemptAt: Fixtures.now.addingTimeInterval(900),
                result: "451 4.3.0 try later")
            _ = try await tx.markMailSent(id: ids[2], owner: "w", at: Fixtures.now, reply: "250 ok")
            return (ids[0], ids[1], ids[2])
        }
    }

    @Test func theMailPageListsFailedAndDeferredMailAndRetriesAndDiscardsThem() async throws {
        let harness = try RouteHarness()
        let ids = try await Self.troubledOutbox(harness)
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let page = try await browser.get("/admin/mail")
            #expect(page.status == .ok)
            #expect(page.text.contains("failed@example.org") && page.text.contains("deferred@example.org"))
            #expect(!page.text.contains("sent@example.org"))
            #expect(page.text.contains("550 5.1.1 &lt;script&gt;no&lt;/script&gt; user"))
            #expect(page.text.contains("451 4.3.0 try later"))
            let retried = try await browser.post("/admin/mail/\(ids.failed)/retry", [("csrf", browser.csrf)])
            #expect(retried.status == .seeOther)
            #expect(retried.headers[.location] == "https://news.example.org/admin/mail?done=retried")
            let message = try await harness.store.transaction { try await $0.outboxMessage(id: ids.failed) }
            #expect(message?.state == .pending && message?.attempts == 0)
            #expect(message?.nextAttemptAt == harness.clock.now)
            let discarded = try await browser.post("/admin/mail/\(ids.deferred)/discard", [("csrf", browser.csrf)])
            #expect(discarded.status == .seeOther)
            let again = try await browser.post("/admin/mail/\(ids.deferred)/retry", [("csrf", browser.csrf)])
            #expect(again.status == .conflict && again.text.contains("Nothing changed"))
            let sent = try await browser.post("/admin/mail/\(ids.sent)/discard", [("csrf", browser.csrf)])
            #expect(sent.status == .conflict)
            let missing = try await browser.post("/admin/mail/424242/retry", [("csrf", browser.csrf)])
            #expect(missing.status == .notFound)
            let entries = try await harness.store.transaction { try await $0.auditEntries(beforeID: nil, limit: 10) }
            #expect(entries.prefix(2).map(\.action) == ["mail.discard", "mail.retry"])
            #expect(entries.first?.target == "mail:\(ids.deferred)")
            let forged = try await browser.post("/admin/mail/\(ids.failed)/discard", [("csrf", "forged")])
            #expect(forged.status == .forbidden)
            let stillPending = try await harness.store.transaction { try await $0.outboxMessage(id: ids.failed) }
            #expect(stillPending?.state == .pending)
            let badCursor = try await browser.get("/admin/mail?before=forged")
            #expect(badCursor.status == .badRequest)
        }
    }

    @Test func theAuditLogIsFilteredByOperatorActionAndDay() async throws {
        let harness = try RouteHarness()
        try await harness.store.transaction { tx in
            for (actor, action, day) in [
                ("desk", "subscriber.erase", 0.0), ("ops", "mail.retry", 1), ("desk", "mail.retry", 2),
            ] {
                _ = try await tx.appendAudit(
                    NewAuditEntry(
                        actor: actor, action: action, target: "x",
                        detailJSON: #"{"note":"<b>bold</b>"}"#,
                        occurredAt: Fixtures.now.addingTimeInterval(day * 86_400)))
            }
        }
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let all = try await browser.get("/admin/audit")
            #expect(all.status == .ok && all.text.contains("note: &lt;b&gt;bold&lt;/b&gt;"))
            let retries = try await browser.get("/admin/audit?actor=&action=mail.retry&from=&to=")
            #expect(retries.text.components(separatedBy: "<td class=\"cell-wrap\">mail.retry</td>").count - 1 == 2)
            #expect(!retries.text.contains("<td class=\"cell-wrap\">subscriber.erase</td>"))
            let day = ConsoleDates.day(Fixtures.now.addingTimeInterval(86_400))
            let oneDay = try await browser.get("/admin/audit?from=\(day)&to=\(day)")
            #expect(oneDay.text.contains("<td class=\"cell-wrap\">ops</td>"))
            #expect(!oneDay.text.contains("<td class=\"cell-wrap\">desk</td>"))
            for bad in [
                "from=2026-02-30", "to=yesterday", "actor=a%0Ab", "before=forged",
                "action=" + String(repeating: "x", count: 65),
            ] {
                let response = try await browser.get("/admin/audit?\(bad)")
                #expect(response.status == .badRequest, "\(bad)")
            }
        }
    }

    @Test func settingsShowTheConfigurationWithoutAnySecret() async throws {
        let secret = "whsec-0123456789abcdef0123"
        let harness = try RouteHarness(
            """
            smtp_url: "smtp://mailer:relay-pa55word@smtp.example.org:587?starttls=required"
            database_url: "postgres://herald:db-pa55word@db.example.org:5432/herald?sslmode=require"
            webhooks:
              - url: "https://hooks.example.org/T000/B000/s3cr3tpath?token=abc"
                secret: \(secret)
            """)
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let page = try await browser.get("/admin/settings")
            #expect(page.status == .ok)
            for shown in [
                "smtp.example.org:587", "STARTTLS required", "as mailer", "postgres://db.example.org:5432",
                "https://hooks.example.org", "Morning News",
            ] {
                #expect(page.text.contains(shown), "\(shown)")
            }
            for hidden in ["relay-pa55word", "db-pa55word", secret, "s3cr3tpath", "token=abc", RouteHarness.adminToken]
            {
                #expect(!page.text.contains(hidden), "\(hidden)")
            }
        }
    }
}

extension ConsoleOperationsRouteTests {
    @Test func aMailToASuppressedAddressIsNotRetried() async throws {
        let harness = try RouteHarness()
        let ids = try await Self.troubledOutbox(harness)
        try await harness.store.transaction { tx in
            let address = try EmailAddress(validating: "failed@example.org")
            _ = try await SuppressionList.suppress(
                canonicalKey: address.canonicalKey, reason: .hardBounce, detail: "550 5.1.1", at: Fixtures.now, in: tx)
        }
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            _ = try await browser.get("/admin/mail")
            let refused = try await browser.post("/admin/mail/\(ids.failed)/retry", [("csrf", browser.csrf)])
            #expect(refused.status == .conflict)
            #expect(refused.text.contains("is suppressed (hard_bounce)"))
            let message = try await harness.store.transaction { try await $0.outboxMessage(id: ids.failed) }
            #expect(message?.state == .failed)
            let discarded = try await browser.post("/admin/mail/\(ids.failed)/discard", [("csrf", browser.csrf)])
            #expect(discarded.status == .seeOther)
        }
    }
}

extension ConsoleOperationsRouteTests {
    @Test func anEndedSessionSignsInAgainAndReturnsToThePageAskedFor() async throws {
        let harness = try RouteHarness("console_idle_minutes: 5\nconsole_session_hours: 1\n")
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            harness.clock.advance(by: 6 * 60)
            let ended = try await browser.get("/admin/audit?action=mail.retry")
            #expect(ended.status == .seeOther)
            let location = try #require(ended.headers[.location])
            #expect(location == "https://news.example.org/admin/sign-in?next=/admin/audit?action%3Dmail.retry&ended=1")
            let page = try await browser.get(String(location.dropFirst("https://news.example.org".count)))
            #expect(page.text.contains("Your session has ended"))
            #expect(page.text.contains(#"name="next" value="/admin/audit?action=mail.retry""#))
            let signedIn = try await browser.post(
                "/admin/sign-in",
                [
                    ("csrf", browser.csrf), ("next", "/admin/audit?action=mail.retry"),
                    ("token", RouteHarness.adminToken),
                ])
            #expect(signedIn.headers[.location] == "https://news.example.org/admin/audit?action=mail.retry")
        }
    }

    @Test(arguments: [
        "https://evil.example/admin", "//evil.example/admin", "/admin/../api/v1/audit", "/admin\\evil", "/adminx",
        "/admin/sign-in", "/admin/%0D%0ASet-Cookie", "/admin/\u{202E}", "",
    ])
    func signInNeverSendsTheOperatorOffTheConsole(_ next: String) async throws {
        #expect(ConsoleNextPage.validated(next) == nil || next == "/admin/%0D%0ASet-Cookie")
        try await RouteHarness().run { client in
            let browser = Browser(client)
            _ = try await browser.get("/admin/sign-in")
            let response = try await browser.post(
                "/admin/sign-in", [("csrf", browser.csrf), ("next", next), ("token", RouteHarness.adminToken)])
            let location = try #require(response.headers[.location])
            #expect(location.hasPrefix("https://news.example.org/admin"), "\(location)")
            #expect(!location.contains("evil") && !location.contains("\r") && !location.contains(".."))
        }
    }
}

extension ConsoleOperationsRouteTests {
    @Test func theNextIssuePageQueuesAndRemovesArticlesWithAudit() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let page = try await browser.get("/admin/digests/news/next")
            #expect(page.status == .ok && page.text.contains("Next issue of Morning News"))
            #expect(page.text.contains("No article is queued by hand"))
            let bad = try await browser.post(
                "/admin/digests/news/queue", [("csrf", browser.csrf), ("title", "Hi"), ("url", "javascript:alert(1)")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("must be an absolute http(s) URL") && bad.text.contains(#"id="queue-problem""#))
            let added = try await browser.post(
                "/admin/digests/news/queue",
                [
                    ("csrf", browser.csrf), ("title", "Kyiv <b>tonight</b>"), ("url", "https://news.example.org/a/1"),
                    ("summary", "<script>x</script>Power is back"),
                ])
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "https://news.example.org/admin/digests/news/next?done=queued")
            let twice = try await browser.post(
                "/admin/digests/news/queue",
                [("csrf", browser.csrf), ("title", "Again"), ("url", "https://news.example.org/a/1")])
            #expect(twice.status == .unprocessableContent && twice.text.contains("already queued"))
            let listed = try await browser.get("/admin/digests/news/next?done=queued")
            #expect(listed.text.contains("The article is queued"))
            #expect(listed.text.contains("https://news.example.org/a/1") && !listed.text.contains("<script>x"))
            let item = try #require(
                try await harness.store.transaction { try await $0.pendingDigestItems(newsletter: "news", limit: 5) }
                    .first)
            let other = try await browser.post("/admin/digests/daily/queue/\(item.id)/remove", [("csrf", browser.csrf)])
            #expect(other.status == .notFound, "an item of another newsletter")
            let removed = try await browser.post(
                "/admin/digests/news/queue/\(item.id)/remove", [("csrf", browser.csrf)])
            #expect(removed.status == .seeOther)
            let actions = try await harness.store.transaction { try await $0.auditEntries(beforeID: nil, limit: 3) }
                .map(\.action)
            #expect(actions.prefix(2) == ["digest.unqueue", "digest.queue"])
            let unknown = try await browser.get("/admin/digests/nope/next")
            #expect(unknown.status == .notFound)
        }
    }
}
