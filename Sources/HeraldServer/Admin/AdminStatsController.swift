import Foundation
import HeraldCore
import Hummingbird

/// `GET /api/v1/stats?newsletter=&from=&to=`: signups, confirmations and unsubscribes per UTC day
/// and newsletter, from the consent log, with each newsletter's confirmation rate over the range
/// (confirmations ÷ signups). Days are inclusive; at most 366 of them; the last 30 by default.
struct AdminStatsController: Sendable {
    let store: any SubscriberStore
    let newsletters: [Newsletter]
    let now: @Sendable () -> Date

    static let maxDays: Int64 = 366

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.get("/stats") { request, context in try await stats(AdminQuery(request: request, context: context)) }
    }

    private func stats(_ query: AdminQuery) async throws -> Response {
        let slug = try query.text("newsletter", maxLength: 64)
        if let slug, !newsletters.contains(where: { $0.slug == slug }) {
            throw AdminError.badRequest("unknown_newsletter", "'newsletter' names no configured newsletter.")
        }
        let (firstDay, lastDay) = try range(query)
        let rows = try await ListStatistics(store: store).activity(
            newsletter: slug, from: Date(timeIntervalSince1970: Double(firstDay) * 86_400),
            to: Date(timeIntervalSince1970: Double(lastDay + 1) * 86_400))
        let slugs = slug.map { [$0] } ?? newsletters.map(\.slug)
        let reports = slugs.map { slug in NewsletterStats(newsletter: slug, rows: rows.filter { $0.newsletter == slug })
        }
        return AdminJSON.response(
            StatsView(from: AdminDates.dayString(firstDay), to: AdminDates.dayString(lastDay), newsletters: reports))
    }

    /// First and last day numbers of the requested range.
    private func range(_ query: AdminQuery) throws -> (Int64, Int64) {
        let today = Int64((now().timeIntervalSince1970 / 86_400).rounded(.down))
        let last = try query.text("to", maxLength: 10).map(Self.dayNumber) ?? today
        let first = try query.text("from", maxLength: 10).map(Self.dayNumber) ?? (last - 29)
        guard first <= last else { throw AdminError.invalid("invalid_range", "'from' must not be after 'to'.") }
        guard last - first < Self.maxDays else {
            throw AdminError.invalid("invalid_range", "Ask for at most \(Self.maxDays) days at a time.")
        }
        return (first, last)
    }

    private static func dayNumber(_ text: String) throws -> Int64 {
        guard let date = AdminDates.day(text) else {
            throw AdminError.badRequest("invalid_parameter", "Dates are written 2026-11-25.")
        }
        return Int64(date.timeIntervalSince1970 / 86_400)
    }
}

/// The stats response.
struct StatsView: Encodable {
    let from: String
    let to: String
    let newsletters: [NewsletterStats]
}

/// One newsletter's activity over the range.
struct NewsletterStats: Encodable {
    struct Day: Encodable {
        let date: String
        var signups = 0
        var confirmations = 0
        var unsubscribes = 0
    }

    let newsletter: String
    let signups: Int
    let confirmations: Int
    let unsubscribes: Int
    /// Confirmations ÷ signups in the range, nil without signups.
    let confirmationRate: Double?
    let days: [Day]

    init(newsletter: String, rows: [ConsentActivity]) {
        var days: [Int64: Day] = [:]
        for row in rows {
            var day = days[row.day] ?? Day(date: AdminDates.dayString(row.day))
            switch row.action {
            case .signup: day.signups += row.count
            case .confirm: day.confirmations += row.count
            case .unsubscribe: day.unsubscribes += row.count
            default: continue
            }
            days[row.day] = day
        }
        self.newsletter = newsletter
        self.days = days.sorted { $0.key < $1.key }.map(\.value)
        signups = self.days.reduce(0) { $0 + $1.signups }
        confirmations = self.days.reduce(0) { $0 + $1.confirmations }
        unsubscribes = self.days.reduce(0) { $0 + $1.unsubscribes }
        confirmationRate = signups == 0 ? nil : (Double(confirmations) / Double(signups) * 10_000).rounded() / 10_000
    }

    enum CodingKeys: String, CodingKey {
        case newsletter, signups, confirmations, unsubscribes, days
        case confirmationRate = "confirmation_rate"
    }
}
