extension EmailAddress {
    /// Validates `input` exactly like ``init(validating:policy:)``, but always along the general
    /// path (Unicode white space trimming, NFC, scalar checks) that non-ASCII input takes, even
    /// when `input` is ASCII.
    ///
    /// For tests that hold the ASCII fast path to the general one; production code should use
    /// ``init(validating:policy:)``, which gives the same result faster.
    package static func validatedAlongGeneralPath(
        _ input: String, policy: EmailValidationPolicy = .default
    ) throws(EmailValidationError) -> EmailAddress {
        try EmailValidator.validateGeneral(input, policy: policy, suggest: true)
    }
}
