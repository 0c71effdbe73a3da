import HeraldCore
import HeraldPostgres
import HeraldSQLite
import Logging

/// Opens the store named by the configuration's `database_url`.
public enum StoreFactory {
    /// Opens and migrates the store, then records the configured newsletters in it.
    public static func open(_ configuration: HeraldConfiguration) async throws -> any SubscriberStore {
        let store: any SubscriberStore
        switch configuration.database {
        case .sqlite(let path):
            store = try SQLiteStore(path: path)
        case .postgres(let url):
            store = try await PostgresStore.connect(url: url, logger: Logger(label: "herald.store"))
        }
        try await store.migrate()
        try await store.transaction { tx in
            for newsletter in configuration.newsletters { try await tx.upsertNewsletter(newsletter) }
        }
        return store
    }
}
