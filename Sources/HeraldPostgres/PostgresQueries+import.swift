/// SQL for bulk import and export on PostgreSQL: each batch is copied (`COPY … FROM STDIN`) into a
/// temporary staging table, then written to the tables by set-based statements.
extension PostgresQueries {
    // MARK: Import
    static let importRowsTable = "import_rows"
    /// The staging table of one batch (columns: `PostgresImportRows.columns`), gone at the end of
    /// the transaction whatever happens; `dropImportRows` drops it at the end of the batch, so a
    /// transaction may import more than one.
    static let createImportRows = """
        CREATE TEMPORARY TABLE \(importRowsTable) (e text, s text, k text, n text, a text, l text, t text, c bigint,
            f bigint, g text, h text) ON COMMIT DROP
        """
    static let dropImportRows = "DROP TABLE \(importRowsTable)"
    /// The batch rows as a relation.
    static let importRows = "WITH r AS (SELECT e, s, k, n, a, l, t, c, f, g, h FROM \(importRowsTable))"
    static let importPreexisting = """
        \(importRows)
        SELECT r.k, r.l, sub.updated_at FROM r
        JOIN subscribers s ON s.canonical_key = r.k
        JOIN subscriptions sub ON sub.subscriber_id = s.id AND sub.newsletter = r.l
        """
    /// `$1`: the import time. Rows of one address carry the same name and attributes.
    static let importSubscribers = """
        \(importRows)
        INSERT INTO subscribers (email, smtp_address, canonical_key, name, attributes, language, created_at, updated_at)
        SELECT DISTINCT ON (r.k) r.e, r.s, r.k, r.n, r.a, coalesce(r.g, r.h), r.c, $1 FROM r ORDER BY r.k
        ON CONFLICT (canonical_key) DO UPDATE SET name = coalesce(excluded.name, subscribers.name),
            attributes = (subscribers.attributes::jsonb || excluded.attributes::jsonb)::text,
            updated_at = excluded.updated_at
        """
    /// The languages the file names over the stored ones (run after `importSubscribers`, only
    /// when some row names one). Rows of one address carry the same language.
    static let importLanguages = """
        \(importRows)
        UPDATE subscribers s SET language = r.g FROM r WHERE r.g IS NOT NULL AND s.canonical_key = r.k
        """
    /// `$1`: the import time. Returns the subscriptions created or moved from pending to confirmed.
    static let importSubscriptions = """
        \(importRows)
        INSERT INTO subscriptions (\(subscriptionColumns))
        SELECT s.id, r.l, r.t, r.c, $1,
            CASE WHEN r.t = 'confirmed' THEN coalesce(r.f, $1) END, CASE WHEN r.t = 'unsubscribed' THEN $1 END
        FROM r JOIN subscribers s ON s.canonical_key = r.k
        ON CONFLICT (subscriber_id, newsletter) DO UPDATE SET status = 'confirmed', updated_at = excluded.updated_at,
            confirmed_at = excluded.confirmed_at
            WHERE subscriptions.status = 'pending' AND excluded.status = 'confirmed'
        RETURNING \(subscriptionColumns)
        """
    /// `$1` subscriber ids, `$2` their newsletters, `$3` source, `$4` time.
    static let importConsent = """
        INSERT INTO consent_events (subscriber_id, newsletter, action, source, occurred_at)
        SELECT id, newsletter, 'import', $3, $4 FROM unnest($1::bigint[], $2::text[]) AS c(id, newsletter)
        """

    // MARK: Export
    static let exportPage = """
        SELECT s.id, s.email, s.smtp_address, s.canonical_key, s.name, s.attributes, s.created_at, s.updated_at,
            s.language, sub.subscriber_id, sub.newsletter, sub.status, sub.created_at, sub.updated_at, sub.confirmed_at,
            sub.unsubscribed_at
        FROM subscriptions sub JOIN subscribers s ON s.id = sub.subscriber_id
        WHERE ($1::text IS NULL OR sub.newsletter = $1) AND ($2::text IS NULL OR sub.status = $2)
            AND (sub.subscriber_id > $3 OR (sub.subscriber_id = $3 AND sub.newsletter COLLATE "C" > $4))
        ORDER BY sub.subscriber_id, sub.newsletter COLLATE "C" LIMIT $5
        """
    static let exportAttributeNames = """
        SELECT DISTINCT a.key COLLATE "C" AS key FROM subscribers s, jsonb_object_keys(s.attributes::jsonb) AS a(key)
        WHERE EXISTS (SELECT 1 FROM subscriptions sub WHERE sub.subscriber_id = s.id
            AND ($1::text IS NULL OR sub.newsletter = $1) AND ($2::text IS NULL OR sub.status = $2))
        ORDER BY 1
        """
}
