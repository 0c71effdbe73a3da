extension PostgresMigrations {
    /// Version 20: digest deliveries on the shared leased queue (`LeasedQueue`): a claimed or
    /// sending row's lease ends at `next_attempt_at`, a deferred row is due again then; leases are
    /// renewed by owner and subscriber id. Rows claimed, sending or deferred before get their last
    /// change as that time (claimable at once: no run of the older version may run during an upgrade).
    static let digestLeases = Migration(
        version: 20, name: "digest deliveries on the leased queue",
        statements: [
            "ALTER TABLE digest_deliveries ADD COLUMN next_attempt_at BIGINT",
            """
            UPDATE digest_deliveries SET next_attempt_at = updated_at
            WHERE state IN ('claimed', 'sending', 'deferred')
            """,
            "CREATE INDEX digest_deliveries_owner ON digest_deliveries (claimed_by, subscriber_id)",
        ])
}
