import Foundation

/// Builds the stored forms of a validated address, sharing the typed string's storage whenever
/// a form is byte-for-byte identical to it (the common all-lowercase ASCII case allocates nothing).
struct EmailAddressForms {
    let smtpAddress: String
    let displayAddress: String
    let canonicalKey: String
    /// The A-label domain, computed only when asked for.
    var asciiDomain: String {
        let utf8 = smtpAddress.utf8
        return String(smtpAddress[utf8.index(utf8.startIndex, offsetBy: atOffset + 1)...])
    }
    private let atOffset: Int

    init(
        bytes: UnsafeBufferPointer<UInt8>, at: Int, typed: String,
        local: EmailLocalPart.Facts, domain: EmailDomain.Validated
    ) {
        atOffset = at
        let localBytes = UnsafeBufferPointer(rebasing: bytes[..<at])
        let smtp: String
        if let converted = domain.convertedASCII {
            smtp = String(emailBytes: localBytes) + "@" + converted
        } else if domain.needsLowercasing {
            smtp = Self.lowercasingASCII(bytes, from: at + 1)
        } else {
            smtp = typed
        }
        smtpAddress = smtp
        displayAddress = domain.unicode.map { String(emailBytes: localBytes) + "@" + $0 } ?? smtp
        if local.requiresSMTPUTF8 {
            let lowered = String(emailBytes: localBytes).lowercased().precomposedStringWithCanonicalMapping
            canonicalKey = lowered + Self.suffix(of: smtp, from: at)
        } else if !local.hasUppercase {
            canonicalKey = smtp
        } else if domain.convertedASCII == nil {
            canonicalKey = Self.lowercasingASCII(bytes, from: 0)
        } else {
            canonicalKey = Self.lowercasingASCII(localBytes, from: 0) + Self.suffix(of: smtp, from: at)
        }
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
