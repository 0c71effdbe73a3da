extension SQLiteMigrations {
    /// Version 19: one digest issue per (newsletter, period, language), and the articles each
    /// language's issues have sent.
    ///
    /// SQLite cannot change a UNIQUE constraint or a primary key in place, so `digest_issues` and
    /// `digest_articles_sent` are rebuilt: every row keeps its id, so deliveries, clicks and opens
    /// (which refer to issues by id) stay attached. Rows from before get the language `''`, which
    /// storing the newsletter (at every start) turns into the newsletter's language.
    static let issueLanguages = Migration(
        version: 19, name: "digest issues and sent articles per language",
        sql: """
            CREATE TABLE digest_issues_by_language (
                id INTEGER PRIMARY KEY,
                newsletter TEXT NOT NULL REFERENCES newsletters(slug),
                period TEXT NOT NULL,
                language TEXT NOT NULL DEFAULT '',
                articles TEXT NOT NULL CHECK (json_valid(articles)),
                created_at INTEGER NOT NULL,
                completed_at INTEGER,
                lease_owner TEXT,
                lease_until INTEGER,
                UNIQUE (newsletter, period, language)
            );
            INSERT INTO digest_issues_by_language
                (id, newsletter, period, language, articles, created_at, completed_at, lease_owner, lease_until)
                SELECT id, newsletter, period, '', articles, created_at, completed_at, lease_owner, lease_until
                FROM digest_issues;
            DROP TABLE digest_issues;
            ALTER TABLE digest_issues_by_language RENAME TO digest_issues;
            CREATE INDEX digest_issues_archive ON digest_issues (newsletter, language, completed_at, id);
            CREATE TABLE digest_articles_sent_by_language (
                newsletter TEXT NOT NULL,
                language TEXT NOT NULL DEFAULT '',
                identity TEXT NOT NULL,
                link_identity TEXT,
                issue_id INTEGER NOT NULL REFERENCES digest_issues(id) ON DELETE CASCADE,
                PRIMARY KEY (newsletter, language, identity)
            ) WITHOUT ROWID;
            INSERT INTO digest_articles_sent_by_language (newsletter, language, identity, link_identity, issue_id)
                SELECT newsletter, '', identity, link_identity, issue_id FROM digest_articles_sent;
            DROP TABLE digest_articles_sent;
            ALTER TABLE digest_articles_sent_by_language RENAME TO digest_articles_sent;
            CREATE INDEX digest_articles_by_link ON digest_articles_sent (newsletter, language, link_identity);
            """,
        rebuildsTables: true)
}
