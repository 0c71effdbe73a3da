/// Why a `MailMessage` could not be turned into an RFC 5322 message. Always names the offending header.
public struct MessageAssemblyError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Reason: Sendable, Equatable {
        case forbiddenCharacter
        case invalidAddress
        case invalidHeaderName
        case reservedHeaderName
        case invalidValue
        case missingRecipient
        case lineTooLong
    }

    private let reason: Reason
    /// The header (or envelope field such as `Return-Path`) whose value was rejected.
    public let header: String

    private init(_ reason: Reason, _ header: String) {
        self.reason = reason
        self.header = header
    }

    /// A CR, LF or other control character (C0, DEL, C1, U+2028, U+2029) would let a value inject headers.
    public static func forbiddenCharacter(in header: String) -> Self { .init(.forbiddenCharacter, header) }
    /// The address is not a bare `local@domain` addr-spec.
    public static func invalidAddress(in header: String) -> Self { .init(.invalidAddress, header) }
    /// An extra header's name is empty or has characters not allowed in a field name.
    public static func invalidHeaderName(_ header: String) -> Self { .init(.invalidHeaderName, header) }
    /// An extra header would replace one the assembler writes itself (From, Subject, Content-Type, ...).
    public static func reservedHeaderName(_ header: String) -> Self { .init(.reservedHeaderName, header) }
    /// The value has the wrong shape for its header (a list id without a dot, a non-HTTPS one-click URL, ...).
    public static func invalidValue(in header: String) -> Self { .init(.invalidValue, header) }
    /// The message has no recipient.
    public static func missingRecipient(in header: String) -> Self { .init(.missingRecipient, header) }
    /// A value cannot be folded into lines of at most 998 octets.
    public static func lineTooLong(in header: String) -> Self { .init(.lineTooLong, header) }

    public var description: String {
        switch reason {
        case .forbiddenCharacter: "header \(header): contains a line break or control character"
        case .invalidAddress: "header \(header): not a bare email address (local@domain)"
        case .invalidHeaderName: "header name \(String(reflecting: header)) is not a valid field name"
        case .reservedHeaderName: "header \(header) is written by the assembler and cannot be given as an extra header"
        case .invalidValue: "header \(header): invalid value"
        case .missingRecipient: "header \(header): at least one recipient is required"
        case .lineTooLong: "header \(header): value too long to fold into 998-octet lines"
        }
    }
}
