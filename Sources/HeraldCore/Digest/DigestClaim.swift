import Foundation

/// What one run asks for when it claims a batch of an issue's deliveries.
///
/// A claim is a lease on each row: its owner renews it while working (`renewDigestClaims`); a
/// row whose claim was not renewed for a whole lease belonged to a run that died and may be
/// claimed by another run.
public struct DigestClaim: Sendable, Equatable {
    /// The claiming run (unique per run).
    public var owner: String
    /// When the claim is made; claimed rows are renewed at this time.
    public var time: Date
    /// Another owner's `claimed`/`sending` rows last renewed before this are taken over.
    public var abandonedBefore: Date
    /// Another owner's `deferred` rows deferred before this (by an earlier run) are retried.
    public var deferredBefore: Date
    /// Most rows to claim.
    public var limit: Int

    public init(owner: String, time: Date, abandonedBefore: Date, deferredBefore: Date, limit: Int) {
        self.owner = owner
        self.time = time
        self.abandonedBefore = abandonedBefore
        self.deferredBefore = deferredBefore
        self.limit = limit
    }

    /// A claim at `time` by `owner` for a run that started at `runStart`, with claims lasting `lease`.
    public static func by(_ owner: String, at time: Date, lease: Duration, runStart: Date, limit: Int) -> DigestClaim {
        DigestClaim(
            owner: owner, time: time, abandonedBefore: time.addingTimeInterval(-lease.seconds),
            deferredBefore: runStart, limit: limit)
    }
}
