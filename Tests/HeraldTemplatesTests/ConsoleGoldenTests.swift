import HeraldTemplates
import Testing

/// The operator console's pages, whole, against golden files; and the chart's escaping.
@Suite("Console pages match the golden files")
struct ConsoleGoldenTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    @Test func signInAfterAWrongToken() {
        let html = library.consoleSignInPage(
            ConsoleSignInPage(site: Fixtures.site, csrf: "csrf-token", problem: .wrongToken))
        Golden.check(html, against: "console_sign_in_wrong_token.html")
    }

    @Test func dashboardWithAStuckOutbox() {
        let days = (1...3).map {
            ActivityDay(date: "2026-12-0\($0)", signups: $0 * 2, confirmations: $0, unsubscribes: $0 - 1)
        }
        let html = library.consoleDashboardPage(
            ConsoleDashboardPage(
                site: Fixtures.site, operatorName: "desk <editor>", csrf: "csrf-token", rangeDays: 30,
                newsletters: [
                    .init(
                        slug: "morning", title: "Morning & <News>", confirmed: 120, pending: 4, unsubscribed: 9,
                        days: days)
                ],
                outbox: .init(pending: 3, sending: 1, sent: 900, failed: 2, oldestWaitMinutes: 42, stuck: true)))
        Golden.check(html, against: "console_dashboard.html")
        #expect(!html.contains("desk <editor>") && html.contains("desk &lt;editor&gt;"))
        #expect(html.contains("<title id=\"chart-morning-title\">Morning &amp; &lt;News&gt;: activity"))
        #expect(
            html.contains(
                "2026-12-01 to 2026-12-03: 12 signups, 6 confirmations, 3 unsubscribes; at most 6 on one day."))
        #expect(html.contains("Mail is stuck: the oldest unsent message has waited 42 minutes."))
        #expect(html.contains("<dt>Confirmation rate</dt><dd>50 %</dd>"))
    }

    @Test func theChartPlotsEveryDayAcrossTheWidth() {
        let days = [0, 5, 10].map { ActivityDay(date: "d\($0)", signups: $0, confirmations: 0, unsubscribes: 0) }
        #expect(
            ActivityChart.svg(days: days, id: "c", title: "t").contains("points=\"44.0,192.0 376.0,102.0 708.0,12.0\""))
        let empty = ActivityChart.svg(days: [], id: "x", title: "Nothing yet")
        #expect(empty.contains("<desc id=\"x-desc\">"))
    }
}
