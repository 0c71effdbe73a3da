import HeraldCore
import HeraldPostgres
import HeraldSQLite
import Logging

/// Opens the store named by the configuration's `database_url`.
public enum StoreFactory {
    /// Opens and migrates the store, records the configured newsletters in it, and loads the
    /// secret keys (moving them out of the database on the first start after an upgrade), with
    /// the erasure key installed in the store. `sqlitePageCacheKiB` caps an SQLite connection's
    /// page cache (nil: SQLite's default); PostgreSQL ignores it.
    public static func open(_ configuration: HeraldConfiguration, sqlitePageCacheKiB: Int? = nil) async throws
        -> (store: any SubscriberStore, keys: SecretKeyRing)
    {
        let store: any SubscriberStore
        switch configuration.database {
        case .sqlite(let path):
            store = try SQLiteStore(path: path, pageCacheKiB: sqlitePageCacheKiB)
        case .postgres(let url):
            store = try await PostgresStore.connect(url: url, logger: Logger(label: "herald.store"))
        }
        try await store.migrate()
        try await NewsletterRegistry(store: store).register(configuration.newsletters)
        let keys = try await SecretKeyStorage.load(configuration, store: store)
        store.erasureKeySlot?.install(keys.erasureKey)
        return (store, keys)
    }
}
