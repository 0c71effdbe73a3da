extension SQLiteQueries {
    // MARK: Spent signup challenges
    /// Forgets spent challenges that expired (they cannot be sent again anyway).
    static let forgetExpiredChallenges = "DELETE FROM spent_challenges WHERE expires_at < ?"
    /// Records a spent challenge; changes nothing when it is there already.
    static let spendChallenge = """
        INSERT INTO spent_challenges (digest, expires_at) VALUES (?, ?) ON CONFLICT (digest) DO NOTHING
        """
}
