import HeraldCore
import Prometheus

/// The counters Herald exposes at `GET /metrics`, in one registry passed in explicitly.
public struct HeraldMetrics: Sendable {
    /// The registry rendered by `/metrics`.
    public let registry: PrometheusCollectorRegistry

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// Counts a signup by what it did (`confirmation_queued`, `confirmation_throttled`, …).
    package func signup(_ outcome: SignupOutcome) {
        counter(
            "herald_signups_total", labels: [("outcome", outcome.rawValue)], help: "Accepted signups by outcome"
        ).increment()
    }

    /// Counts a rejected signup by reason (`invalid`, `honeypot`, `rate_limited`, `too_large`).
    package func signupRejected(_ reason: String) {
        counter(
            "herald_signups_rejected_total", labels: [("reason", reason)], help: "Signups refused or dropped"
        ).increment()
    }

    /// Counts subscriptions that moved from pending to confirmed; a repeated confirmation changes
    /// nothing and adds nothing.
    package func confirmations(_ count: Int) {
        guard count > 0 else { return }
        counter("herald_confirmations_total", help: "Subscriptions confirmed").increment(by: Int64(count))
    }

    package func unsubscribe() {
        counter("herald_unsubscribes_total", help: "Unsubscribe requests").increment()
    }

    /// Counts an outbox delivery result by mail kind and resulting state.
    public func delivery(kind: MailKind, state: OutboxState) {
        counter(
            "herald_mail_deliveries_total", labels: [("kind", kind.rawValue), ("result", state.rawValue)],
            help: "Outbox delivery attempts by result"
        ).increment()
    }

    /// Counts a bounce whose VERP tag did not check (ignored).
    public func forgedBounceTag() {
        registry.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "herald", metricName: "bounce_forged_tags", unitName: "total",
                helpText: "Bounces addressed to a VERP tag that did not check")
        ).increment()
    }

    /// Sets the outbox depth gauge for one state.
    package func outboxDepth(_ state: OutboxState, _ count: Int) {
        gauge(
            "herald_outbox_messages", labels: [("state", state.rawValue)], help: "Outbox rows by state"
        )
        .set(Double(count))
    }

    /// Counts subscribers whose search index entries `herald serve` wrote after their signup
    /// committed (``SearchIndexService``).
    package func searchIndexed(_ count: Int) {
        guard count > 0 else { return }
        counter(
            "herald_search_index_subscribers_total", help: "Subscribers indexed for address search after signup"
        ).increment(by: Int64(count))
    }

    /// Counts a search index tick that failed: while it keeps failing, new subscribers wait in the
    /// queue and every address search walks them all.
    package func searchIndexFailed() {
        counter("herald_search_index_failures_total", help: "Search index updates that failed").increment()
    }

    /// The counter `name` (with `labels`), created on first use.
    func counter(_ name: String, labels: [(String, String)] = [], help: String) -> Counter {
        registry.makeCounter(descriptor: Self.descriptor(name, help), labels: labels)
    }

    /// The gauge `name` (with `labels`), created on first use.
    func gauge(_ name: String, labels: [(String, String)] = [], help: String) -> Gauge {
        registry.makeGauge(descriptor: Self.descriptor(name, help), labels: labels)
    }

    /// A descriptor whose full name is `name` as given (no namespace or unit added).
    private static func descriptor(_ name: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }

    /// The Prometheus text exposition.
    package func render() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
