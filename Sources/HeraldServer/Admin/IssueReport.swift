import Foundation
import HeraldCore

/// `GET /api/v1/newsletters/{slug}/digests/{id}/report`: what happened to one issue.
struct IssueReport: Encodable {
    struct LinkRow: Encodable {
        let index: Int
        let title: String
        let url: String?
        let clicks: Int
        let filtered: Int
    }

    struct HourRow: Encodable {
        let hour: Date
        let clicks: Int
        let filtered: Int
    }

    let id: Int64
    let period: String
    /// The language the issue is written in (shown in the console; the report API names the issue by id).
    let language: String
    let createdAt: Date
    let completedAt: Date?
    let tracking: String
    let deliveries: [String: Int]
    let delivered: Int
    let failed: Int
    let bounced: Int
    let unsubscribesWithin7Days: Int
    let clicks: Int
    let filtered: Int
    /// Share of delivered recipients who clicked any link: `per_subscriber` mode only, else null.
    let clickedShare: Double?
    let subscribersClicked: Int?
    let links: [LinkRow]
    /// Loads of the issue's open pixel (null unless the newsletter has `opens: true`); unreliable:
    /// privacy proxies load every image, text-only readers none.
    let opens: Int?
    /// Pixel loads not counted as opens (`HEAD`, scanner, prefetch and proxy user agents).
    let opensFiltered: Int?
    /// Clicks per hour over the first 48 hours after the issue was created.
    let hours: [HourRow]

    init(
        issue: DigestIssue, tracking: LinkTracking, audience: IssueAudience, counts: [ClickCount], clickers: Int?,
        opens openCounts: [OpenCount]? = nil
    ) {
        id = issue.id
        period = issue.period
        language = issue.language
        createdAt = issue.createdAt
        completedAt = issue.completedAt
        self.tracking = tracking.rawValue
        deliveries = Dictionary(
            uniqueKeysWithValues: DeliveryState.allCases.map { ($0.rawValue, audience.deliveries[$0] ?? 0) })
        let sent = audience.deliveries[.sent] ?? 0
        delivered = sent
        failed = audience.deliveries[.failed] ?? 0
        bounced = audience.bounced
        unsubscribesWithin7Days = audience.unsubscribes
        clicks = counts.reduce(0) { $0 + $1.clicks }
        filtered = counts.reduce(0) { $0 + $1.filtered }
        subscribersClicked = clickers
        clickedShare = clickers.map { sent > 0 ? Double($0) / Double(sent) : 0 }
        links = Self.linkRows(issue, counts)
        hours = Self.firstHours(counts, from: issue.createdAt)
        opens = openCounts.map { $0.reduce(0) { $0 + $1.opens } }
        opensFiltered = openCounts.map { $0.reduce(0) { $0 + $1.filtered } }
    }

    /// The report of issue `id` of `newsletter` as of `now`, read in one transaction; nil when
    /// there is no such issue of that newsletter. The API and the console both read it here.
    static func load(id: Int64, of newsletter: Newsletter, store: any SubscriberStore, now: Date) async throws
        -> IssueReport?
    {
        guard let figures = try await DigestReports(store: store).engagement(issueID: id, of: newsletter, now: now)
        else { return nil }
        return IssueReport(
            issue: figures.issue, tracking: newsletter.tracking, audience: figures.audience, counts: figures.clicks,
            clickers: figures.clickingSubscribers, opens: figures.opens)
    }

    /// One row per article; then, when the welcome mail's "latest issue" link (index = article
    /// count) was followed, one row for it.
    private static func linkRows(_ issue: DigestIssue, _ counts: [ClickCount]) -> [LinkRow] {
        let row: (Int, String, String?) -> LinkRow = { index, title, url in
            let mine = counts.filter { $0.linkIndex == index }
            return LinkRow(
                index: index, title: title, url: url, clicks: mine.reduce(0) { $0 + $1.clicks },
                filtered: mine.reduce(0) { $0 + $1.filtered })
        }
        var rows = issue.articles.enumerated().map { row($0, $1.title, $1.link) }
        let welcome = issue.articles.count
        if counts.contains(where: { $0.linkIndex == welcome }) {
            rows.append(row(welcome, "Welcome mail: link to this issue's archive page", nil))
        }
        return rows
    }

