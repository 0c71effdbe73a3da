/// Why an input was not accepted as an email address.
///
/// Every rejection carries a stable machine-readable ``code`` (its `rawValue` is snake_case and
/// never changes, so clients and logs can rely on it), a human ``message`` in plain English, and,
/// when the address looks like a typo of a common mailbox provider, a ``suggestion`` to offer
/// ("Did you mean jane@gmail.com?"). The suggestion is never applied automatically.
public struct EmailValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message a sign-up form can show when it does not want to explain the exact reason.
    public static let genericMessage = "Please enter a valid email address."

    /// What exactly is wrong with the input.
    public let code: Code
    /// A corrected address to offer the person, when the input looks like a typo of a common
    /// mailbox domain; `nil` otherwise. Always itself a valid address.
    public let suggestion: String?

    /// Creates an error with the given code and optional typo suggestion.
    public init(_ code: Code, suggestion: String? = nil) {
        self.code = code
        self.suggestion = suggestion
    }

    /// A clear English sentence explaining this error to the person who typed the address.
    public var message: String { code.message }

    /// The code and message; never contains the rejected input.
    public var description: String { "email: \(code.rawValue): \(message)" }

    /// The same error with `suggestion` attached.
    func suggesting(_ suggestion: String?) -> EmailValidationError {
        EmailValidationError(code, suggestion: suggestion)
    }
}

extension EmailValidationError {
    /// Stable machine codes, one per kind of rejection.
    public enum Code: String, Sendable, CaseIterable, Codable {
        // Whole input
        case empty
        case tooLong = "too_long"
        case invalidUTF8 = "invalid_utf8"
        case controlCharacter = "control_character"
        case bidiControl = "bidi_control"
        case zeroWidthCharacter = "zero_width_character"
        case lineSeparator = "line_separator"
        case fullwidthAt = "fullwidth_at"
        // Shape: something other than one bare address
        case displayName = "display_name"
        case comment
        case addressList = "address_list"
        case quotedLocalPart = "quoted_local_part"
        case whitespace
        case missingAt = "missing_at"
        case multipleAt = "multiple_at"
        case missingLocalPart = "missing_local_part"
        case missingDomain = "missing_domain"
        case ipLiteralDomain = "ip_literal_domain"
        // Local part
        case localPartTooLong = "local_part_too_long"
        case localPartStartsWithDot = "local_part_starts_with_dot"
        case localPartEndsWithDot = "local_part_ends_with_dot"
        case localPartConsecutiveDots = "local_part_consecutive_dots"
        case invalidLocalPartCharacter = "invalid_local_part_character"
        // Domain
        case invalidDomainCharacter = "invalid_domain_character"
        case domainStartsWithDot = "domain_starts_with_dot"
        case domainEndsWithDot = "domain_ends_with_dot"
        case domainConsecutiveDots = "domain_consecutive_dots"
        case domainLabelTooLong = "domain_label_too_long"
        case domainLabelHyphen = "domain_label_hyphen"
        case reservedDomainLabel = "reserved_domain_label"
        case domainNeedsDot = "domain_needs_dot"
        case numericTopLevelDomain = "numeric_top_level_domain"
        case invalidTopLevelDomain = "invalid_top_level_domain"
        case invalidInternationalDomain = "invalid_international_domain"
        case specialUseDomain = "special_use_domain"
        // Policy
        case disposableDomain = "disposable_domain"
    }
}
