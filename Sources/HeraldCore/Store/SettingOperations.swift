import Foundation

/// Installation-wide named values kept in the database (such as the suppression hash secret).
public protocol SettingOperations: Sendable {
    /// The stored value of setting `name`; stores `value` first when the setting is absent.
    func setting(named name: String, default value: String) async throws -> String

    /// Stores `value` for setting `name`, replacing any earlier value.
    func saveSetting(named name: String, value: String) async throws

    /// Deletes setting `name` and returns the value it had, if any (keys moved out of the database).
    func takeSetting(named name: String) async throws -> String?

    /// The erasure key of the store this transaction belongs to (see ``SubscriberStore/erasureKeySlot``).
    var erasureKeySlot: ErasureKeySlot? { get }
}

extension SettingOperations {
    /// No slot: the erasure key comes from the settings.
    public var erasureKeySlot: ErasureKeySlot? { nil }
}
