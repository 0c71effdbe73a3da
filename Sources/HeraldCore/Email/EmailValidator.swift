import Foundation

/// The validation pipeline behind ``EmailAddress/init(validating:policy:)``.
///
/// Order: cheap size guard → trim → NFC (only for non-ASCII input) → forbidden scalars and
/// shape (one pass) → total length → local part → domain (IDNA only when needed) → policy.
enum EmailValidator {
    /// Longest address in UTF-8 octets (RFC 5321 path limit of 256 minus the angle brackets).
    static let maxAddressBytes = 254
    /// Inputs longer than this are rejected before any other work.
    static let maxRawInputBytes = 64 * 1024
    /// Trimmed inputs longer than this cannot normalize to a valid address; rejected before NFC.
    static let maxTrimmedInputBytes = 4 * maxAddressBytes

    static func validate(
        _ input: String, policy: EmailValidationPolicy, suggest: Bool
    ) throws(EmailValidationError) -> EmailAddress {
        let typed = try prepared(input)
        do {
            return try typed.withEmailBytes { bytes throws(EmailValidationError) in
                try parse(bytes, typed: typed, policy: policy)
            }
        } catch {
            guard suggest, error.code.mayHaveTypoSuggestion else { throw error }
            throw error.suggesting(EmailTypoSuggester.suggestion(for: typed, policy: policy))
        }
    }

    /// The trimmed, NFC-normalized input, or a size/emptiness error.
    static func prepared(_ input: String) throws(EmailValidationError) -> String {
        guard input.utf8.count <= maxRawInputBytes else { throw EmailValidationError(.tooLong) }
        let trimmed = trimmingWhitespace(input)
        guard !trimmed.isEmpty else { throw EmailValidationError(.empty) }
        guard trimmed.utf8.count <= maxTrimmedInputBytes else { throw EmailValidationError(.tooLong) }
        let isWhole = trimmed.startIndex == input.startIndex && trimmed.endIndex == input.endIndex
        let text = isWhole ? input : String(trimmed)
        let isASCII = text.withEmailBytes { EmailASCII.isASCII($0) }
        return isASCII ? text : text.precomposedStringWithCanonicalMapping
    }

    /// `text` without leading and trailing Unicode white space.
    static func trimmingWhitespace(_ text: String) -> Substring {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
            !EmailASCII.isSpace(first), !EmailASCII.isSpace(last)
        {
            return text[...]
        }
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, EmailScalars.isWhitespace(scalars[start].value) { start = scalars.index(after: start) }
        while start < end {
            let before = scalars.index(before: end)
            guard EmailScalars.isWhitespace(scalars[before].value) else { break }
            end = before
        }
        // Slicing the scalar view keeps a leading mark from being glued back onto a trimmed space.
        return Substring(scalars[start..<end])
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, typed: String, policy: EmailValidationPolicy
    ) throws(EmailValidationError) -> EmailAddress {
        let shape = try EmailShape.scan(bytes)
        let at = try shape.atIndex(in: bytes)
        // The 254-octet limit applies to the SMTP form (checked below): a Unicode domain can be
        // longer as typed than as A-labels, and both spellings of a mailbox must be accepted alike.
        let localBytes = UnsafeBufferPointer(rebasing: bytes[..<at])
        let domainBytes = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
        let local = try EmailLocalPart.check(localBytes)
        let domain = try EmailDomain.check(domainBytes, isASCII: shape.lastNonASCII < at)
        let forms = EmailAddressForms(bytes: bytes, at: at, typed: typed, local: local, domain: domain)
        guard forms.smtpAddress.utf8.count <= maxAddressBytes else { throw EmailValidationError(.tooLong) }
        if let blocked = policy.blockedDomains, blocked.contains(domain: forms.asciiDomain) {
            throw EmailValidationError(.disposableDomain)
        }
        return EmailAddress(
            typed: typed, smtpAddress: forms.smtpAddress, displayAddress: forms.displayAddress,
            canonicalKey: forms.canonicalKey, requiresSMTPUTF8: local.requiresSMTPUTF8)
    }
}

extension EmailValidationError.Code {
    /// Errors found in the domain, where a near-miss of a popular mailbox domain is likely a typo.
    var mayHaveTypoSuggestion: Bool {
        switch self {
        case .invalidDomainCharacter, .domainStartsWithDot, .domainEndsWithDot, .domainConsecutiveDots,
            .domainLabelTooLong, .domainLabelHyphen, .reservedDomainLabel, .domainNeedsDot,
            .numericTopLevelDomain, .invalidTopLevelDomain, .invalidInternationalDomain, .specialUseDomain:
            true
        default:
            false
        }
    }
}
