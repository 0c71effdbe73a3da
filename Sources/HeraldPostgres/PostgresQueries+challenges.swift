extension PostgresQueries {
    // MARK: Spent signup challenges
    /// Forgets spent challenges that expired (they cannot be sent again anyway).
    static let forgetExpiredChallenges = "DELETE FROM spent_challenges WHERE expires_at < $1"
    /// Records a spent challenge; returns no row when it is there already (a concurrent insert of
    /// the same challenge waits for the first to commit, then returns none).
    static let spendChallenge = """
        INSERT INTO spent_challenges (digest, expires_at) VALUES ($1, $2)
        ON CONFLICT (digest) DO NOTHING
        RETURNING digest
        """
}
