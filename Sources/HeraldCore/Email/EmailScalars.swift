/// Unicode scalar classes the validator rejects or treats specially.
enum EmailScalars {
    /// Decodes the scalar starting at `index` of well-formed UTF-8 (any Swift string's storage).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0 {
            let value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            return (value, 3)
        }
        let value =
            (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
            | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }

    /// The rejection code for a scalar that must never appear anywhere in an address, or `nil`.
    ///
    /// Covers C0/C1 controls and DEL, bidi embeddings/overrides/isolates/marks, zero-width and
    /// other invisible format characters (including tag characters), the line and paragraph
    /// separators, and at-sign look-alikes.
    @inline(__always)
    static func forbiddenCode(_ value: UInt32) -> EmailValidationError.Code? {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: .controlCharacter
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: .bidiControl
        case 0x00AD, 0x180E, 0x200B...0x200D, 0x2060...0x2064, 0xFEFF, 0xE0000...0xE007F: .zeroWidthCharacter
        case 0x2028, 0x2029: .lineSeparator
        case 0xFF20, 0xFE6B: .fullwidthAt
        default: nil
        }
    }

    /// Unicode `White_Space` scalars (the separators not already rejected as controls).
    @inline(__always)
    static func isWhitespace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Whether a non-ASCII scalar may appear in an internationalized local part (RFC 6531):
    /// letters, combining marks and digits/numbers only.
    static func isAllowedInLocalPart(_ value: UInt32) -> (allowed: Bool, isMark: Bool) {
        guard let scalar = Unicode.Scalar(value) else { return (false, false) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return (true, false)
        case .nonspacingMark, .spacingMark, .enclosingMark:
            return (true, true)
        default:
            return (false, false)
        }
    }
}
