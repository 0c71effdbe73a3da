extension PostgresQueries {
    /// Takes the subscriber's row lock until the transaction ends (signups for one address then
    /// run one after another, and the later one sees the earlier one's outbox row).
    static let lockSubscriber = "SELECT id FROM subscribers WHERE id = $1 FOR UPDATE"
}