    /// One row per hour in the first 48 after `start` (zeros included), so a chart needs no gaps filled.
    private static func firstHours(_ counts: [ClickCount], from start: Date) -> [HourRow] {
        let first = (start.timeIntervalSince1970 / 3600).rounded(.down) * 3600
        return (0..<48).map { offset in
            let hour = Date(timeIntervalSince1970: first + Double(offset) * 3600)
            let mine = counts.filter { $0.hour == hour }
            return HourRow(
                hour: hour, clicks: mine.reduce(0) { $0 + $1.clicks }, filtered: mine.reduce(0) { $0 + $1.filtered })
        }
    }

    /// The report as CSV (UTF-8 with a byte order mark, CRLF): a header block of `figure,value`
    /// rows, a blank line, then one row per link.
    var csv: [UInt8] {
        var writer = ReportCSV()
        writer.write(["figure", "value"])
        let share = clickedShare.map { String(format: "%.4f", $0) } ?? ""
        let figures: [(String, String)] = [
            ("issue", String(id)), ("period", period), ("tracking", tracking), ("delivered", String(delivered)),
            ("failed", String(failed)), ("bounced", String(bounced)),
            ("unsubscribes_within_7_days", String(unsubscribesWithin7Days)), ("clicks", String(clicks)),
            ("filtered", String(filtered)), ("clicked_share", share),
        ]
        let openFigures: [(String, String)] = [
            ("opens", opens.map { String($0) } ?? ""), ("opens_filtered", opensFiltered.map { String($0) } ?? ""),
        ]
        for (name, value) in figures + openFigures {
            writer.write([name, value])
        }
        writer.write([])
        writer.write(["link", "title", "url", "clicks", "filtered"])
        for link in links {
            writer.write([String(link.index), link.title, link.url ?? "", String(link.clicks), String(link.filtered)])
        }
        return [0xEF, 0xBB, 0xBF] + Array(writer.text.utf8)
    }

    /// Every key always present; `completed_at`, `clicked_share`, `subscribers_clicked`, `opens` and
    /// `opens_filtered` as null when unknown.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(period, forKey: .period)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(completedAt, forKey: .completedAt)
        try container.encode(tracking, forKey: .tracking)
        try container.encode(deliveries, forKey: .deliveries)
        try container.encode(delivered, forKey: .delivered)
        try container.encode(failed, forKey: .failed)
        try container.encode(bounced, forKey: .bounced)
        try container.encode(unsubscribesWithin7Days, forKey: .unsubscribesWithin7Days)
        try container.encode(clicks, forKey: .clicks)
        try container.encode(filtered, forKey: .filtered)
        try container.encode(clickedShare, forKey: .clickedShare)
        try container.encode(subscribersClicked, forKey: .subscribersClicked)
        try container.encode(links, forKey: .links)
        try container.encode(opens, forKey: .opens)
        try container.encode(opensFiltered, forKey: .opensFiltered)
        try container.encode(hours, forKey: .hours)
    }

    enum CodingKeys: String, CodingKey {
        case id, period, tracking, deliveries, delivered, failed, bounced, clicks, filtered, links, hours, opens
        case createdAt = "created_at", completedAt = "completed_at"
        case unsubscribesWithin7Days = "unsubscribes_within_7_days", clickedShare = "clicked_share"
        case subscribersClicked = "subscribers_clicked", opensFiltered = "opens_filtered"
    }
}

/// RFC 4180 rows for the report (HeraldServer may not import HeraldImport's writer): CRLF, fields
/// quoted when needed, and cells a spreadsheet would run as a formula prefixed with an apostrophe.
private struct ReportCSV {
    var text = ""

    mutating func write(_ fields: [String]) {
        text += fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    private static func field(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { cell = "'" + cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
