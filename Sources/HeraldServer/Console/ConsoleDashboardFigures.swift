import Foundation
import HeraldCore
import HeraldTemplates

/// Reads what the dashboard shows in one transaction: the consent log's activity (counted as
/// `GET /api/v1/stats` counts it), subscriptions by state and the outbox summary.
struct ConsoleDashboardFigures {
    let store: any SubscriberStore
    let newsletters: [Newsletter]
    let now: Date
    /// An unsent mail older than this makes the outbox "stuck".
    static let stuckAfterMinutes = 15

    func page(site: SiteContext, operatorName: String, csrf: String, days: Int) async throws -> ConsoleDashboardPage {
        let today = Int64((now.timeIntervalSince1970 / 86_400).rounded(.down))
        let first = today - Int64(days) + 1
        let snapshot = try await ListStatistics(store: store).snapshot(
            newsletters: newsletters.map(\.slug), from: Date(timeIntervalSince1970: Double(first) * 86_400),
            to: Date(timeIntervalSince1970: Double(today + 1) * 86_400))
        let (activity, counts, outbox) = (snapshot.activity, snapshot.subscriptions, snapshot.outbox)
        let issues = snapshot.latestIssues.mapValues { latest in
            (id: latest.summary.id, period: latest.summary.period, deliveries: DeliveryBar(latest.progress))
        }
        let figures = newsletters.map { newsletter in
            let stats = NewsletterStats(
                newsletter: newsletter.slug, rows: activity.filter { $0.newsletter == newsletter.slug })
            let count = { (status: SubscriptionStatus) in
                counts.first { $0.newsletter == newsletter.slug && $0.status == status }?.count ?? 0
            }
            return ConsoleDashboardPage.NewsletterFigures(
                slug: newsletter.slug, title: newsletter.title, confirmed: count(.confirmed), pending: count(.pending),
                unsubscribed: count(.unsubscribed), days: Self.everyDay(from: first, to: today, stats: stats),
                latestIssue: issues[newsletter.slug])
        }
        return ConsoleDashboardPage(
            site: site, operatorName: operatorName, csrf: csrf, rangeDays: days, newsletters: figures,
            outbox: health(outbox))
    }

    /// One entry per day of the range, zeros where the log has nothing.
    static func everyDay(from first: Int64, to last: Int64, stats: NewsletterStats) -> [ActivityDay] {
        let byDate = Dictionary(uniqueKeysWithValues: stats.days.map { ($0.date, $0) })
        return (first...last).map { number in
            let date = AdminDates.dayString(number)
            let day = byDate[date]
            return ActivityDay(
                date: date, signups: day?.signups ?? 0, confirmations: day?.confirmations ?? 0,
                unsubscribes: day?.unsubscribes ?? 0)
        }
    }

    private func health(_ summary: OutboxSummary) -> ConsoleDashboardPage.OutboxHealth {
        let wait = summary.oldestPendingCreatedAt.map { max(0, Int(now.timeIntervalSince($0) / 60)) }
        return ConsoleDashboardPage.OutboxHealth(
            pending: summary.counts[.pending] ?? 0, sending: summary.counts[.sending] ?? 0,
            sent: summary.counts[.sent] ?? 0, failed: summary.counts[.failed] ?? 0, oldestWaitMinutes: wait,
            stuck: (wait ?? 0) > Self.stuckAfterMinutes)
    }
}

extension DeliveryBar {
    /// The bar of an issue's delivery counts.
    init(_ progress: DigestProgress) {
        let count = { (state: DeliveryState) in progress.counts[state] ?? 0 }
        self.init(
            sent: count(.sent), failed: count(.failed), deferred: count(.deferred),
            remaining: count(.pending) + count(.claimed) + count(.sending), skipped: count(.skipped))
    }
}
