/// Validation of the part after the @: a DNS host name of at least two labels, given in ASCII,
/// in Unicode (converted with IDNA) or in punycode A-labels (checked to round-trip).
enum EmailDomain {
    /// The maximum length of one label in octets of its A-label form (RFC 1035).
    static let maxLabelBytes = 63

    /// A valid domain, in the forms the address needs.
    struct Validated {
        /// The typed domain is ASCII but contains capitals, so the A-label form is its lowercase.
        var needsLowercasing = false
        /// The A-label form, when the typed domain was not ASCII (otherwise it is the typed bytes).
        var convertedASCII: String?
        /// The Unicode form for display, when it differs from the A-label form.
        var unicode: String?
    }

    /// Validates `domain` (non-empty NFC UTF-8); `isASCII` says whether all its bytes are ASCII.
    static func check(_ domain: UnsafeBufferPointer<UInt8>, isASCII: Bool) throws(EmailValidationError) -> Validated {
        isASCII ? try checkASCII(domain) : try checkUnicode(domain)
    }

    private static func checkASCII(_ domain: UnsafeBufferPointer<UInt8>) throws(EmailValidationError) -> Validated {
        let facts = try checkLabels(domain)
        var result = Validated(needsLowercasing: facts.hasUppercase)
        if facts.hasALabel {
            let ascii =
                facts.hasUppercase
                ? String(decoding: domain.lazy.map(EmailASCII.lowercased), as: UTF8.self) : String(emailBytes: domain)
            switch EmailIDNA.roundTrippedUnicode(ascii) {
            case .success(let unicode): result.unicode = unicode
            case .failure: throw EmailValidationError(.invalidInternationalDomain)
            }
        }
        return result
    }

    private static func checkUnicode(_ domain: UnsafeBufferPointer<UInt8>) throws(EmailValidationError) -> Validated {
        for byte in domain where byte < 0x80 {
            let allowed = EmailASCII.isLetter(byte) || EmailASCII.isDigit(byte) || byte == EmailASCII.hyphen
            guard allowed || byte == EmailASCII.dot else { throw EmailValidationError(.invalidDomainCharacter) }
        }
        let ascii: String
        switch EmailIDNA.toASCII(String(emailBytes: domain)) {
        case .success(let converted): ascii = converted
        case .failure(let failure): throw EmailValidationError(failure.code)
        }
        // UTS #46 maps full-width dots and letters, so the label rules are checked on the result.
        _ = try ascii.withEmailBytes { bytes throws(EmailValidationError) in try checkLabels(bytes) }
        // A-labels typed next to Unicode ones pass toASCII unchanged; hold them to the ASCII path's round trip.
        guard case .success(let unicode) = EmailIDNA.roundTrippedUnicode(ascii) else {
            throw EmailValidationError(.invalidInternationalDomain)
        }
        return Validated(convertedASCII: ascii, unicode: unicode)
    }

    /// Facts about a domain whose labels are valid.
    struct LabelFacts {
        var hasUppercase = false
        var hasALabel = false
    }

    /// Checks letters-digits-hyphen labels, dots, lengths and the top-level label.
    static func checkLabels(_ domain: UnsafeBufferPointer<UInt8>) throws(EmailValidationError) -> LabelFacts {
        guard domain[0] != EmailASCII.dot else { throw EmailValidationError(.domainStartsWithDot) }
        var facts = LabelFacts()
        var seen: UInt8 = 0
        var labelStart = 0
        var labelCount = 0
        var index = 0
        while true {
            // The letters, digits and hyphens of a label, one table lookup each.
            while index < domain.count {
                let flags = EmailByteClass.of(domain[index])
                guard flags & EmailByteClass.labelCharacter != 0 else { break }
                seen |= flags
                index += 1
            }
            guard index == domain.count || domain[index] == EmailASCII.dot else {
                throw EmailValidationError(.invalidDomainCharacter)
            }
            try checkLabel(domain, labelStart..<index, facts: &facts)
            labelCount += 1
            if index == domain.count { break }
            index += 1
            labelStart = index
        }
        facts.hasUppercase = seen & EmailByteClass.upper != 0
        try checkTopLevel(UnsafeBufferPointer(rebasing: domain[labelStart...]), labelCount: labelCount)
        return facts
    }

    private static func checkLabel(
        _ domain: UnsafeBufferPointer<UInt8>, _ label: Range<Int>, facts: inout LabelFacts
    ) throws(EmailValidationError) {
        guard !label.isEmpty else {
            throw EmailValidationError(label.upperBound == domain.count ? .domainEndsWithDot : .domainConsecutiveDots)
        }
        guard label.count <= maxLabelBytes else { throw EmailValidationError(.domainLabelTooLong) }
        guard domain[label.lowerBound] != EmailASCII.hyphen, domain[label.upperBound - 1] != EmailASCII.hyphen else {
            throw EmailValidationError(.domainLabelHyphen)
        }
        let start = label.lowerBound
        if label.count >= 4, domain[start + 2] == EmailASCII.hyphen, domain[start + 3] == EmailASCII.hyphen {
            // "??--" is reserved by IDNA 2008 for tagged labels; only "xn--" (punycode) is in use.
            guard EmailASCII.lowercased(domain[start]) == UInt8(ascii: "x"),
                EmailASCII.lowercased(domain[start + 1]) == UInt8(ascii: "n")
            else { throw EmailValidationError(.reservedDomainLabel) }
            facts.hasALabel = true
        }
    }

    private static func checkTopLevel(
        _ label: UnsafeBufferPointer<UInt8>, labelCount: Int
    ) throws(EmailValidationError) {
        if SpecialUseDomains.contains(topLevel: label) { throw EmailValidationError(.specialUseDomain) }
        guard labelCount > 1 else { throw EmailValidationError(.domainNeedsDot) }
        if label.allSatisfy(EmailASCII.isDigit) { throw EmailValidationError(.numericTopLevelDomain) }
        let isALabel = label.count > 4 && label[2] == EmailASCII.hyphen && label[3] == EmailASCII.hyphen
        guard isALabel || label.allSatisfy(EmailASCII.isLetter) else {
            throw EmailValidationError(.invalidTopLevelDomain)
        }
    }
}
