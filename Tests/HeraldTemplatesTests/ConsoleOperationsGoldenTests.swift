import HeraldTemplates
import Testing

/// The console's subscriber, erasure, Mail, Audit log and Settings pages, whole, against golden
/// files; every value a stranger or an operator typed is escaped.
@Suite("Console operations pages match the golden files")
struct ConsoleOperationsGoldenTests {
    let library: TemplateLibrary
    let frame = ConsoleFrame(site: Fixtures.site, operatorName: "desk", csrf: "csrf-token")

    init() throws {
        library = try Fixtures.library()
    }

    @Test func aSubscriberWithARefusedChange() {
        let html = library.consoleSubscriberPage(
            ConsoleSubscriberPage(
                frame: frame, id: 7, email: "olena@example.org", name: "<b>Олена</b>", since: "2026-12-01",
                subscriptions: [
                    .init(
                        slug: "morning", title: "Morning News", state: "pending", changed: "2026-12-01 08:00",
                        problem: "Confirming by hand needs a note: where and how the person consented.",
                        note: "\"><script>x</script>")
                ],
                consent: [["2026-12-01 08:00", "Morning News", "signup", "form", "192.0.2.1", "Firefox"]],
                suppression: nil, notice: .changed, language: "uk (Українська)"))
        Golden.check(html, against: "console_subscriber.html")
        #expect(html.contains("Language: uk (Українська)"))
        #expect(!html.contains("<script>x") && html.contains("&lt;b&gt;Олена&lt;/b&gt;"))
        #expect(html.contains(#"aria-describedby="problem-morning""#))
    }

    @Test func theErasureStepAfterAMismatch() {
        let html = library.consoleErasePage(
            ConsoleErasePage(frame: frame, id: 7, email: "olena@example.org", typed: "<olena>", mismatch: true))
        Golden.check(html, against: "console_erase_mismatch.html")
        #expect(html.contains("value=\"&lt;olena&gt;\""))
    }

    @Test func mailNeedingAttention() {
        let html = library.consoleMailPage(
            ConsoleMailPage(
                frame: frame, counts: [("pending", 2), ("sending", 0), ("sent", 40), ("failed", 1)],
                rows: [
                    .init(
                        id: 12, kind: "confirmation", recipients: "a@example.org", state: "failed", attempts: 8,
                        reply: "550 5.1.1 <unknown>", queued: "2026-12-01 08:00", next: "2026-12-01 09:00",
                        retryable: true),
                    .init(
                        id: 11, kind: "welcome", recipients: "b@example.org", state: "deferred", attempts: 2,
                        reply: "451 4.3.0 later", queued: "2026-12-01 07:00", next: "2026-12-01 09:30",
                        retryable: true),
                    .init(
                        id: 3, kind: "digest", recipients: "c@example.org", state: "failed", attempts: 8,
                        reply: "554 no", queued: "2026-11-20 07:00", next: "2026-11-20 09:30", retryable: false),
                ],
                nextURL: nil, notice: .retried))
        Golden.check(html, against: "console_mail.html")
        #expect(html.contains("550 5.1.1 &lt;unknown&gt;") && html.contains("Message no longer kept"))
    }

    @Test func theAuditLogFiltered() {
        let html = library.consoleAuditPage(
            ConsoleAuditPage(
                frame: frame, operators: ["desk", "ops"], actions: ["mail.retry", "subscriber.erase"], actor: "desk",
                action: "subscriber.erase", from: "2026-12-01", to: "2026-12-03",
                rows: [["2026-12-02 10:00", "desk", "subscriber.erase", "subscriber:7", "suppression: erased"]],
                nextURL: "https://news.example.org/admin/audit?actor=desk&before=abc"))
        Golden.check(html, against: "console_audit.html")
        #expect(html.contains(#"<option value="desk" selected>desk</option>"#))
    }

    @Test func settings() {
        let html = library.consoleSettingsPage(
            ConsoleSettingsPage(
                frame: frame,
                sections: [
                    .init(
                        title: "Mail", rows: [["SMTP server", "smtp.example.org:587"], ["TLS", "STARTTLS required"]]),
                    .init(title: "Newsletters", rows: [["Morning <News>", "slug morning"]]),
                ]))
        Golden.check(html, against: "console_settings.html")
        #expect(html.contains("<dt>Morning &lt;News&gt;</dt>"))
    }

    @Test func addASubscriberRefused() {
        let html = library.consoleAddSubscriberPage(
            ConsoleAddSubscriberPage(
                frame: frame, newsletters: [("morning", "Morning News"), ("daily", "Дайджест дня")],
                email: "\"><img src=x>", chosen: ["daily"], confirmed: true,
                problems: [.email: "This is not a valid email address."]))
        Golden.check(html, against: "console_subscriber_new.html")
        #expect(!html.contains("<img src=x>") && html.contains(#"aria-describedby="email-problem""#))
        #expect(html.contains(#"value="daily" checked"#) && html.contains(#"value="confirmed" checked"#))
    }

    @Test func importFormAndAReport() {
        let form = library.consoleImportPage(
            ConsoleImportPage(
                frame: frame, newsletters: [["morning", "Morning <News>"]], limitMegabytes: 200,
                problem: "The file is larger than 200 MB; nothing was imported."))
        Golden.check(form, against: "console_import.html")
        #expect(form.contains("Morning &lt;News&gt;") && form.contains(#"aria-describedby="upload-problem""#))
        let report = library.consoleImportJobPage(
            ConsoleImportJobPage(
                frame: frame, jobURL: "https://news.example.org/admin/import/abc", fileName: "<readers>.csv",
                running: false, progress: "", figures: [["Imported", "2"], ["Bad rows", "1"]],
                errors: [["3", "email_syntax", "<b>not</b> an address"]], moreErrors: 4, failure: nil,
                notCommitted: false))
        Golden.check(report, against: "console_import_report.html")
        #expect(report.contains("&lt;readers&gt;.csv") && report.contains("And 4 more rows."))
    }
}
