/// The SQLite schema, as an ordered list of versions; `PRAGMA user_version` records the last applied.
///
/// Append new versions at the end; never edit a released one.
enum SQLiteMigrations {
    struct Migration: Sendable {
        let version: Int
        let name: String
        let sql: String
        /// The migration rebuilds tables other tables refer to, so it runs with foreign keys off
        /// (SQLite's documented procedure) and checks them all before it commits.
        var rebuildsTables = false
    }

    static let all: [Migration] = [
        Migration(
            version: 1, name: "subscribers, subscriptions, tokens, consent, outbox",
            sql: """
                CREATE TABLE newsletters (
                    slug TEXT PRIMARY KEY,
                    title TEXT NOT NULL,
                    description TEXT NOT NULL DEFAULT '',
                    from_address TEXT,
                    time_zone TEXT NOT NULL DEFAULT 'UTC',
                    digest_feed TEXT,
                    sends_welcome INTEGER NOT NULL DEFAULT 1
                );
                CREATE TABLE subscribers (
                    id INTEGER PRIMARY KEY,
                    email TEXT NOT NULL,
                    smtp_address TEXT NOT NULL,
                    canonical_key TEXT NOT NULL UNIQUE,
                    name TEXT,
                    attributes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE TABLE subscriptions (
                    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
                    newsletter TEXT NOT NULL REFERENCES newsletters(slug),
                    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    confirmed_at INTEGER,
                    unsubscribed_at INTEGER,
                    PRIMARY KEY (subscriber_id, newsletter)
                ) WITHOUT ROWID;
                CREATE INDEX subscriptions_by_newsletter ON subscriptions (newsletter, status, subscriber_id);
                CREATE TABLE tokens (
                    hash TEXT PRIMARY KEY,
                    purpose TEXT NOT NULL,
                    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
                    newsletter TEXT,
                    created_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL,
                    used_at INTEGER
                ) WITHOUT ROWID;
                CREATE TABLE consent_events (
                    id INTEGER PRIMARY KEY,
                    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
                    newsletter TEXT,
                    action TEXT NOT NULL,
                    ip TEXT,
                    user_agent TEXT,
                    source TEXT,
                    occurred_at INTEGER NOT NULL
                );
                CREATE INDEX consent_by_subscriber ON consent_events (subscriber_id, id);
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    subscriber_id INTEGER REFERENCES subscribers(id) ON DELETE SET NULL,
                    throttle_key TEXT,
                    sender TEXT NOT NULL,
                    recipients TEXT NOT NULL CHECK (json_valid(recipients)),
                    smtputf8 INTEGER NOT NULL,
                    data BLOB NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL,
                    next_attempt_at INTEGER NOT NULL,
                    last_result TEXT,
                    sent_at INTEGER
                );
                CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
                CREATE INDEX outbox_throttle ON outbox (throttle_key, kind, created_at);
                CREATE TABLE settings (
                    name TEXT PRIMARY KEY,
                    value TEXT NOT NULL
                ) WITHOUT ROWID;
                """),
        Migration(
            version: 2, name: "digest issues, deliveries and sent articles",
            sql: """
                CREATE TABLE digest_issues (
                    id INTEGER PRIMARY KEY,
                    newsletter TEXT NOT NULL REFERENCES newsletters(slug),
                    period TEXT NOT NULL,
                    articles TEXT NOT NULL CHECK (json_valid(articles)),
                    created_at INTEGER NOT NULL,
                    completed_at INTEGER,
                    lease_owner TEXT,
                    lease_until INTEGER,
                    UNIQUE (newsletter, period)
                );
                CREATE TABLE digest_deliveries (
                    issue_id INTEGER NOT NULL REFERENCES digest_issues(id) ON DELETE CASCADE,
                    subscriber_id INTEGER NOT NULL,
                    state TEXT NOT NULL
                        CHECK (state IN ('pending', 'claimed', 'sending', 'sent', 'deferred', 'failed', 'skipped')),
                    claimed_by TEXT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    result TEXT,
                    updated_at INTEGER,
                    PRIMARY KEY (issue_id, subscriber_id)
                ) WITHOUT ROWID;
                CREATE INDEX digest_deliveries_open ON digest_deliveries (issue_id, state, subscriber_id);
                CREATE TABLE digest_articles_sent (
                    newsletter TEXT NOT NULL,
                    identity TEXT NOT NULL,
                    link_identity TEXT,
                    issue_id INTEGER NOT NULL REFERENCES digest_issues(id) ON DELETE CASCADE,
                    PRIMARY KEY (newsletter, identity)
                ) WITHOUT ROWID;
                CREATE INDEX digest_articles_by_link ON digest_articles_sent (newsletter, link_identity);
                """),
        Migration(
            version: 3, name: "suppression list; indexes for erasing a subscriber",
            sql: """
                CREATE TABLE suppressions (
                    address_hash TEXT PRIMARY KEY,
                    reason TEXT NOT NULL
                        CHECK (reason IN ('erased', 'hard_bounce', 'complaint', 'soft_bounces', 'admin')),
                    detail TEXT,
                    created_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX outbox_by_subscriber ON outbox (subscriber_id);
                CREATE INDEX tokens_by_subscriber ON tokens (subscriber_id);
                """),
        Migration(
            version: 4, name: "admin audit log and queued digest items",
            sql: """
                CREATE TABLE audit_log (
                    id INTEGER PRIMARY KEY,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    target TEXT,
                    detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
                    occurred_at INTEGER NOT NULL
                );
                CREATE TABLE digest_queue (
                    id INTEGER PRIMARY KEY,
                    newsletter TEXT NOT NULL REFERENCES newsletters(slug),
                    identity TEXT NOT NULL,
                    article TEXT NOT NULL CHECK (json_valid(article)),
                    queued_by TEXT NOT NULL,
                    queued_at INTEGER NOT NULL,
                    UNIQUE (newsletter, identity)
                );
                CREATE INDEX subscribers_by_created ON subscribers (created_at, id);
                CREATE INDEX consent_by_time ON consent_events (occurred_at, newsletter);
                """),
        Migration(
            version: 5, name: "bounces and the webhook outbox",
            sql: """
                CREATE TABLE bounces (
                    id INTEGER PRIMARY KEY,
                    address_hash TEXT NOT NULL,
                    subscriber_id INTEGER,
                    kind TEXT NOT NULL CHECK (kind IN ('hard', 'soft', 'complaint')),
                    source TEXT NOT NULL,
                    diagnostic TEXT NOT NULL DEFAULT '',
                    occurred_at INTEGER NOT NULL,
                    recorded_at INTEGER NOT NULL
                );
                CREATE INDEX bounces_by_address ON bounces (address_hash, kind, occurred_at);
                CREATE TABLE webhook_deliveries (
                    id INTEGER PRIMARY KEY,
                    event_id TEXT NOT NULL,
                    event_type TEXT NOT NULL,
                    endpoint_url TEXT NOT NULL,
                    subscriber_id INTEGER,
                    body TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'delivered', 'failed')),
                    attempts INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL,
                    next_attempt_at INTEGER NOT NULL,
                    claimed_by TEXT,
                    last_result TEXT,
                    delivered_at INTEGER,
                    UNIQUE (event_id, endpoint_url)
                );
                CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
                CREATE INDEX webhook_deliveries_by_subscriber ON webhook_deliveries (subscriber_id);
                """),
        Migration(
            version: 6, name: "a signup's name waits on its confirm token; spent signup challenges",
            sql: """
                ALTER TABLE tokens ADD COLUMN pending_name TEXT;
                CREATE TABLE spent_challenges (
                    digest TEXT PRIMARY KEY,
                    expires_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX spent_challenges_by_expiry ON spent_challenges (expires_at);
                """),
        Migration(
            version: 8, name: "signup reminders",
            sql: """
                ALTER TABLE tokens ADD COLUMN reminded_at INTEGER;
                CREATE INDEX tokens_reminder_due ON tokens (created_at)
                    WHERE purpose = 'confirm' AND used_at IS NULL AND reminded_at IS NULL;
                CREATE INDEX tokens_by_subscriber_created ON tokens (subscriber_id, purpose, created_at);
                """),
        Migration(
            version: 9, name: "public archive index; link click counters",
            sql: """
                CREATE INDEX digest_issues_archive ON digest_issues (newsletter, completed_at, id);
                CREATE TABLE link_clicks (
                    issue_id INTEGER NOT NULL REFERENCES digest_issues(id) ON DELETE CASCADE,
                    link_index INTEGER NOT NULL CHECK (link_index >= 0),
                    hour INTEGER NOT NULL,
                    clicks INTEGER NOT NULL DEFAULT 0 CHECK (clicks >= 0),
                    filtered INTEGER NOT NULL DEFAULT 0 CHECK (filtered >= 0),
                    PRIMARY KEY (issue_id, link_index, hour)
                ) WITHOUT ROWID;
                CREATE TABLE subscriber_clicks (
                    issue_id INTEGER NOT NULL REFERENCES digest_issues(id) ON DELETE CASCADE,
                    subscriber_id INTEGER NOT NULL REFERENCES subscribers(id) ON DELETE CASCADE,
                    link_index INTEGER NOT NULL CHECK (link_index >= 0),
                    first_at INTEGER NOT NULL,
                    PRIMARY KEY (issue_id, subscriber_id, link_index)
                ) WITHOUT ROWID;
                CREATE INDEX subscriber_clicks_by_subscriber ON subscriber_clicks (subscriber_id);
                """),
        Migration(
            version: 11, name: "issue open counters",
            sql: """
                CREATE TABLE issue_opens (
                    issue_id INTEGER NOT NULL REFERENCES digest_issues(id) ON DELETE CASCADE,
                    hour INTEGER NOT NULL,
                    opens INTEGER NOT NULL DEFAULT 0 CHECK (opens >= 0),
                    filtered INTEGER NOT NULL DEFAULT 0 CHECK (filtered >= 0),
                    PRIMARY KEY (issue_id, hour)
                ) WITHOUT ROWID;
                """),
        Migration(
            version: 12, name: "outbox claims name their owner",
            sql: """
                ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
                """),
        Migration(
            version: 13, name: "operator console sessions",
            sql: """
                CREATE TABLE console_sessions (
                    id_hash TEXT PRIMARY KEY,
                    operator TEXT NOT NULL,
                    created_at INTEGER NOT NULL,
                    last_seen_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX console_sessions_by_created ON console_sessions (created_at);
                CREATE INDEX console_sessions_by_last_seen ON console_sessions (last_seen_at);
                """),
        Migration(
            version: 14, name: "operators retry and discard failed mail",
            sql: """
                ALTER TABLE outbox ADD COLUMN discarded_at INTEGER;
                CREATE INDEX outbox_attention ON outbox (id)
                    WHERE state = 'failed' AND discarded_at IS NULL OR state = 'pending' AND attempts > 0;
                """),
        Migration(
            version: 15, name: "dashboard counters: subscriptions per state, consent events per day",
            sql: """
                CREATE TABLE subscription_counts (
                    newsletter TEXT NOT NULL,
                    status TEXT NOT NULL,
                    subscriptions INTEGER NOT NULL,
                    PRIMARY KEY (newsletter, status)
                ) WITHOUT ROWID;
                INSERT INTO subscription_counts (newsletter, status, subscriptions)
                    SELECT newsletter, status, count(*) FROM subscriptions GROUP BY newsletter, status;
                CREATE TRIGGER subscription_counts_insert AFTER INSERT ON subscriptions BEGIN
                    INSERT INTO subscription_counts (newsletter, status, subscriptions)
                        VALUES (new.newsletter, new.status, 1)
                        ON CONFLICT (newsletter, status) DO UPDATE SET subscriptions = subscriptions + 1;
                END;
                CREATE TRIGGER subscription_counts_delete AFTER DELETE ON subscriptions BEGIN
                    UPDATE subscription_counts SET subscriptions = subscriptions - 1
                        WHERE newsletter = old.newsletter AND status = old.status;
                END;
                CREATE TRIGGER subscription_counts_update AFTER UPDATE OF newsletter, status ON subscriptions
                    WHEN old.newsletter IS NOT new.newsletter OR old.status IS NOT new.status BEGIN
                    UPDATE subscription_counts SET subscriptions = subscriptions - 1
                        WHERE newsletter = old.newsletter AND status = old.status;
                    INSERT INTO subscription_counts (newsletter, status, subscriptions)
                        VALUES (new.newsletter, new.status, 1)
                        ON CONFLICT (newsletter, status) DO UPDATE SET subscriptions = subscriptions + 1;
                END;
                CREATE TABLE consent_daily (
                    newsletter TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    action TEXT NOT NULL,
                    events INTEGER NOT NULL,
                    PRIMARY KEY (newsletter, day, action)
                ) WITHOUT ROWID;
                CREATE INDEX consent_daily_by_day ON consent_daily (day);
                INSERT INTO consent_daily (newsletter, day, action, events)
                    SELECT newsletter, occurred_at / 86400000, action, count(*) FROM consent_events
                    WHERE newsletter IS NOT NULL GROUP BY newsletter, occurred_at / 86400000, action;
                CREATE TRIGGER consent_daily_insert AFTER INSERT ON consent_events WHEN new.newsletter IS NOT NULL BEGIN
                    INSERT INTO consent_daily (newsletter, day, action, events)
                        VALUES (new.newsletter, new.occurred_at / 86400000, new.action, 1)
                        ON CONFLICT (newsletter, day, action) DO UPDATE SET events = events + 1;
                END;
                CREATE TRIGGER consent_daily_delete AFTER DELETE ON consent_events WHEN old.newsletter IS NOT NULL BEGIN
                    UPDATE consent_daily SET events = events - 1
                        WHERE newsletter = old.newsletter AND day = old.occurred_at / 86400000 AND action = old.action;
                END;
                CREATE TRIGGER consent_daily_update AFTER UPDATE OF newsletter, action, occurred_at ON consent_events
                    WHEN old.newsletter IS NOT new.newsletter OR old.action IS NOT new.action
                        OR old.occurred_at IS NOT new.occurred_at BEGIN
                    UPDATE consent_daily SET events = events - 1
                        WHERE old.newsletter IS NOT NULL AND newsletter = old.newsletter
                            AND day = old.occurred_at / 86400000 AND action = old.action;
                    INSERT INTO consent_daily (newsletter, day, action, events)
                        SELECT new.newsletter, new.occurred_at / 86400000, new.action, 1 WHERE new.newsletter IS NOT NULL
                        ON CONFLICT (newsletter, day, action) DO UPDATE SET events = events + 1;
                END;
                """),
        Migration(
            version: 17, name: "console: trigram index for the address search; consent events by time and action",
            sql: """
                DROP INDEX consent_by_time;
                CREATE INDEX consent_by_time ON consent_events (occurred_at, newsletter, action);
                CREATE TABLE trigram_positions (position INTEGER PRIMARY KEY);
                WITH RECURSIVE counter (position) AS (
                    SELECT 1 UNION ALL SELECT position + 1 FROM counter WHERE position < 1024)
                INSERT INTO trigram_positions (position) SELECT position FROM counter;
                CREATE TABLE subscriber_trigrams (
                    trigram TEXT NOT NULL,
                    subscriber_id INTEGER NOT NULL,
                    PRIMARY KEY (trigram, subscriber_id)
                ) WITHOUT ROWID;
                INSERT INTO subscriber_trigrams (trigram, subscriber_id)
                    SELECT DISTINCT substr(s.canonical_key, p.position, 3), s.id
                    FROM subscribers s JOIN trigram_positions p ON p.position <= length(s.canonical_key) - 2;
                CREATE TRIGGER subscriber_trigrams_insert AFTER INSERT ON subscribers BEGIN
                    INSERT INTO subscriber_trigrams (trigram, subscriber_id)
                        SELECT DISTINCT substr(new.canonical_key, position, 3), new.id FROM trigram_positions
                        WHERE position <= length(new.canonical_key) - 2;
                END;
                CREATE TRIGGER subscriber_trigrams_delete AFTER DELETE ON subscribers BEGIN
                    DELETE FROM subscriber_trigrams WHERE subscriber_id = old.id AND trigram IN (
                        SELECT substr(old.canonical_key, position, 3) FROM trigram_positions
                        WHERE position <= length(old.canonical_key) - 2);
                END;
                CREATE TRIGGER subscriber_trigrams_update AFTER UPDATE OF canonical_key ON subscribers
                    WHEN old.canonical_key IS NOT new.canonical_key BEGIN
                    DELETE FROM subscriber_trigrams WHERE subscriber_id = old.id AND trigram IN (
                        SELECT substr(old.canonical_key, position, 3) FROM trigram_positions
                        WHERE position <= length(old.canonical_key) - 2);
                    INSERT INTO subscriber_trigrams (trigram, subscriber_id)
                        SELECT DISTINCT substr(new.canonical_key, position, 3), new.id FROM trigram_positions
                        WHERE position <= length(new.canonical_key) - 2;
                END;
                """),
        Migration(
            version: 18, name: "subscribers' language (NULL: the newsletter's)",
            sql: "ALTER TABLE subscribers ADD COLUMN language TEXT;"),
        issueLanguages,
        digestLeases,
        deferredTrigrams,
        pendingTrigrams,
    ]

    /// The newest schema version this build knows.
    static var latestVersion: Int { all.last?.version ?? 0 }
}
