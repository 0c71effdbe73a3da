/// Validation of the part before the @: an RFC 5322 dot-atom, optionally internationalized
/// (RFC 6531) with Unicode letters, marks and digits.
enum EmailLocalPart {
    /// The maximum length of a local part in UTF-8 octets (RFC 5321 §4.5.3.1.1).
    static let maxBytes = 64

    /// What the caller needs to know about a valid local part.
    struct Facts {
        /// The local part contains non-ASCII characters, so mail to it needs SMTPUTF8.
        var requiresSMTPUTF8 = false
        /// The local part contains an ASCII capital letter.
        var hasUppercase = false
    }

    /// Validates `local` (non-empty NFC UTF-8) or throws the first problem found.
    static func check(_ local: UnsafeBufferPointer<UInt8>) throws(EmailValidationError) -> Facts {
        guard local.count <= maxBytes else { throw EmailValidationError(.localPartTooLong) }
        guard local[0] != EmailASCII.dot else { throw EmailValidationError(.localPartStartsWithDot) }
        var facts = Facts()
        var atSegmentStart = true
        var seen: UInt8 = 0
        var index = 0
        while index < local.count {
            let byte = local[index]
            let flags = EmailByteClass.of(byte)
            if flags & EmailByteClass.atext != 0 {
                seen |= flags
                atSegmentStart = false
                index += 1
            } else if byte == EmailASCII.dot {
                guard !atSegmentStart else { throw EmailValidationError(.localPartConsecutiveDots) }
                atSegmentStart = true
                index += 1
            } else if byte >= 0x80 {
                index += try scalarLength(local, at: index, atSegmentStart: atSegmentStart)
                facts.requiresSMTPUTF8 = true
                atSegmentStart = false
            } else {
                throw EmailValidationError(.invalidLocalPartCharacter)
            }
        }
        facts.hasUppercase = seen & EmailByteClass.upper != 0
        guard !atSegmentStart else { throw EmailValidationError(.localPartEndsWithDot) }
        return facts
    }

    /// Checks the non-ASCII scalar at `index` and returns its length in bytes. Kept out of line:
    /// the Unicode property lookups it needs would otherwise weigh on every ASCII local part.
    @inline(never)
    private static func scalarLength(
        _ local: UnsafeBufferPointer<UInt8>, at index: Int, atSegmentStart: Bool
    ) throws(EmailValidationError) -> Int {
        let (value, length) = EmailScalars.decode(local, at: index)
        let (allowed, isMark) = EmailScalars.isAllowedInLocalPart(value)
        // A combining mark must follow the character it modifies.
        guard allowed, !(isMark && atSegmentStart) else { throw EmailValidationError(.invalidLocalPartCharacter) }
        return length
    }
}
