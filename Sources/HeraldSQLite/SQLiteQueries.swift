/// Every SQL statement the SQLite store runs, named by what it does.
enum SQLiteQueries {
    // MARK: Newsletters
    static let upsertNewsletter = """
        INSERT INTO newsletters (slug, title, description, from_address, time_zone, digest_feed, sends_welcome)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (slug) DO UPDATE SET title = excluded.title, description = excluded.description,
            from_address = excluded.from_address, time_zone = excluded.time_zone,
            digest_feed = excluded.digest_feed, sends_welcome = excluded.sends_welcome
        """
    static let listNewsletters = """
        SELECT slug, title, description, from_address, time_zone, digest_feed, sends_welcome
        FROM newsletters ORDER BY slug
        """

    // MARK: Subscribers
    static let subscriberColumns =
        "id, email, smtp_address, canonical_key, name, attributes, created_at, updated_at"
    static let insertSubscriber = """
        INSERT INTO subscribers (email, smtp_address, canonical_key, name, attributes, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let subscriberByKey = "SELECT \(subscriberColumns) FROM subscribers WHERE canonical_key = ?"
    static let subscriberByID = "SELECT \(subscriberColumns) FROM subscribers WHERE id = ?"
    static let updateSubscriberName = "UPDATE subscribers SET name = ?, updated_at = ? WHERE id = ?"
    static let countSubscribers = "SELECT count(*) FROM subscribers"

    // MARK: Subscriptions
    static let subscriptionColumns =
        "subscriber_id, newsletter, status, created_at, updated_at, confirmed_at, unsubscribed_at"
    static let subscriptionByKey =
        "SELECT \(subscriptionColumns) FROM subscriptions WHERE subscriber_id = ? AND newsletter = ?"
    static let subscriptionsOfSubscriber =
        "SELECT \(subscriptionColumns) FROM subscriptions WHERE subscriber_id = ? ORDER BY newsletter"
    static let saveSubscription = """
        INSERT INTO subscriptions (\(subscriptionColumns)) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (subscriber_id, newsletter) DO UPDATE SET status = excluded.status,
            updated_at = excluded.updated_at, confirmed_at = excluded.confirmed_at,
            unsubscribed_at = excluded.unsubscribed_at
        """

    // MARK: Tokens
    static let insertToken = """
        INSERT INTO tokens (hash, purpose, subscriber_id, newsletter, created_at, expires_at, used_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let tokenByHash = """
        SELECT hash, purpose, subscriber_id, newsletter, created_at, expires_at, used_at
        FROM tokens WHERE hash = ?
        """
    static let markTokenUsed = "UPDATE tokens SET used_at = ? WHERE hash = ? AND used_at IS NULL"

    // MARK: Consent
    static let appendConsent = """
        INSERT INTO consent_events (subscriber_id, newsletter, action, ip, user_agent, source, occurred_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)
        """
    static let consentOfSubscriber = """
        SELECT subscriber_id, newsletter, action, ip, user_agent, source, occurred_at
        FROM consent_events WHERE subscriber_id = ? ORDER BY id
        """

    // MARK: Settings
    static let insertSettingIfAbsent = "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING"
    static let settingByName = "SELECT value FROM settings WHERE name = ?"

    // MARK: Outbox
    static let outboxColumns = """
        id, kind, subscriber_id, throttle_key, sender, recipients, smtputf8, data, state, attempts,
        created_at, next_attempt_at, last_result, sent_at
        """
    static let enqueueMail = """
        INSERT INTO outbox (kind, subscriber_id, throttle_key, sender, recipients, smtputf8, data, state,
            attempts, created_at, next_attempt_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
        """
    static let countMailForKey = """
        SELECT count(*) FROM outbox WHERE throttle_key = ? AND kind = ? AND created_at >= ?
        """
    static let claimDueMail = """
        UPDATE outbox SET state = 'sending', next_attempt_at = ?
        WHERE id IN (
            SELECT id FROM outbox WHERE state IN ('pending', 'sending') AND next_attempt_at <= ?
            ORDER BY next_attempt_at, id LIMIT ?)
        RETURNING \(outboxColumns)
        """
    static let markMailSent = """
        UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_result = ? WHERE id = ?
        """
    static let markMailRetry = """
        UPDATE outbox SET state = 'pending', attempts = ?, next_attempt_at = ?, last_result = ?
        WHERE id = ? AND state <> 'sent'
        """
    static let markMailFailed = """
        UPDATE outbox SET state = 'failed', attempts = ?, last_result = ? WHERE id = ? AND state <> 'sent'
        """
    static let outboxByID = "SELECT \(outboxColumns) FROM outbox WHERE id = ?"
    static let outboxCounts = "SELECT state, count(*) FROM outbox GROUP BY state"
    static let oldestPendingMail =
        "SELECT min(created_at) FROM outbox WHERE state IN ('pending', 'sending')"
}
