/// Builds the stored forms of a validated address, storing a form only when it differs from the
/// one it derives from (the common all-lowercase ASCII case stores the typed string alone).
enum EmailAddressForms {
    /// The address whose trimmed, NFC-normalized text is `bytes` (also given as `typed`), with
    /// its @ at offset `at`, after its local part and domain were found valid.
    @inline(__always)
    static func address(
        bytes: UnsafeBufferPointer<UInt8>, at: Int, typed: String,
        local: EmailLocalPart.Facts, domain: EmailDomain.Validated
    ) -> EmailAddress {
        let localBytes = UnsafeBufferPointer(rebasing: bytes[..<at])
        // `nil` for a form that is the same as the one it derives from (see EmailAddress's init).
        let smtp: String?
        if let converted = domain.convertedASCII {
            smtp = String(emailBytes: localBytes) + "@" + converted
        } else if domain.needsLowercasing {
            smtp = lowercasingASCII(bytes, from: at + 1)
        } else {
            smtp = nil
        }
        let display = domain.unicode.map { String(emailBytes: localBytes) + "@" + $0 }
        let canonicalKey: String?
        if local.requiresSMTPUTF8 {
            let lowered = EmailUnicodeText.nfc(String(emailBytes: localBytes).lowercased())
            canonicalKey = lowered + suffix(of: smtp ?? typed, from: at)
        } else if !local.hasUppercase {
            canonicalKey = nil
        } else if domain.convertedASCII == nil {
            canonicalKey = lowercasingASCII(bytes, from: 0)
        } else {
            canonicalKey = lowercasingASCII(localBytes, from: 0) + suffix(of: smtp ?? typed, from: at)
        }
        return EmailAddress(
            typed: typed, smtp: smtp, display: display, canonicalKey: canonicalKey,
            requiresSMTPUTF8: local.requiresSMTPUTF8)
    }

    /// A copy of `bytes` with ASCII capitals from offset `start` onwards lowercased.
    private static func lowercasingASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in bytes.indices {
                buffer[index] = index >= start ? EmailASCII.lowercased(bytes[index]) : bytes[index]
            }
            return bytes.count
        }
    }

    /// `text` from UTF-8 offset `offset` (an ASCII "@") to the end.
    private static func suffix(of text: String, from offset: Int) -> String {
        String(text[text.utf8.index(text.utf8.startIndex, offsetBy: offset)...])
    }
}
