import CIDN2

/// IDNA 2008 / UTS #46 (non-transitional) conversion between Unicode and ASCII domain names,
/// backed by libidn2. Every buffer libidn2 returns is released with `idn2_free`.
enum EmailIDNA {
    /// A libidn2 failure, kept as its return code.
    struct Failure: Error, Equatable, Sendable {
        let returnCode: Int32

        /// The validation code that best explains this failure to a person.
        var code: EmailValidationError.Code {
            switch returnCode {
            case IDN2_TOO_BIG_LABEL.rawValue, IDN2_PUNYCODE_BIG_OUTPUT.rawValue: .domainLabelTooLong
            case IDN2_TOO_BIG_DOMAIN.rawValue: .tooLong
            case IDN2_HYPHEN_STARTEND.rawValue: .domainLabelHyphen
            case IDN2_2HYPHEN.rawValue: .reservedDomainLabel
            default: .invalidInternationalDomain
            }
        }
    }

    private static let flags = Int32(IDN2_NONTRANSITIONAL.rawValue | IDN2_NFC_INPUT.rawValue)

    /// Recent results of ``toASCII(_:)`` and ``roundTrippedUnicode(_:)`` (see ``UTF8KeyedMemo``).
    private static let toASCIIMemo = UTF8KeyedMemo<Result<String, Failure>>(capacity: 1024)
    private static let roundTripMemo = UTF8KeyedMemo<Result<String, Failure>>(capacity: 1024)

    /// The lowercase A-label (punycode) form of `domain`, which may mix Unicode and ASCII labels.
    static func toASCII(_ domain: String) -> Result<String, Failure> {
        toASCIIMemo.value(for: domain, convert: convertToASCII)
    }

    private static func convertToASCII(_ domain: String) -> Result<String, Failure> {
        var output: UnsafeMutablePointer<CChar>?
        let returnCode = idn2_to_ascii_8z(domain, &output, flags)
        defer { idn2_free(output) }
        guard returnCode == IDN2_OK.rawValue, let output else { return .failure(Failure(returnCode: returnCode)) }
        return .success(String(cString: output))
    }

    /// The Unicode form of an ASCII domain whose `xn--` labels are decoded.
    ///
    /// libidn2's decoder does not itself validate, so callers check that the result converts
    /// back to the same A-labels (see ``roundTrippedUnicode(_:)``).
    static func toUnicode(_ asciiDomain: String) -> Result<String, Failure> {
        var output: UnsafeMutablePointer<CChar>?
        let returnCode = idn2_to_unicode_8z8z(asciiDomain, &output, 0)
        defer { idn2_free(output) }
        guard returnCode == IDN2_OK.rawValue, let output else { return .failure(Failure(returnCode: returnCode)) }
        return .success(String(cString: output))
    }

    /// The Unicode form of a lowercase ASCII domain containing `xn--` labels, provided those
    /// labels are valid IDNA: decoding and re-encoding must give back exactly `asciiDomain`.
    static func roundTrippedUnicode(_ asciiDomain: String) -> Result<String, Failure> {
        roundTripMemo.value(for: asciiDomain, convert: convertRoundTrip)
    }

    private static func convertRoundTrip(_ asciiDomain: String) -> Result<String, Failure> {
        switch toUnicode(asciiDomain) {
        case .failure(let failure):
            return .failure(failure)
        case .success(let unicode):
            guard case .success(let again) = convertToASCII(unicode), again == asciiDomain else {
                return .failure(Failure(returnCode: IDN2_ALABEL_ROUNDTRIP_FAILED.rawValue))
            }
            return .success(unicode)
        }
    }
}
