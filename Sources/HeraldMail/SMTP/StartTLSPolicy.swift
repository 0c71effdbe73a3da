/// Whether a plain `smtp://` connection upgrades to TLS with STARTTLS.
public enum StartTLSPolicy: String, Sendable, Hashable, CaseIterable {
    /// Fail unless the server offers STARTTLS and the upgrade succeeds.
    case required
    /// Upgrade when the server offers STARTTLS, otherwise continue in plain text.
    case opportunistic
    /// Never upgrade.
    case never
}
