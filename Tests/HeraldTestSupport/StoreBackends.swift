import Foundation
import HeraldCore
import HeraldSQLite

/// A store backend the contract suite runs against, with a way to make a fresh, migrated instance.
public struct StoreBackend: Sendable, CustomStringConvertible {
    public let name: String
    public let make: @Sendable () async throws -> any SubscriberStore

    public var description: String { name }

    /// The reference in-memory store.
    public static let memory = StoreBackend(name: "memory") { InMemoryStore() }

    /// SQLite in a new temporary file.
    public static let sqlite = StoreBackend(name: "sqlite") {
        let store = try SQLiteStore(path: TemporaryPath.make(suffix: ".sqlite"))
        try await store.migrate()
        return store
    }

    /// Every backend available in this test run.
    public static var all: [StoreBackend] { [.memory, .sqlite] }
}

/// Unique paths under the system temporary folder, for test databases and mail folders.
public enum TemporaryPath {
    /// A path that does not exist yet.
    public static func make(suffix: String = "") -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-tests", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent(UUID().uuidString + suffix).path
    }
}
