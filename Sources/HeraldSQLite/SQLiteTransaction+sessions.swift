import Foundation
import HeraldCore

extension SQLiteTransaction {
    func createConsoleSession(_ session: ConsoleSession) async throws {
        try connection.query(
            Q.createConsoleSession,
            [.text(session.idHash), .text(session.operatorName), .date(session.createdAt), .date(session.lastSeenAt)])
    }

    func useConsoleSession(idHash: String, at time: Date, limits: ConsoleSessionLimits) async throws
        -> ConsoleSession?
    {
        try connection.query(
            Q.deleteExpiredConsoleSessions,
            [.date(time.addingTimeInterval(-limits.absolute)), .date(time.addingTimeInterval(-limits.idle))])
        return try connection.query(Q.touchConsoleSession, [.date(time), .text(idHash)]).first
            .flatMap(ConsoleSession.init(stored:))
    }

    func deleteConsoleSession(idHash: String) async throws -> Bool {
        try connection.query(Q.deleteConsoleSession, [.text(idHash)])
        return connection.changes == 1
    }

    func deleteConsoleSessions(keepingOperators operatorNames: [String]) async throws -> Int {
        let names = String(decoding: try JSONEncoder().encode(operatorNames), as: UTF8.self)
        try connection.query(Q.deleteConsoleSessionsExcept, [.text(names)])
        return Int(connection.changes)
    }
}
