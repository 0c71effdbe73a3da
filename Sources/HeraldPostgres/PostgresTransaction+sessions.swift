import Foundation
import HeraldCore

extension PostgresTransaction {
    func createConsoleSession(_ session: ConsoleSession) async throws {
        let rows = try await run(
            Q.createConsoleSession,
            [.text(session.idHash), .text(session.operatorName), .date(session.createdAt), .date(session.lastSeenAt)])
        guard !rows.isEmpty else { throw StoreError.duplicate("console session") }
    }

    func useConsoleSession(idHash: String, at time: Date, limits: ConsoleSessionLimits) async throws
        -> ConsoleSession?
    {
        _ = try await run(
            Q.deleteExpiredConsoleSessions,
            [.date(time.addingTimeInterval(-limits.absolute)), .date(time.addingTimeInterval(-limits.idle))])
        return try await run(Q.touchConsoleSession, [.date(time), .text(idHash)]).first
            .flatMap(ConsoleSession.init(stored:))
    }

    func deleteConsoleSession(idHash: String) async throws -> Bool {
        try await run(Q.deleteConsoleSession, [.text(idHash)]).count == 1
    }

    func deleteConsoleSessions(keepingOperators operatorNames: [String]) async throws -> Int {
        try await run(Q.deleteConsoleSessionsExcept, [.texts(operatorNames)]).count
    }
}
