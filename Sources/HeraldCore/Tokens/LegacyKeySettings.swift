import Foundation

/// The secret keys versions before the key file kept in the settings table.
public struct LegacySecretKeys: Sendable, Equatable {
    /// The manage-link key (`manage_link_secret`), if the database held one.
    public let manageLink: String?
    /// The erasure key (`suppression_hash_key`), if the database held one.
    public let erasure: String?
}

/// Moves the keys older versions kept in the database out of it: taken and deleted in one
/// transaction that commits only when the caller has put them somewhere else.
public struct LegacyKeySettings: Sendable {
    /// The settings row older versions kept the manage-link key in.
    public static let manageLinkSetting = "manage_link_secret"

    let store: ScopedStore<any SettingOperations>

    public init(store: any SubscriberStore) {
        self.store = ScopedStore(store) { $0 }
    }

    /// Takes the legacy keys out of the settings and hands them to `keep` (which writes them to the
    /// key file, or checks that the file has them). The deletion commits only when `keep` returns;
    /// when it throws, the keys stay in the database and its error is rethrown.
    public func move<Kept: Sendable>(_ keep: @escaping @Sendable (LegacySecretKeys) throws -> Kept) async throws -> Kept
    {
        try await store.transaction { tx in
            let legacy = LegacySecretKeys(
                manageLink: try await tx.takeSetting(named: Self.manageLinkSetting),
                erasure: try await tx.takeSetting(named: SuppressionHasher.keySetting))
            return try keep(legacy)
        }
    }
}
