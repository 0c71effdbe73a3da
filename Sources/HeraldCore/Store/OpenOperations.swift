import Foundation

/// Opens of one issue within one hour (`hour` is the hour's start), from its tracking pixel.
///
/// This is all open counting keeps, in every tracking mode: no subscriber, no address, no time
/// finer than the hour. Opens are unreliable: mail clients and privacy proxies load images
/// without a person reading, or never load them.
public struct OpenCount: Sendable, Hashable {
    public var issueID: Int64
    public var hour: Date
    public var opens: Int
    /// Loads not counted as opens: `HEAD` requests, scanner, prefetch and proxy user agents.
    public var filtered: Int

    public init(issueID: Int64, hour: Date, opens: Int, filtered: Int) {
        self.issueID = issueID
        self.hour = hour
        self.opens = opens
        self.filtered = filtered
    }
}

/// Open counters (the per-issue pixel of newsletters with `opens: true`).
///
/// Contract: `addOpenCounts` adds each count to the (issue, hour) counter, creating it; counts for
/// an issue that does not exist are dropped. `openCounts` lists an issue's counters by hour.
public protocol OpenOperations: Sendable {
    /// Adds `counts` to the stored counters.
    func addOpenCounts(_ counts: [OpenCount]) async throws
    /// The counters of `issueID`, ordered by hour.
    func openCounts(issueID: Int64) async throws -> [OpenCount]
}
