/// A validated, normalized email address that a person can subscribe with.
///
/// An `EmailAddress` can only be made by validation, so holding one means the address is a
/// single bare `local@domain` with a dot-atom (or internationalized) local part and a real-looking
/// domain name. Equality compares every form; use ``canonicalKey`` to decide whether two
/// addresses belong to the same person.
public struct EmailAddress: Sendable, Hashable {
    /// The input as the person typed it, trimmed and NFC-normalized, in its original case.
    /// For display next to what they entered and for storage.
    public let typed: String
    /// `local@domain` with the domain lowercased in ASCII (IDNA A-labels): what SMTP needs.
    public var smtpAddress: String { smtpForm ?? typed }
    /// `local@domain` with the domain in lowercase Unicode, for showing to people.
    public var displayAddress: String { displayForm ?? smtpAddress }
    /// The uniqueness key: the whole address lowercased (Unicode local parts too), domain as
    /// A-labels. Two spellings of one mailbox, such as `Jane@Gmail.com` and `jane@gmail.com`,
    /// share it.
    public var canonicalKey: String { keyForm ?? smtpAddress }
    /// Whether the local part is non-ASCII, so delivery needs a server supporting SMTPUTF8.
    public let requiresSMTPUTF8: Bool

    // Each form is stored only when it differs from the one it derives from (`nil` otherwise), so
    // a typical address holds one string: one allocation to make and one release to free.
    private let smtpForm: String?
    private let displayForm: String?
    private let keyForm: String?

    /// An address from its forms; `nil` for a form means "the same as" (``smtpAddress``: as
    /// ``typed``; ``displayAddress`` and ``canonicalKey``: as ``smtpAddress``).
    init(typed: String, smtp: String?, display: String?, canonicalKey: String?, requiresSMTPUTF8: Bool) {
        self.typed = typed
        self.smtpForm = smtp
        self.displayForm = display
        self.keyForm = canonicalKey
        self.requiresSMTPUTF8 = requiresSMTPUTF8
    }

    /// Equal when every form is equal (however the forms are stored).
    public static func == (lhs: EmailAddress, rhs: EmailAddress) -> Bool {
        lhs.typed == rhs.typed && lhs.smtpAddress == rhs.smtpAddress && lhs.displayAddress == rhs.displayAddress
            && lhs.canonicalKey == rhs.canonicalKey && lhs.requiresSMTPUTF8 == rhs.requiresSMTPUTF8
    }

    /// Hashes every form, consistently with ``==(_:_:)``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(typed)
        hasher.combine(smtpAddress)
        hasher.combine(displayAddress)
        hasher.combine(canonicalKey)
        hasher.combine(requiresSMTPUTF8)
    }

    /// Validates `input` (surrounding white space is ignored) and normalizes it.
    ///
    /// - Throws: ``EmailValidationError`` naming the first problem found; when the domain looks
    ///   like a typo of a popular mailbox domain, the error also carries a suggestion.
    public init(validating input: String, policy: EmailValidationPolicy = .default) throws(EmailValidationError) {
        self = try EmailValidator.validate(input, policy: policy, suggest: true)
    }

    /// Validates raw bytes, such as a line of an uploaded file, that should be UTF-8 text.
    ///
    /// - Throws: ``EmailValidationError`` with code `invalid_utf8` when `bytes` is not valid
    ///   UTF-8, otherwise as ``init(validating:policy:)``.
    @inlinable
    public init(validatingUTF8 bytes: some Collection<UInt8>, policy: EmailValidationPolicy = .default)
        throws(EmailValidationError)
    {
        // Inlined so that callers hand contiguous bytes straight to the non-generic validator.
        var failure: EmailValidationError?
        let validated = bytes.withContiguousStorageIfAvailable { buffer in
            EmailValidator.capturing(&failure) { () throws(EmailValidationError) in
                try EmailValidator.validate(utf8: buffer, policy: policy, suggest: true)
            }
        }
        if let failure { throw failure }
        if let address = validated ?? nil {
            self = address
        } else {
            self = try Self(copyingUTF8: bytes, policy: policy)
        }
    }

    /// ``init(validatingUTF8:policy:)`` for collections without contiguous storage: copies them.
    @usableFromInline
    init(copyingUTF8 bytes: some Collection<UInt8>, policy: EmailValidationPolicy) throws(EmailValidationError) {
        guard bytes.count <= EmailValidator.maxRawInputBytes else { throw EmailValidationError(.tooLong) }
        try self.init(validatingUTF8: Array(bytes), policy: policy)
    }

    /// A likely intended address when `input` looks like a typo of a popular mailbox domain
    /// ("jane@gmial.com" → "jane@gmail.com"), or `nil`.
    ///
    /// Works for valid inputs too, since a typo'd domain is often syntactically valid. The
    /// suggestion is always a valid address; it is meant to be offered, never applied silently.
    public static func suggestion(for input: String) -> String? {
        EmailTypoSuggester.suggestion(for: input, policy: .default)
    }

    /// ``suggestion(for:)`` whose suggestion is also valid under `policy` (not a blocked domain).
    public static func suggestion(for input: String, policy: EmailValidationPolicy) -> String? {
        EmailTypoSuggester.suggestion(for: input, policy: policy)
    }

    /// The part before the @, exactly as typed.
    public var localPart: String {
        String(smtpAddress[..<atIndex])
    }

    /// The domain in lowercase ASCII (A-label) form.
    public var asciiDomain: String {
        String(smtpAddress[smtpAddress.index(after: atIndex)...])
    }

    private var atIndex: String.Index {
        // Valid addresses contain exactly one @, and it is ASCII.
        smtpAddress.utf8.firstIndex(of: EmailASCII.at) ?? smtpAddress.endIndex
    }
}
