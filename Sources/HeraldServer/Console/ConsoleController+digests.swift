import Foundation
import HeraldCore
import HeraldTemplates
import Hummingbird

/// The console's digest pages: each newsletter's latest issues, and one issue's report (the
/// report API's figures, read by the same `IssueReport.load`) with clicks over the first 48 hours.
extension ConsoleController {
    static let issuesPerNewsletter = 10

    func registerDigests(on router: Router<HeraldRequestContext>) {
        router.get("/admin/digests") { request, _ in try await digests(request) }
        router.get("/admin/digests/:slug/:id") { request, context in try await digestReport(request, context) }
        router.post("/admin/digests/:slug/:id/retry") { request, context in
            try await posted(request) { session, _ in
                let slug = context.parameters.get("slug") ?? ""
                guard let id = pathID(context), newsletters.contains(where: { $0.slug == slug }) else {
                    return notFound("No such issue of this newsletter.")
                }
                do {
                    _ = try await services.issueRetry.retry(issueID: id, newsletter: slug, actor: session.operatorName)
                } catch DigestIssueRetryError.issueNotFound {
                    return notFound("No such issue of this newsletter.")
                }
                return ConsoleResponses.redirect(to: site.baseURL + "/admin/digests/\(slug)/\(id)?done=reopened")
            }
        }
    }

    private func digests(_ request: Request) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        let summaries = try await DigestReports(store: store).recentIssues(
            of: newsletters.map(\.slug), limit: Self.issuesPerNewsletter)
        let page = ConsoleDigestsPage(
            frame: frame(session),
            newsletters: newsletters.map { newsletter in
                ConsoleDigestsPage.Newsletter(
                    slug: newsletter.slug, title: newsletter.title,
                    issues: (summaries[newsletter.slug] ?? []).map {
                        ConsoleDigestsPage.Issue(
                            id: $0.id, period: $0.period, language: $0.language, articles: $0.articleCount,
                            created: ConsoleDates.minute($0.createdAt),
                            completed: $0.completedAt.map(ConsoleDates.minute))
                    })
            })
        return ConsoleResponses.html(templates.consoleDigestsPage(page))
    }

    private func digestReport(_ request: Request, _ context: HeraldRequestContext) async throws -> Response {
        guard let session = try await session(of: request) else { return signInRedirect(request) }
        let slug = context.parameters.get("slug") ?? ""
        let raw = context.parameters.get("id") ?? ""
        guard let newsletter = newsletters.first(where: { $0.slug == slug }), raw.utf8.count <= 18,
            raw.utf8.allSatisfy({ (48...57).contains($0) }), let id = Int64(raw), id > 0,
            let report = try await IssueReport.load(id: id, of: newsletter, store: store, now: now())
        else { return notFound("No such issue of this newsletter.") }
        let progress = try await DigestReports(store: store).progress(issueID: id, failureLimit: 50)
        let bar = DeliveryBar(progress)
        let page = ConsoleDigestReportPage(
            frame: frame(session), newsletterTitle: newsletter.title, period: report.period, language: report.language,
            figures: Self.figures(report),
            links: report.links.map { [$0.title, $0.url ?? "", "\($0.clicks)", "\($0.filtered)"] },
            hours: report.hours.map { [ConsoleDates.minute($0.hour), "\($0.clicks)", "\($0.filtered)"] },
            chart: Self.hoursChart(
                report, title: "\(newsletter.title) \(report.period) (\(report.language)): clicks per hour"),
            csvPath: "/api/v1/newsletters/\(slug)/digests/\(id)/report.csv", deliveries: bar,
            failures: progress.failures.map { ["\($0.subscriberID)", $0.result] },
            retryPath: bar.failed + bar.deferred > 0 ? "/admin/digests/\(slug)/\(id)/retry" : nil,
            notice: request.uri.queryParameters.get("done").flatMap(ConsoleNotice.init(rawValue:)))
        return ConsoleResponses.html(templates.consoleDigestReportPage(page))
    }

    private static func figures(_ report: IssueReport) -> [[String]] {
        var figures = [
            ["Delivered", "\(report.delivered)"], ["Failed", "\(report.failed)"], ["Bounced", "\(report.bounced)"],
            ["Unsubscribes within 7 days", "\(report.unsubscribesWithin7Days)"], ["Clicks", "\(report.clicks)"],
            ["Filtered", "\(report.filtered)"],
        ]
        if let share = report.clickedShare {
            figures.append(["Readers who clicked", "\(Int((share * 100).rounded())) %"])
        }
        if let opens = report.opens { figures.append(["Opens (unreliable)", "\(opens)"]) }
        return figures
    }

    private static func hoursChart(_ report: IssueReport, title: String) -> String {
        let series = [
            ChartSeries(name: "Clicks", colour: "#0b57d0", dash: "", values: report.hours.map(\.clicks)),
            ChartSeries(name: "Filtered", colour: "#57606a", dash: "6 4", values: report.hours.map(\.filtered)),
        ]
        let first = report.hours.first.map { ConsoleDates.minute($0.hour) } ?? ""
        let last = report.hours.last.map { ConsoleDates.minute($0.hour) } ?? ""
        let description =
            "48 hours from \(first) UTC: \(series[0].values.reduce(0, +)) clicks, "
            + "\(series[1].values.reduce(0, +)) filtered; at most \(LineChart.peak(series)) in one hour."
        return LineChart.svg(
            series: series, firstLabel: first, lastLabel: last, id: "chart-hours", title: title,
            description: description)
    }
}
