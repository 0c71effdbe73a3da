/// Builds the stored forms of a validated address, sharing the typed string's storage whenever
/// a form is byte-for-byte identical to it (the common all-lowercase ASCII case allocates nothing).
enum EmailAddressForms {
    /// The address whose trimmed, NFC-normalized text is `bytes` (also given as `typed`), with
    /// its @ at offset `at`, after its local part and domain were found valid.
    static func address(
        bytes: UnsafeBufferPointer<UInt8>, at: Int, typed: String,
        local: EmailLocalPart.Facts, domain: EmailDomain.Validated
    ) -> EmailAddress {
        let localBytes = UnsafeBufferPointer(rebasing: bytes[..<at])
        let smtp: String
        if let converted = domain.convertedASCII {
            smtp = String(emailBytes: localBytes) + "@" + converted
        } else if domain.needsLowercasing {
            smtp = lowercasingASCII(bytes, from: at + 1)
        } else {
            smtp = typed
        }
        let display = domain.unicode.map { String(emailBytes: localBytes) + "@" + $0 } ?? smtp
        let canonicalKey: String
        if local.requiresSMTPUTF8 {
            let lowered = EmailUnicodeText.nfc(String(emailBytes: localBytes).lowercased())
            canonicalKey = lowered + suffix(of: smtp, from: at)
        } else if !local.hasUppercase {
            canonicalKey = smtp
        } else if domain.convertedASCII == nil {
            canonicalKey = lowercasingASCII(bytes, from: 0)
        } else {
            canonicalKey = lowercasingASCII(localBytes, from: 0) + suffix(of: smtp, from: at)
        }
        return EmailAddress(
            typed: typed, smtpAddress: smtp, displayAddress: display, canonicalKey: canonicalKey,
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
