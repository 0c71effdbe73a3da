extension PostgresMigrations {
    /// Version 19: one digest issue per (newsletter, period, language), and the articles each
    /// language's issues have sent. Rows from before get the language `''`, which storing the
    /// newsletter (at every start) turns into the newsletter's language.
    static let issueLanguages = Migration(
        version: 19, name: "digest issues and sent articles per language",
        statements: [
            "ALTER TABLE digest_issues ADD COLUMN language TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE digest_issues DROP CONSTRAINT digest_issues_newsletter_period_key",
            """
            ALTER TABLE digest_issues ADD CONSTRAINT digest_issues_newsletter_period_language_key
                UNIQUE (newsletter, period, language)
            """,
            "DROP INDEX digest_issues_archive",
            "CREATE INDEX digest_issues_archive ON digest_issues (newsletter, language, completed_at, id)",
            "ALTER TABLE digest_articles_sent ADD COLUMN language TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE digest_articles_sent DROP CONSTRAINT digest_articles_sent_pkey",
            "ALTER TABLE digest_articles_sent ADD PRIMARY KEY (newsletter, language, identity)",
            "DROP INDEX digest_articles_by_link",
            "CREATE INDEX digest_articles_by_link ON digest_articles_sent (newsletter, language, link_identity)",
        ])
}
