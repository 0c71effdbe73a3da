/// An address in a From, To or Reply-To header, with an optional display name.
///
/// `address` is a bare addr-spec (`news@example.org`), never `Name <addr>`;
/// the assembler rejects anything that could change the header's structure.
public struct Mailbox: Sendable, Hashable {
    /// The human-readable name shown by mail clients; any Unicode text without control characters.
    public var displayName: String?
    /// The bare address (`local@domain`); non-ASCII makes the message require SMTPUTF8.
    public var address: String

    /// Creates a mailbox from a bare address and an optional display name.
    public init(displayName: String? = nil, address: String) {
        self.displayName = displayName
        self.address = address
    }
}
