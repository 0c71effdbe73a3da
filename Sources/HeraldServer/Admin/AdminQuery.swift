import Foundation
import HeraldCore
import Hummingbird

/// Typed access to an admin request's query string and path; bad values are `400`/`422` refusals.
struct AdminQuery {
    let request: Request
    let context: HeraldRequestContext

    /// The last value of query parameter `name`, or nil.
    func text(_ name: String, maxLength: Int = 256) throws(AdminError) -> String? {
        guard let last = request.uri.queryParameters.getAll(name).last else { return nil }
        let raw = String(last)
        guard raw.count <= maxLength, !raw.unicodeScalars.contains(where: AdminText.isForbidden) else {
            throw AdminError.badRequest("invalid_parameter", "'\(name)' is too long or contains control characters.")
        }
        return raw
    }

    /// `limit`: 1…`maximum`, `fallback` when absent.
    func limit(fallback: Int = 50, maximum: Int = 200) throws(AdminError) -> Int {
        guard let raw = try text("limit", maxLength: 12) else { return fallback }
        guard let value = Int(raw), (1...maximum).contains(value) else {
            throw AdminError.badRequest("invalid_parameter", "'limit' must be a whole number from 1 to \(maximum).")
        }
        return value
    }

    /// A status name, or nil when absent.
    func status(_ name: String) throws(AdminError) -> SubscriptionStatus? {
        guard let raw = try text(name, maxLength: 32) else { return nil }
        guard let status = SubscriptionStatus(rawValue: raw) else {
            throw AdminError.badRequest("invalid_parameter", "'\(name)' must be pending, confirmed or unsubscribed.")
        }
        return status
    }

    /// A date (`2026-11-25`, UTC midnight) or date-time (RFC 3339), or nil when absent.
    func date(_ name: String) throws(AdminError) -> Date? {
        guard let raw = try text(name, maxLength: 40) else { return nil }
        guard let date = AdminDates.parse(raw) else {
            throw AdminError.badRequest(
                "invalid_parameter", "'\(name)' must be a date (2026-11-25) or date-time (2026-11-25T08:00:00Z).")
        }
        return date
    }

    /// The id after which the next page starts, from the `cursor` parameter (0 when absent).
    func cursor(_ codec: PageCursor, scope: String) throws(AdminError) -> Int64? {
        guard let raw = try text("cursor", maxLength: 128) else { return nil }
        do {
            return try codec.decode(raw, scope: scope)
        } catch {
            throw AdminError.badRequest("invalid_cursor", "The cursor is not valid here; start again without one.")
        }
    }

    /// A positive id from the path.
    func id(_ name: String) throws(AdminError) -> Int64 {
        guard let raw = context.parameters.get(name), let id = Int64(raw), id > 0 else {
            throw AdminError.badRequest("invalid_id", "'\(name)' must be a positive whole number.")
        }
        return id
    }
}

/// Dates as the admin API reads and writes them.
enum AdminDates {
    /// `yyyy-MM-dd` (UTC midnight) or an RFC 3339 date-time, with or without fractional seconds.
    static func parse(_ text: String) -> Date? {
        if text.utf8.count == 10, let day = day(text) { return day }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// UTC midnight of a `yyyy-MM-dd` day, checking that the day exists.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let dayOfMonth = Int(parts[2]), year >= 1970
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(year: year, month: month, day: dayOfMonth)
        guard components.isValidDate(in: calendar), let date = calendar.date(from: components) else { return nil }
        return date
    }

    /// `yyyy-MM-dd` of a day number (days since 1970-01-01, UTC).
    static func dayString(_ day: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(day) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
