import Foundation

/// Named values kept in the store's settings table (a feed's cached articles and validators),
/// each read or written in its own transaction.
public struct StoredSettings: Sendable {
    let store: ScopedStore<any SettingOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// The value saved under `name`; nil when none was saved (or an empty one).
    public func value(named name: String) async throws -> String? {
        let text = try await store.transaction { try await $0.setting(named: name, default: "") }
        return text.isEmpty ? nil : text
    }

    /// Saves `value` under `name`, replacing what was there.
    public func save(_ value: String, named name: String) async throws {
        try await store.transaction { try await $0.saveSetting(named: name, value: value) }
    }
}
