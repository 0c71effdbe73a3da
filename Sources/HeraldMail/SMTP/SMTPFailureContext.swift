/// What a failure message needs to say where it happened, without secrets.
package struct SMTPFailureContext: Sendable, Equatable {
    /// `host:port`.
    package var endpoint: String
    /// The AUTH user, if any (never the password).
    package var username: String?
    /// The CA file in use, if not the system store.
    package var caFile: String?

    package init(endpoint: String, username: String? = nil, caFile: String? = nil) {
        self.endpoint = endpoint
        self.username = username
        self.caFile = caFile
    }
}
