import Foundation

/// A digest issue's deliveries as one bar: sent, failed, deferred and still to send, with the
/// same figures as text (the bar is a picture of them, never the only place they are).
public struct DeliveryBar: Sendable, Equatable {
    public var sent: Int
    public var failed: Int
    public var deferred: Int
    /// Not attempted yet, claimed or being sent.
    public var remaining: Int
    /// Left out at send time (unsubscribed or suppressed meanwhile).
    public var skipped: Int

    public init(sent: Int, failed: Int, deferred: Int, remaining: Int, skipped: Int) {
        self.sent = sent
        self.failed = failed
        self.deferred = deferred
        self.remaining = remaining
        self.skipped = skipped
    }

    public var total: Int { sent + failed + deferred + remaining + skipped }

    /// Keys: `summary` (the figures in words), `segments` (`kind`, `width` in % with one decimal).
    var templateValues: TemplateValues {
        let parts = [("sent", sent), ("failed", failed), ("deferred", deferred), ("remaining", remaining)]
        let whole = max(total - skipped, 1)
        return [
            "summary": "\(sent) sent, \(failed) failed, \(deferred) deferred, \(remaining) to send"
                + (skipped > 0 ? ", \(skipped) skipped" : "") + " (\(total) in all)",
            "segments": parts.filter { $0.1 > 0 }.map { kind, count in
                ["kind": kind, "width": String(format: "%.1f", Double(count) * 100 / Double(whole))] as TemplateValues
            },
        ]
    }
}
