/// An extra header field added verbatim (after validation) to an assembled message, such as `X-Campaign-ID`.
public struct MailHeader: Sendable, Hashable {
    /// The field name; printable ASCII without `:` or spaces, and not one the assembler writes itself.
    public var name: String
    /// The field value; non-ASCII text is written as RFC 2047 encoded-words.
    public var value: String

    /// Creates an extra header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
