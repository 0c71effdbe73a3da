/// Every SQL statement the PostgreSQL store runs, named by what it does.
///
/// Statements that may hit a unique key use `ON CONFLICT DO NOTHING … RETURNING` and the caller
/// throws `.duplicate` when no row comes back: a unique violation would abort the whole
/// PostgreSQL transaction, while the store contract lets the caller carry on after `.duplicate`.
enum PostgresQueries {
    // MARK: Schema
    static let lockMigrations = "SELECT pg_advisory_xact_lock($1)"
    static let createMigrationsTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version BIGINT PRIMARY KEY,
            name TEXT NOT NULL,
            applied_at BIGINT NOT NULL
        )
        """
    static let schemaVersion = "SELECT coalesce(max(version), 0) FROM schema_migrations"
    static let recordMigration = "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)"
    static let migrationsTableExists = "SELECT to_regclass('schema_migrations') IS NOT NULL"
    static let beginTransaction = "BEGIN"
    /// Limits every statement of the current transaction to `$1` milliseconds (a text, e.g. "15000").
    static let limitStatementTime = "SELECT set_config('statement_timeout', $1, true)"
    /// Migrations may rewrite big tables, and wait for another process's migration.
    static let limitMigrationTime = "SET LOCAL statement_timeout = '10min'"
    static let commitTransaction = "COMMIT"
    static let rollbackTransaction = "ROLLBACK"
    static let ping = "SELECT 1"

    // MARK: Newsletters
    static let upsertNewsletter = """
        INSERT INTO newsletters (slug, title, description, from_address, time_zone, digest_feed, sends_welcome)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (slug) DO UPDATE SET title = excluded.title, description = excluded.description,
            from_address = excluded.from_address, time_zone = excluded.time_zone,
            digest_feed = excluded.digest_feed, sends_welcome = excluded.sends_welcome
        """
    static let listNewsletters = """
        SELECT slug, title, description, from_address, time_zone, digest_feed, sends_welcome
        FROM newsletters ORDER BY slug COLLATE "C"
        """

    // MARK: Subscribers
    static let subscriberColumns =
        "id, email, smtp_address, canonical_key, name, attributes, created_at, updated_at, language"
    static let insertSubscriber = """
        INSERT INTO subscribers (email, smtp_address, canonical_key, name, attributes, created_at, updated_at, language)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (canonical_key) DO NOTHING
        RETURNING \(subscriberColumns)
        """
    static let subscriberByKey = "SELECT \(subscriberColumns) FROM subscribers WHERE canonical_key = $1"
    static let subscriberByID = "SELECT \(subscriberColumns) FROM subscribers WHERE id = $1"
    static let updateSubscriberName = "UPDATE subscribers SET name = $1, updated_at = $2 WHERE id = $3 RETURNING id"
    static let updateSubscriberLanguage =
        "UPDATE subscribers SET language = $1, updated_at = $2 WHERE id = $3 RETURNING id"
    static let countSubscribers = "SELECT count(*) FROM subscribers"

    static let purgeStalePendingSubscriptions =
        "DELETE FROM subscriptions WHERE status = 'pending' AND updated_at < $1"
    static let purgeSubscribersWithoutSubscriptions = """
        DELETE FROM subscribers WHERE created_at < $1
            AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE subscriptions.subscriber_id = subscribers.id)
        RETURNING id
        """

    // MARK: Subscriptions
    static let subscriptionColumns =
        "subscriber_id, newsletter, status, created_at, updated_at, confirmed_at, unsubscribed_at"
    static let subscriptionByKey =
        "SELECT \(subscriptionColumns) FROM subscriptions WHERE subscriber_id = $1 AND newsletter = $2"
    static let subscriptionsOfSubscriber = """
        SELECT \(subscriptionColumns) FROM subscriptions WHERE subscriber_id = $1 ORDER BY newsletter COLLATE "C"
        """
    static let saveSubscription = """
        INSERT INTO subscriptions (\(subscriptionColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (subscriber_id, newsletter) DO UPDATE SET status = excluded.status,
            updated_at = excluded.updated_at, confirmed_at = excluded.confirmed_at,
            unsubscribed_at = excluded.unsubscribed_at
        """

    // MARK: Tokens
    static let insertToken = """
        INSERT INTO tokens (hash, purpose, subscriber_id, newsletter, created_at, expires_at, used_at, pending_name)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (hash) DO NOTHING
        RETURNING hash
        """
    static let tokenByHash = """
        SELECT hash, purpose, subscriber_id, newsletter, created_at, expires_at, used_at, pending_name
        FROM tokens WHERE hash = $1
        """
    static let markTokenUsed = "UPDATE tokens SET used_at = $1 WHERE hash = $2 AND used_at IS NULL RETURNING hash"

    // MARK: Consent
    static let appendConsent = """
        INSERT INTO consent_events (subscriber_id, newsletter, action, ip, user_agent, source, occurred_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """
    static let consentOfSubscriber = """
        SELECT subscriber_id, newsletter, action, ip, user_agent, source, occurred_at
        FROM consent_events WHERE subscriber_id = $1 ORDER BY id
        """

    // MARK: Settings
    static let insertSettingIfAbsent =
        "INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING"
    static let settingByName = "SELECT value FROM settings WHERE name = $1"
    static let takeSetting = "DELETE FROM settings WHERE name = $1 RETURNING value"
    static let saveSetting = """
        INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = excluded.value
        """

    // MARK: Digests
    static let seenArticleIdentities = """
        SELECT identity FROM digest_articles_sent
        WHERE newsletter = $1 AND language = $2 AND identity = ANY($3::text[])
        """
    static let seenArticleLinks = """
        SELECT DISTINCT link_identity FROM digest_articles_sent
        WHERE newsletter = $1 AND language = $2 AND link_identity = ANY($3::text[])
        """
    static let insertDigestIssue = """
        INSERT INTO digest_issues (newsletter, period, language, articles, created_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (newsletter, period, language) DO NOTHING
        RETURNING id
        """
    static let rememberSentArticle = """
        INSERT INTO digest_articles_sent (newsletter, language, identity, link_identity, issue_id)
        VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (newsletter, language, identity) DO NOTHING
        """
    /// One pending delivery (issue `$1`, at `$2`) per subscriber confirmed for `$3` whom the edition
    /// in `$4` includes: those whose language is `$4`, and, when the edition takes everyone else
    /// (`$5`), those with no language or one not among the offered ones (`$6`).
    static let addDeliveriesForConfirmed = """
        INSERT INTO digest_deliveries (issue_id, subscriber_id, state, updated_at)
        SELECT $1, s.subscriber_id, 'pending', $2 FROM subscriptions s JOIN subscribers r ON r.id = s.subscriber_id
        WHERE s.newsletter = $3 AND s.status = 'confirmed'
            AND (r.language = $4
                OR ($5::boolean AND (r.language IS NULL OR NOT (r.language = ANY($6::text[])))))
        """
    static let digestIssueColumns = "id, newsletter, period, articles, created_at, completed_at, language"
    static let digestIssueByPeriod =
        "SELECT \(digestIssueColumns) FROM digest_issues WHERE newsletter = $1 AND period = $2 AND language = $3"
    /// Gives issues from before migration 19 the newsletter's language (an issue in that language
    /// for the same period, which cannot exist, would keep the old one unchanged).
    static let adoptLegacyIssues = """
        UPDATE digest_issues o SET language = $2 WHERE o.newsletter = $1 AND o.language = ''
            AND NOT EXISTS (SELECT 1 FROM digest_issues n
                WHERE n.newsletter = $1 AND n.period = o.period AND n.language = $2)
        """
    /// Gives articles remembered before migration 19 the newsletter's language.
    static let adoptLegacySentArticles = """
        UPDATE digest_articles_sent o SET language = $2 WHERE o.newsletter = $1 AND o.language = ''
            AND NOT EXISTS (SELECT 1 FROM digest_articles_sent n
                WHERE n.newsletter = $1 AND n.language = $2 AND n.identity = o.identity)
        """
    static let incompleteDigestIssues =
        "SELECT \(digestIssueColumns) FROM digest_issues WHERE newsletter = $1 AND completed_at IS NULL ORDER BY id"
    /// Locks the rows `$1` may claim at `$4`, skipping rows another transaction is claiming right
    /// now: pending; claimed or sending with a lease that has ended (their run died or stalled);
    /// deferred by another owner and due. Marks them claimed by `$1` until `$5`; returns each
    /// subscriber id, whether its send was interrupted mid-way, and its attempts.
    static let claimDigestDeliveries = """
        WITH claimable AS (
            SELECT subscriber_id, state = 'sending' AS interrupted FROM digest_deliveries
            WHERE issue_id = $2
                AND (state = 'pending'
                    OR (state IN ('claimed', 'sending') AND coalesce(next_attempt_at, 0) <= $4)
                    OR (state = 'deferred' AND claimed_by IS DISTINCT FROM $1 AND coalesce(next_attempt_at, 0) <= $4))
            ORDER BY subscriber_id LIMIT $3
            FOR UPDATE SKIP LOCKED)
        UPDATE digest_deliveries d SET state = 'claimed', claimed_by = $1, updated_at = $4, next_attempt_at = $5
        FROM claimable
        WHERE d.issue_id = $2 AND d.subscriber_id = claimable.subscriber_id
        RETURNING d.subscriber_id, claimable.interrupted, d.attempts
        """
    /// Extends the lease `$3` holds on subscriber `$2`'s claimed or sending delivery to `$1`.
    static let renewDigestLease = """
        UPDATE digest_deliveries SET next_attempt_at = $1
        WHERE subscriber_id = $2 AND claimed_by = $3 AND state IN ('claimed', 'sending')
        RETURNING subscriber_id
        """
    static let startDigestDelivery = """
        UPDATE digest_deliveries SET state = 'sending', updated_at = $1
        WHERE issue_id = $2 AND subscriber_id = $3 AND claimed_by = $4 AND state = 'claimed'
        RETURNING subscriber_id
        """
    static let countConfirmed =
        "SELECT count(*) FROM subscriptions WHERE newsletter = $1 AND status = 'confirmed'"
    /// Subscribers confirmed for `$1` whom the edition in `$2` includes (`$3`, `$4`: as in
    /// `addDeliveriesForConfirmed`).
    static let countConfirmedForEdition = """
        SELECT count(*) FROM subscriptions s JOIN subscribers r ON r.id = s.subscriber_id
        WHERE s.newsletter = $1 AND s.status = 'confirmed'
            AND (r.language = $2 OR ($3::boolean AND (r.language IS NULL OR NOT (r.language = ANY($4::text[])))))
        """
    static let claimedRecipients = """
        SELECT s.id, s.email, s.smtp_address, s.canonical_key, s.name, s.attributes, s.created_at, s.updated_at,
            s.language, sub.status
        FROM subscribers s
        LEFT JOIN subscriptions sub
            ON sub.subscriber_id = s.id AND sub.newsletter = (SELECT newsletter FROM digest_issues WHERE id = $1)
        WHERE s.id = ANY($2::bigint[])
        ORDER BY s.id
        """
    /// Records an outcome (`$1` state, `$2` result, `$3` attempts, `$4` time, `$5` next attempt)
    /// only while owner `$8` holds the row.
    static let settleDigestDelivery = """
        UPDATE digest_deliveries SET state = $1, result = $2, attempts = $3, updated_at = $4, next_attempt_at = $5
        WHERE issue_id = $6 AND subscriber_id = $7 AND claimed_by = $8 AND state IN ('claimed', 'sending')
        RETURNING subscriber_id
        """
    static let digestDelivery = """
        SELECT state, claimed_by, attempts, next_attempt_at, result FROM digest_deliveries
        WHERE issue_id = $1 AND subscriber_id = $2
        """
    static let digestDeliveryCounts =
        "SELECT state, count(*) FROM digest_deliveries WHERE issue_id = $1 GROUP BY state"
    static let digestFailures = """
        SELECT subscriber_id, coalesce(result, '') FROM digest_deliveries
        WHERE issue_id = $1 AND state IN ('failed', 'deferred') ORDER BY subscriber_id LIMIT $2
        """
    static let reopenDigestDeliveries = """
        UPDATE digest_deliveries SET state = 'pending', attempts = 0, result = NULL, claimed_by = NULL,
            next_attempt_at = NULL, updated_at = $1
        WHERE issue_id = $2 AND state IN ('failed', 'deferred')
        RETURNING subscriber_id
        """
    static let reopenDigestIssue = "UPDATE digest_issues SET completed_at = NULL WHERE id = $1"
    static let completeDigestIssue =
        "UPDATE digest_issues SET completed_at = $1 WHERE id = $2 AND completed_at IS NULL"

    // MARK: Outbox
    static let outboxColumns = """
        outbox.id, outbox.kind, outbox.subscriber_id, outbox.throttle_key, outbox.sender, outbox.recipients,
        outbox.smtputf8, outbox.data, outbox.state, outbox.attempts, outbox.created_at, outbox.next_attempt_at,
        outbox.last_result, outbox.sent_at
        """
    static let enqueueMail = """
        INSERT INTO outbox (kind, subscriber_id, throttle_key, sender, recipients, smtputf8, data, state,
            attempts, created_at, next_attempt_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, $8)
        RETURNING id
        """
    static let countMailForKey = """
        SELECT count(*) FROM outbox WHERE throttle_key = $1 AND kind = $2 AND created_at >= $3
        """
    /// Locks due rows (skipping rows another process is claiming right now), then leases them
    /// until `$1`. Two workers never get the same row.
    static let claimDueMail = """
        WITH due AS (
            SELECT id FROM outbox WHERE state IN ('pending', 'sending') AND next_attempt_at <= $2
            ORDER BY next_attempt_at, id LIMIT $3
            FOR UPDATE SKIP LOCKED)
        UPDATE outbox SET state = 'sending', next_attempt_at = $1, lease_owner = $4
        FROM due WHERE outbox.id = due.id
        RETURNING \(outboxColumns)
        """
    static let renewMailLease = """
        UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND state = 'sending' AND lease_owner = $3
        RETURNING id
        """
    static let markMailSent = """
        UPDATE outbox SET state = 'sent', sent_at = $1, attempts = attempts + 1, last_result = $2, data = ''::bytea,
            lease_owner = NULL
        WHERE id = $3 AND state = 'sending' AND lease_owner = $4
        RETURNING id
        """
    static let markMailRetry = """
        UPDATE outbox SET state = 'pending', attempts = $1, next_attempt_at = $2, last_result = $3, lease_owner = NULL
        WHERE id = $4 AND state = 'sending' AND lease_owner = $5
        RETURNING id
        """
    static let markMailFailed = """
        UPDATE outbox SET state = 'failed', attempts = $1, last_result = $2, next_attempt_at = $5, lease_owner = NULL
        WHERE id = $3 AND state = 'sending' AND lease_owner = $4
        RETURNING id
        """
    static let outboxByID = "SELECT \(outboxColumns) FROM outbox WHERE id = $1"
    static let outboxCounts = "SELECT state, count(*) FROM outbox GROUP BY state"
    static let oldestPendingMail =
        "SELECT min(created_at) FROM outbox WHERE state IN ('pending', 'sending')"

    // MARK: Test databases
    /// `CREATE DATABASE` takes no parameters; the name is checked by the caller.
    static func createDatabase(_ name: String) -> String { "CREATE DATABASE \"\(name)\"" }
}
