import HeraldCore
import PostgresNIO

/// Maps postgres-nio failures to the store's error vocabulary.
enum PostgresErrorMapping {
    /// `error` as a `StoreError`, naming `endpoint` (host:port) when the server cannot be reached.
    static func storeError(_ error: any Error, endpoint: String) -> any Error {
        if error is StoreError || error is CancellationError { return error }
        guard let error = error as? PSQLError else {
            return StoreError.unavailable("PostgreSQL at \(endpoint): \(String(reflecting: error))")
        }
        guard error.code == .server, let info = error.serverInfo else {
            let reason = error.underlying.map { String(describing: $0) } ?? "\(error.code)"
            return StoreError.unavailable("cannot reach PostgreSQL at \(endpoint): \(reason)")
        }
        let state = info[.sqlState] ?? ""
        let message = [info[.message], info[.detail]].compactMap { $0 }.joined(separator: ": ")
        switch state {
        case "23505":
            return StoreError.duplicate(message)
        case "23503":
            return StoreError.notFound("constraint failed: \(message)")
        case _ where state.hasPrefix("23"):
            return StoreError.notFound("constraint failed: \(message)")
        case "3D000", "28000", "28P01":
            return StoreError.unavailable("PostgreSQL at \(endpoint) refused the connection: \(message)")
        case "40001", "40P01", "55P03", "57014":
            return StoreError.unavailable("PostgreSQL at \(endpoint) is busy (\(state)): \(message)")
        case "XX001", "XX002":
            return StoreError.corrupt("PostgreSQL at \(endpoint): \(message)")
        case _ where state.hasPrefix("08") || state.hasPrefix("53") || state.hasPrefix("57"):
            return StoreError.unavailable("PostgreSQL at \(endpoint) is unavailable (\(state)): \(message)")
        default:
            return StoreError.unavailable("PostgreSQL error \(state) at \(endpoint): \(message)")
        }
    }
}
