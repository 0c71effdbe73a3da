/// The validation pipeline behind ``EmailAddress/init(validating:policy:)``.
///
/// Order: cheap size guard → trim → NFC (only for non-ASCII input) → forbidden scalars and
/// shape (one pass) → total length → local part → domain (IDNA only when needed) → policy.
///
/// All-ASCII input (almost every real address) takes a shorter road to the same result: it is
/// trimmed and checked as bytes, and a `String` is made only for a valid address (or for the typo
/// suggester), since NFC and the Unicode white space and scalar rules cannot change ASCII text.
/// Other input goes through ``validateGeneral(_:policy:suggest:)``, which handles any text;
/// a randomized test checks that both give the same result for ASCII input.
@usableFromInline
enum EmailValidator {
    /// Longest address in UTF-8 octets (RFC 5321 path limit of 256 minus the angle brackets).
    static let maxAddressBytes = 254
    /// Inputs longer than this are rejected before any other work.
    static let maxRawInputBytes = 64 * 1024
    /// Trimmed inputs longer than this cannot normalize to a valid address; rejected before NFC.
    static let maxTrimmedInputBytes = 4 * maxAddressBytes

    /// Validates `input`: along the ASCII path when it is all ASCII, else along the general path.
    static func validate(
        _ input: String, policy: EmailValidationPolicy, suggest: Bool
    ) throws(EmailValidationError) -> EmailAddress {
        guard input.utf8.count <= maxRawInputBytes else { throw EmailValidationError(.tooLong) }
        var failure: EmailValidationError?
        let ascii = input.utf8.withContiguousStorageIfAvailable { bytes -> EmailAddress? in
            guard EmailASCII.isASCII(bytes) else { return nil }
            return capturing(&failure) { () throws(EmailValidationError) in
                try validateASCII(bytes, whole: input, policy: policy, suggest: suggest)
            }
        }
        if let failure { throw failure }
        if let address = ascii ?? nil { return address }
        return try validateGeneral(input, policy: policy, suggest: suggest)
    }

    /// Validates bytes that should be UTF-8 text (`invalid_utf8` when they are not).
    @usableFromInline
    static func validate(
        utf8 bytes: UnsafeBufferPointer<UInt8>, policy: EmailValidationPolicy, suggest: Bool
    ) throws(EmailValidationError) -> EmailAddress {
        guard bytes.count <= maxRawInputBytes else { throw EmailValidationError(.tooLong) }
        if EmailASCII.isASCII(bytes) { return try validateASCII(bytes, whole: nil, policy: policy, suggest: suggest) }
        guard let text = String(validatingEmailBytes: bytes) else { throw EmailValidationError(.invalidUTF8) }
        return try validateGeneral(text, policy: policy, suggest: suggest)
    }

    /// The result of `body`, or `nil` after storing its error in `failure`: for running the
    /// validator inside standard library closures, which rethrow only untyped errors.
    @usableFromInline
    static func capturing(
        _ failure: inout EmailValidationError?, _ body: () throws(EmailValidationError) -> EmailAddress
    ) -> EmailAddress? {
        do throws(EmailValidationError) {
            return try body()
        } catch {
            failure = error
            return nil
        }
    }

    /// The general path, for any input: Unicode trimming, NFC, then ``parse(_:typed:policy:)``.
    static func validateGeneral(
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

    /// The ASCII path: `raw` holds only ASCII bytes; `whole` is the same text as a `String`, if
    /// the caller has one (it becomes ``EmailAddress/typed`` when nothing is trimmed).
    private static func validateASCII(
        _ raw: UnsafeBufferPointer<UInt8>, whole: String?, policy: EmailValidationPolicy, suggest: Bool
    ) throws(EmailValidationError) -> EmailAddress {
        guard raw.count <= maxRawInputBytes else { throw EmailValidationError(.tooLong) }
        // The ASCII members of Unicode White_Space are exactly EmailASCII.isSpace.
        var start = 0
        var end = raw.count
        while start < end, EmailASCII.isSpace(raw[start]) { start += 1 }
        while start < end, EmailASCII.isSpace(raw[end - 1]) { end -= 1 }
        guard start < end else { throw EmailValidationError(.empty) }
        guard end - start <= maxTrimmedInputBytes else { throw EmailValidationError(.tooLong) }
        let bytes = UnsafeBufferPointer(rebasing: raw[start..<end])
        let typed = start == 0 && end == raw.count ? whole : nil
        do {
            return try parse(bytes, typed: typed, policy: policy)
        } catch {
            guard suggest, error.code.mayHaveTypoSuggestion else { throw error }
            throw error.suggesting(EmailTypoSuggester.suggestion(forTrimmed: bytes, policy: policy))
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
        return isASCII ? text : EmailUnicodeText.nfc(text)
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

    /// Checks trimmed, NFC-normalized `bytes`; `typed` is the same text as a `String`, or `nil`
    /// to make it from `bytes` once the address is known to be valid.
    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, typed: String?, policy: EmailValidationPolicy
    ) throws(EmailValidationError) -> EmailAddress {
        let shape = try EmailShape.scan(bytes)
        let at = try shape.atIndex(in: bytes)
        // The 254-octet limit applies to the SMTP form (checked below): a Unicode domain can be
        // longer as typed than as A-labels, and both spellings of a mailbox must be accepted alike.
        let localBytes = UnsafeBufferPointer(rebasing: bytes[..<at])
        let domainBytes = UnsafeBufferPointer(rebasing: bytes[(at + 1)...])
        let local = try EmailLocalPart.check(localBytes)
        let domain = try EmailDomain.check(domainBytes, isASCII: shape.lastNonASCII < at)
        // The SMTP form is the local part, the @ and the A-label domain (the typed bytes, lowercased, when ASCII).
        let smtpCount = at + 1 + (domain.convertedASCII?.utf8.count ?? domainBytes.count)
        guard smtpCount <= maxAddressBytes else { throw EmailValidationError(.tooLong) }
        let typed = typed ?? String(emailBytes: bytes)
        let address = EmailAddressForms.address(bytes: bytes, at: at, typed: typed, local: local, domain: domain)
        if let blocked = policy.blockedDomains, blocked.contains(domain: address.asciiDomain) {
            throw EmailValidationError(.disposableDomain)
        }
        return address
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
