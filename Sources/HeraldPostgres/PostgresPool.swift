import HeraldCore
import Logging
import PostgresNIO

/// The postgres-nio connection pool of a store, replaced by a fresh one when it stays broken.
///
/// After a minute without a connection postgres-nio's pool opens its circuit breaker and then
/// retries with a back-off that grows to a minute, so a long outage would keep Herald answering
/// `503` for up to a minute after the server is back. When a lease is refused that way and a
/// fresh connection to the server succeeds, `recover()` swaps in a new pool at once.
final class PostgresPool: Sendable {
    private struct Current {
        var client: PostgresClient
        var runLoop: Task<Void, Never>
        var lastRecovery: ContinuousClock.Instant?
    }

    private let configuration: PostgresConfiguration
    private let logger: Logger
    private let current: LockedBox<Current>
    private let lastLease = LockedBox<ContinuousClock.Instant?>(nil)
    /// Least time between two recoveries.
    private let recoveryInterval: Duration = .seconds(2)

    private init(configuration: PostgresConfiguration, logger: Logger, first: (PostgresClient, Task<Void, Never>)) {
        self.configuration = configuration
        self.logger = logger
        current = LockedBox(Current(client: first.0, runLoop: first.1, lastRecovery: nil))
    }

    /// Starts a pool for `configuration` and waits until its run loop runs.
    static func start(_ configuration: PostgresConfiguration, logger: Logger) async -> PostgresPool {
        PostgresPool(configuration: configuration, logger: logger, first: await runningClient(configuration, logger))
    }

    /// The pool to lease from now.
    var client: PostgresClient { current.value.client }

    /// Records that the pool handed out a connection just now.
    func noteLease() { lastLease.value = .now }

    /// Whether the pool handed out a connection within the last `interval` (it works, maybe busy).
    func handedOutLease(within interval: Duration) -> Bool {
        lastLease.value.map { ContinuousClock.now - $0 < interval } ?? false
    }

    /// Stops the pool; later leases fail.
    func shutdown() { current.value.runLoop.cancel() }

    /// Called after the pool refused a lease (not a timeout): replaces it when the server answers a
    /// fresh connection. At most once per `recoveryInterval`.
    func recover() async {
        let now = ContinuousClock.now
        let due = current.withValue { state -> Bool in
            if let last = state.lastRecovery, now - last < recoveryInterval { return false }
            state.lastRecovery = now
            return true
        }
        guard due, await serverAnswers() else { return }
        let (client, runLoop) = await Self.runningClient(configuration, logger)
        let old = current.withValue { state in
            defer { (state.client, state.runLoop) = (client, runLoop) }
            return state.runLoop
        }
        logger.notice(
            "PostgreSQL answers again; replaced the connection pool", metadata: ["server": "\(configuration.endpoint)"])
        Task {  // a broken pool has no connections; the delay only spares a pool that just recovered itself
            try? await Task.sleep(for: .seconds(30))
            old.cancel()
        }
    }

    private func serverAnswers() async -> Bool {
        do {
            try await Self.probe(configuration, logger: logger)
            return true
        } catch {
            return false
        }
    }

    /// Opens and closes one connection, so an unreachable server, a wrong password or a missing
    /// database fail at once (the pool would retry for a minute before failing a lease).
    static func probe(_ configuration: PostgresConfiguration, logger: Logger) async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try configuration.connection, id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw PostgresErrorMapping.storeError(error, endpoint: configuration.endpoint)
        }
    }

    private static func runningClient(_ configuration: PostgresConfiguration, _ logger: Logger) async
        -> (PostgresClient, Task<Void, Never>)
    {
        let client = PostgresClient(configuration: configuration.client, backgroundLogger: logger)
        let (started, continuation) = AsyncStream<Void>.makeStream()
        let runLoop = Task {
            continuation.finish()
            await client.run()
        }
        for await _ in started {}  // the pool warns when leased from before its run loop starts
        return (client, runLoop)
    }
}
