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
        "id, email, smtp_address, canonical_key, name, attributes, created_at, updated_at, language"
    static let insertSubscriber = """
        INSERT INTO subscribers (email, smtp_address, canonical_key, name, attributes, created_at, updated_at, language)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let subscriberByKey = "SELECT \(subscriberColumns) FROM subscribers WHERE canonical_key = ?"
    static let subscriberByID = "SELECT \(subscriberColumns) FROM subscribers WHERE id = ?"
    static let updateSubscriberName = "UPDATE subscribers SET name = ?, updated_at = ? WHERE id = ?"
    static let updateSubscriberLanguage = "UPDATE subscribers SET language = ?, updated_at = ? WHERE id = ?"
    static let countSubscribers = "SELECT count(*) FROM subscribers"

    static let purgeStalePendingSubscriptions =
        "DELETE FROM subscriptions WHERE status = 'pending' AND updated_at < ?"
    static let purgeSubscribersWithoutSubscriptions = """
        DELETE FROM subscribers WHERE created_at < ?
            AND NOT EXISTS (SELECT 1 FROM subscriptions WHERE subscriptions.subscriber_id = subscribers.id)
        """

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
        INSERT INTO tokens (hash, purpose, subscriber_id, newsletter, created_at, expires_at, used_at, pending_name)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """
    static let tokenByHash = """
        SELECT hash, purpose, subscriber_id, newsletter, created_at, expires_at, used_at, pending_name
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
    static let takeSetting = "DELETE FROM settings WHERE name = ? RETURNING value"

    static let saveSetting = """
        INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value
        """

    // MARK: Digests
    static let seenArticleByIdentity =
        "SELECT 1 FROM digest_articles_sent WHERE newsletter = ? AND language = ? AND identity = ?"
    static let seenArticleByLink =
        "SELECT 1 FROM digest_articles_sent WHERE newsletter = ? AND language = ? AND link_identity = ?"
    static let insertDigestIssue = """
        INSERT INTO digest_issues (newsletter, period, language, articles, created_at) VALUES (?, ?, ?, ?, ?)
        """
    static let rememberSentArticle = """
        INSERT INTO digest_articles_sent (newsletter, language, identity, link_identity, issue_id)
        VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (newsletter, language, identity) DO NOTHING
        """
    /// One pending delivery (issue `?1`, at `?2`) per subscriber confirmed for `?3` whom the edition
    /// in `?4` includes: those whose language is `?4`, and, when the edition takes everyone else
    /// (`?5` = 1), those with no language or one not among the offered ones (`?6`, a JSON array).
    static let addDeliveriesForConfirmed = """
        INSERT INTO digest_deliveries (issue_id, subscriber_id, state, updated_at)
        SELECT ?1, s.subscriber_id, 'pending', ?2 FROM subscriptions s JOIN subscribers r ON r.id = s.subscriber_id
        WHERE s.newsletter = ?3 AND s.status = 'confirmed'
            AND (r.language = ?4
                OR (?5 = 1 AND (r.language IS NULL OR r.language NOT IN (SELECT value FROM json_each(?6)))))
        """
    static let digestIssueColumns = "id, newsletter, period, articles, created_at, completed_at, language"
    static let digestIssueByPeriod =
        "SELECT \(digestIssueColumns) FROM digest_issues WHERE newsletter = ? AND period = ? AND language = ?"
    /// Gives issues (and their remembered articles) from before migration 19 the newsletter's language.
    static let adoptLegacyIssues =
        "UPDATE OR IGNORE digest_issues SET language = ?2 WHERE newsletter = ?1 AND language = ''"
    static let adoptLegacySentArticles =
        "UPDATE OR IGNORE digest_articles_sent SET language = ?2 WHERE newsletter = ?1 AND language = ''"
    static let incompleteDigestIssues =
        "SELECT \(digestIssueColumns) FROM digest_issues WHERE newsletter = ? AND completed_at IS NULL ORDER BY id"
    /// Rows `?1` may claim at `?4`: pending; claimed or sending with a lease that has ended (their
    /// run died or stalled); deferred by another owner and due. Transactions are serial, so no row
    /// is shared. Returns each subscriber id, whether it was left `sending`, and its attempts.
    static let claimableDigestDeliveries = """
        SELECT subscriber_id, state = 'sending', attempts FROM digest_deliveries
        WHERE issue_id = ?2
            AND (state = 'pending'
                OR (state IN ('claimed', 'sending') AND coalesce(next_attempt_at, 0) <= ?4)
                OR (state = 'deferred' AND claimed_by IS NOT ?1 AND coalesce(next_attempt_at, 0) <= ?4))
        ORDER BY subscriber_id LIMIT ?3
        """
    static let markDigestDeliveriesClaimed = """
        UPDATE digest_deliveries SET state = 'claimed', claimed_by = ?, updated_at = ?, next_attempt_at = ?
        WHERE issue_id = ? AND subscriber_id IN (SELECT value FROM json_each(?))
        """
    /// Extends the lease `?3` holds on subscriber `?2`'s claimed or sending delivery to `?1`.
    static let renewDigestLease = """
        UPDATE digest_deliveries SET next_attempt_at = ?
        WHERE subscriber_id = ? AND claimed_by = ? AND state IN ('claimed', 'sending')
        """
    static let startDigestDelivery = """
        UPDATE digest_deliveries SET state = 'sending', updated_at = ?
        WHERE issue_id = ? AND subscriber_id = ? AND claimed_by = ? AND state = 'claimed'
        """
    static let countConfirmed =
        "SELECT count(*) FROM subscriptions WHERE newsletter = ? AND status = 'confirmed'"
    /// Subscribers confirmed for `?1` whom the edition in `?2` includes (`?3`, `?4`: as in
    /// `addDeliveriesForConfirmed`).
    static let countConfirmedForEdition = """
        SELECT count(*) FROM subscriptions s JOIN subscribers r ON r.id = s.subscriber_id
        WHERE s.newsletter = ?1 AND s.status = 'confirmed'
            AND (r.language = ?2
                OR (?3 = 1 AND (r.language IS NULL OR r.language NOT IN (SELECT value FROM json_each(?4)))))
        """
    static let digestIssueNewsletter = "SELECT newsletter FROM digest_issues WHERE id = ?"
    static let claimedRecipients = """
        SELECT s.id, s.email, s.smtp_address, s.canonical_key, s.name, s.attributes, s.created_at, s.updated_at,
            s.language, sub.status
        FROM subscribers s
        LEFT JOIN subscriptions sub ON sub.subscriber_id = s.id AND sub.newsletter = ?
        WHERE s.id IN (SELECT value FROM json_each(?))
        ORDER BY s.id
        """
    /// Records an outcome (`?1` state, `?2` result, `?3` attempts, `?4` time, `?5` next attempt)
    /// only while owner `?8` holds the row.
    static let settleDigestDelivery = """
        UPDATE digest_deliveries SET state = ?1, result = ?2, attempts = ?3, updated_at = ?4, next_attempt_at = ?5
        WHERE issue_id = ?6 AND subscriber_id = ?7 AND claimed_by = ?8 AND state IN ('claimed', 'sending')
        """
    static let digestDelivery = """
        SELECT state, claimed_by, attempts, next_attempt_at, result FROM digest_deliveries
        WHERE issue_id = ? AND subscriber_id = ?
        """
    static let digestDeliveryCounts =
        "SELECT state, count(*) FROM digest_deliveries WHERE issue_id = ? GROUP BY state"
    static let digestFailures = """
        SELECT subscriber_id, coalesce(result, '') FROM digest_deliveries
        WHERE issue_id = ? AND state IN ('failed', 'deferred') ORDER BY subscriber_id LIMIT ?
        """
    static let reopenDigestDeliveries = """
        UPDATE digest_deliveries SET state = 'pending', attempts = 0, result = NULL, claimed_by = NULL,
            next_attempt_at = NULL, updated_at = ?
        WHERE issue_id = ? AND state IN ('failed', 'deferred')
        """
    static let reopenDigestIssue = "UPDATE digest_issues SET completed_at = NULL WHERE id = ?"
    static let completeDigestIssue =
        "UPDATE digest_issues SET completed_at = ? WHERE id = ? AND completed_at IS NULL"

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
        UPDATE outbox SET state = 'sending', next_attempt_at = ?, lease_owner = ?
        WHERE id IN (
            SELECT id FROM outbox WHERE state IN ('pending', 'sending') AND next_attempt_at <= ?
            ORDER BY next_attempt_at, id LIMIT ?)
        RETURNING \(outboxColumns)
        """
    static let renewMailLease = """
        UPDATE outbox SET next_attempt_at = ? WHERE id = ? AND state = 'sending' AND lease_owner = ?
        """
    /// Sent mail keeps no body: it holds confirmation and unsubscribe links, whose tokens are otherwise
    /// stored only as hashes. Failed mail keeps it for a retry until housekeeping forgets it.
    static let markMailSent = """
        UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_result = ?, data = X'',
            lease_owner = NULL
        WHERE id = ? AND state = 'sending' AND lease_owner = ?
        """
    static let markMailRetry = """
        UPDATE outbox SET state = 'pending', attempts = ?, next_attempt_at = ?, last_result = ?, lease_owner = NULL
        WHERE id = ? AND state = 'sending' AND lease_owner = ?
        """
    static let markMailFailed = """
        UPDATE outbox SET state = 'failed', attempts = ?, last_result = ?, next_attempt_at = ?, lease_owner = NULL
        WHERE id = ? AND state = 'sending' AND lease_owner = ?
        """
    static let outboxByID = "SELECT \(outboxColumns) FROM outbox WHERE id = ?"
    static let outboxCounts = "SELECT state, count(*) FROM outbox GROUP BY state"
    static let oldestPendingMail =
        "SELECT min(created_at) FROM outbox WHERE state IN ('pending', 'sending')"
}
