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
        /// Nothing but white space was given.
        case empty
        /// The address is over 254 UTF-8 octets (in SMTP form), or the input is absurdly large.
        case tooLong = "too_long"
        /// Raw input bytes are not valid UTF-8.
        case invalidUTF8 = "invalid_utf8"
        /// A C0/C1 control character or DEL (NUL, CR, LF, TAB…) appears inside the input.
        case controlCharacter = "control_character"
        /// A bidirectional embedding, override, isolate or mark (U+202A–202E, U+2066–2069, U+200E/F, U+061C).
        case bidiControl = "bidi_control"
        /// An invisible character (zero-width space/joiners, word joiner, BOM, soft hyphen, tags).
        case zeroWidthCharacter = "zero_width_character"
        /// U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR inside the input.
        case lineSeparator = "line_separator"
        /// A look-alike of @ such as U+FF20 FULLWIDTH COMMERCIAL AT.
        case fullwidthAt = "fullwidth_at"
        /// A name or angle brackets around the address: `Jane <jane@example.com>`.
        case displayName = "display_name"
        /// An RFC 5322 comment in parentheses: `(Jane) jane@example.com`.
        case comment
        /// Several addresses separated by commas, semicolons or spaces.
        case addressList = "address_list"
        /// A quoted local part such as `"john doe"@example.com`; Herald accepts dot-atoms only.
        case quotedLocalPart = "quoted_local_part"
        /// A space or other white space inside the address.
        case whitespace
        /// No @ at all.
        case missingAt = "missing_at"
        /// More than one @.
        case multipleAt = "multiple_at"
        /// Nothing before the @.
        case missingLocalPart = "missing_local_part"
        /// Nothing after the @.
        case missingDomain = "missing_domain"
        /// A bracketed IP literal domain such as `[192.0.2.1]`.
        case ipLiteralDomain = "ip_literal_domain"
        /// The local part is over 64 UTF-8 octets.
        case localPartTooLong = "local_part_too_long"
        /// The local part starts with a dot.
        case localPartStartsWithDot = "local_part_starts_with_dot"
        /// The local part ends with a dot.
        case localPartEndsWithDot = "local_part_ends_with_dot"
        /// The local part has two dots in a row.
        case localPartConsecutiveDots = "local_part_consecutive_dots"
        /// The local part has a character outside atext, Unicode letters, marks and digits.
        case invalidLocalPartCharacter = "invalid_local_part_character"
        /// The domain has a character other than letters, digits, hyphens and dots.
        case invalidDomainCharacter = "invalid_domain_character"
        /// The domain starts with a dot.
        case domainStartsWithDot = "domain_starts_with_dot"
        /// The domain ends with a dot.
        case domainEndsWithDot = "domain_ends_with_dot"
        /// The domain has two dots in a row.
        case domainConsecutiveDots = "domain_consecutive_dots"
        /// A domain label is over 63 octets in its A-label form.
        case domainLabelTooLong = "domain_label_too_long"
        /// A domain label starts or ends with a hyphen.
        case domainLabelHyphen = "domain_label_hyphen"
        /// A label has hyphens in positions 3 and 4 but is not an `xn--` A-label.
        case reservedDomainLabel = "reserved_domain_label"
        /// The domain is a single label, such as `gmail` or `intranet`.
        case domainNeedsDot = "domain_needs_dot"
        /// The last label is all digits, such as `1.2.3.4` without brackets.
        case numericTopLevelDomain = "numeric_top_level_domain"
        /// The last label is neither letters only nor an `xn--` A-label.
        case invalidTopLevelDomain = "invalid_top_level_domain"
        /// An internationalized domain that IDNA 2008 / UTS #46 rejects, or an A-label that does not round-trip.
        case invalidInternationalDomain = "invalid_international_domain"
        /// A special-use name that cannot receive mail: `localhost`, `.test`, `.invalid`, `.example`,
        /// `.local`, `.onion`, `.arpa`, `.alt`, `.internal`.
        case specialUseDomain = "special_use_domain"
        /// The domain, or a domain it belongs to, is on the policy's blocklist.
        case disposableDomain = "disposable_domain"
    }
}
