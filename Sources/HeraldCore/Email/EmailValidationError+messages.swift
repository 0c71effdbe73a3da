extension EmailValidationError.Code {
    /// A clear English sentence for the person who typed the address. Never includes the input.
    public var message: String {
        switch self {
        case .empty: "Please enter an email address."
        case .tooLong: "The email address is too long (the limit is 254 bytes)."
        case .invalidUTF8: "The email address contains bytes that are not valid UTF-8 text."
        case .controlCharacter:
            "The email address contains an invisible control character, such as a line break or tab."
        case .bidiControl: "The email address contains a hidden text-direction character."
        case .zeroWidthCharacter: "The email address contains an invisible zero-width character."
        case .lineSeparator: "The email address contains a line or paragraph separator."
        case .fullwidthAt: "The email address uses a look-alike at sign; please type a plain @."
        case .displayName:
            "Enter only the email address, without a name or angle brackets "
                + "(jane@example.com, not Jane <jane@example.com>)."
        case .comment: "Enter only the email address, without a comment in parentheses."
        case .addressList: "Enter a single email address, not a list of addresses."
        case .quotedLocalPart: "Quotation marks around the part before @ are not supported."
        case .whitespace: "An email address cannot contain spaces."
        case .missingAt: "The email address must contain an @ sign."
        case .multipleAt: "The email address must contain only one @ sign."
        case .missingLocalPart: "There must be something before the @."
        case .missingDomain: "There must be a domain after the @, such as example.com."
        case .ipLiteralDomain: "An IP address in brackets after the @ is not supported; use a domain name."
        case .localPartTooLong: "The part before @ is longer than 64 characters."
        case .localPartStartsWithDot: "The part before @ cannot start with a dot."
        case .localPartEndsWithDot: "The part before @ cannot end with a dot."
        case .localPartConsecutiveDots: "The part before @ cannot contain two dots in a row."
        case .invalidLocalPartCharacter: "The part before @ contains a character that is not allowed."
        case .invalidDomainCharacter: "The domain after @ may contain only letters, digits, hyphens and dots."
        case .domainStartsWithDot: "The domain after @ cannot start with a dot."
        case .domainEndsWithDot: "The domain after @ cannot end with a dot."
        case .domainConsecutiveDots: "The domain after @ cannot contain two dots in a row."
        case .domainLabelTooLong: "A part of the domain between dots is longer than 63 characters."
        case .domainLabelHyphen: "A part of the domain between dots cannot start or end with a hyphen."
        case .reservedDomainLabel:
            "A part of the domain cannot have two hyphens as its third and fourth characters "
                + "unless it starts with xn--."
        case .domainNeedsDot: "The domain after @ must contain a dot, such as example.com."
        case .numericTopLevelDomain: "The domain cannot end with a number."
        case .invalidTopLevelDomain: "The domain must end with a real top-level domain such as .com or .org."
        case .invalidInternationalDomain: "The international domain name after @ is not valid."
        case .specialUseDomain: "This domain is reserved for special use and cannot receive email."
        case .disposableDomain: "Addresses from disposable email services are not accepted."
        }
    }
}
