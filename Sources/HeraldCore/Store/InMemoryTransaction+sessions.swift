import Foundation

extension InMemoryTransaction {
    func createConsoleSession(_ session: ConsoleSession) async throws {
        try write { state in
            guard state.consoleSessions[session.idHash] == nil else {
                throw StoreError.duplicate("console session")
            }
            state.consoleSessions[session.idHash] = session
        }
    }

    func useConsoleSession(idHash: String, at time: Date, limits: ConsoleSessionLimits) async throws
        -> ConsoleSession?
    {
        write { state in
            let born = time.addingTimeInterval(-limits.absolute)
            let seen = time.addingTimeInterval(-limits.idle)
            state.consoleSessions = state.consoleSessions.filter {
                $0.value.createdAt > born && $0.value.lastSeenAt > seen
            }
            guard var session = state.consoleSessions[idHash] else { return nil }
            session.lastSeenAt = max(session.lastSeenAt, time)
            state.consoleSessions[idHash] = session
            return session
        }
    }

    func deleteConsoleSession(idHash: String) async throws -> Bool {
        write { state in state.consoleSessions.removeValue(forKey: idHash) != nil }
    }

    func deleteConsoleSessions(keepingOperators operatorNames: [String]) async throws -> Int {
        write { state in
            let before = state.consoleSessions.count
            state.consoleSessions = state.consoleSessions.filter { operatorNames.contains($0.value.operatorName) }
            return before - state.consoleSessions.count
        }
    }
}
