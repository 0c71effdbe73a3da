import Synchronization

/// A failure that says the relay itself is not answering, rather than that one message is unwelcome.
public struct RelayStall: Sendable, Equatable, CustomStringConvertible {
    /// The kinds of failure that, repeated, stop a run.
    public enum Kind: String, Sendable, Equatable {
        case refused = "connection refused"
        case timeout = "no answer (timed out)"
        case unavailable = "421 service not available"
    }

    public var kind: Kind
    /// `host:port` of the relay.
    public var relay: String

    public init(kind: Kind, relay: String) {
        self.kind = kind
        self.relay = relay
    }

    public var description: String { "\(relay): \(kind.rawValue)" }
}

/// Counts consecutive transient failures of the same kind (connection refused, timeout, 421)
/// across all the tasks of a run; trips after `limit` of them, so a run stops claiming work
/// instead of waiting out every remaining message's timeout. A success resets the count.
public final class RelayBreaker: Sendable {
    /// Why the breaker tripped: the stall repeated and how often in a row.
    public struct Trip: Sendable, Equatable, CustomStringConvertible {
        public var stall: RelayStall
        public var count: Int

        public var description: String {
            "relay \(stall.relay) stopped answering: \(count) consecutive failures (\(stall.kind.rawValue))"
        }
    }

    private struct State {
        var last: RelayStall?
        var count = 0
        var trip: Trip?
    }

    /// Consecutive failures of one kind that trip the breaker.
    public let limit: Int
    private let state = Mutex(State())

    /// A breaker tripping after `limit` (at least 1) consecutive failures of one kind.
    public init(limit: Int) {
        self.limit = max(1, limit)
    }

    /// The trip, once it happened (it stays until ``reset()``).
    public var trip: Trip? { state.withLock { $0.trip } }

    /// A message went through: the relay answers.
    public func succeeded() {
        state.withLock {
            $0.last = nil
            $0.count = 0
        }
    }

    /// Records a failure; returns true when this failure tripped the breaker. Failures that are
    /// no stall (a rejected recipient, a 450 for one mailbox) break a run of stalls.
    @discardableResult
    public func failed(_ error: MailDeliveryError) -> Bool {
        state.withLock { state in
            guard error.kind == .transient, let stall = error.stall else {
                state.last = nil
                state.count = 0
                return false
            }
            state.count = state.last?.kind == stall.kind ? state.count + 1 : 1
            state.last = stall
            guard state.trip == nil, state.count >= limit else { return false }
            state.trip = Trip(stall: stall, count: state.count)
            return true
        }
    }

    /// Closes the breaker again (after a pause), counting from zero.
    public func reset() {
        state.withLock { $0 = State() }
    }
}
