import FuzzDriver
import HeraldCore

/// libFuzzer entry point: validates the input as an email address and checks what a valid
/// address promises. A broken promise stops the run with a message (libFuzzer saves the input).

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzEmailAddress(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let address = try? EmailAddress(validatingUTF8: bytes) else {
        if let text = String(validating: bytes, as: UTF8.self) { checkSuggestion(for: text) }
        return 0
    }
    checkShape(address)
    // Validation is idempotent: every normalized form validates to the same mailbox.
    for form in [address.smtpAddress, address.displayAddress, address.typed] {
        guard let again = try? EmailAddress(validating: form) else {
            fatalError("the normalized form \(debug(form)) of a valid address is rejected")
        }
        require(again.canonicalKey == address.canonicalKey, "canonical key changes on revalidation: \(debug(form))")
        require(again.smtpAddress == address.smtpAddress, "SMTP form changes on revalidation: \(debug(form))")
    }
    checkSuggestion(for: address.typed)
    return 0
}

/// A valid address is one bare `local@domain` with nothing that could break a header or a URL.
private func checkShape(_ address: EmailAddress) {
    for form in [address.smtpAddress, address.displayAddress, address.canonicalKey] {
        require(form.utf8.filter { $0 == UInt8(ascii: "@") }.count == 1, "not exactly one @: \(debug(form))")
        require(
            !form.unicodeScalars.contains {
                $0.value < 0x21 || (0x7F...0x9F).contains($0.value) || $0.properties.isWhitespace
            },
            "control character or white space in \(debug(form))")
        require(
            !form.contains("<") && !form.contains(">") && !form.contains("\""), "address delimiter in \(debug(form))")
    }
    require(address.smtpAddress.utf8.count <= 254, "SMTP address over 254 octets: \(debug(address.smtpAddress))")
    require(
        !address.asciiDomain.isEmpty && address.asciiDomain.utf8.allSatisfy { $0 < 0x80 },
        "domain is not ASCII: \(debug(address.asciiDomain))")
    require(
        address.asciiDomain == address.asciiDomain.lowercased(), "domain not lowercased: \(debug(address.asciiDomain))")
    require(
        address.requiresSMTPUTF8 == !address.localPart.utf8.allSatisfy { $0 < 0x80 },
        "requiresSMTPUTF8 disagrees with the local part: \(debug(address.smtpAddress))")
}

/// A typo suggestion is always a valid address (the documented promise of `suggestion(for:)`).
private func checkSuggestion(for text: String) {
    guard text.utf8.count <= 1024, let suggestion = EmailAddress.suggestion(for: text) else { return }
    require((try? EmailAddress(validating: suggestion)) != nil, "suggestion \(debug(suggestion)) is not valid")
}

private func debug(_ text: String) -> String { String(reflecting: text) }
