/// Rows written as an older schema (before migration 18) accepts them, for upgrade tests: the
/// store's own statements always write the newest schema's columns.
enum OlderSchema {
    /// Inserts a subscriber with the columns of migration 1 (the address must be plain ASCII).
    static func insertSubscriber(_ address: String) -> String {
        "INSERT INTO subscribers (email, smtp_address, canonical_key, name, attributes, created_at, updated_at) "
            + "VALUES ('\(address)', '\(address)', '\(address)', NULL, '{}', 0, 0)"
    }
}
