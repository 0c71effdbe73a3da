/// The structural characters of a trimmed, NFC-normalized input, found in one pass over its
/// UTF-8 bytes. Rejecting forbidden scalars happens during the same pass.
struct EmailShape {
    private(set) var atCount = 0
    private(set) var firstAt = -1
    private(set) var lastAt = -1
    private(set) var firstLess = -1
    private(set) var lastGreater = -1
    private(set) var hasWhitespace = false
    private(set) var hasListSeparator = false
    /// Byte offset of the last non-ASCII scalar, or -1.
    private(set) var lastNonASCII = -1

    /// Scans `bytes`, throwing on the first control, bidi, invisible, separator or look-alike @.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(EmailValidationError) -> EmailShape {
        var shape = EmailShape()
        var index = 0
        while true {
            // Most bytes of an address play no part in its shape: go straight to the next one that does.
            index = EmailShapeWords.firstShapeByte(bytes, from: index)
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte < 0x80 {
                switch byte {
                case 0x00...0x1F, 0x7F: throw EmailValidationError(.controlCharacter)
                case EmailASCII.at:
                    shape.atCount += 1
                    if shape.firstAt < 0 { shape.firstAt = index }
                    shape.lastAt = index
                case UInt8(ascii: "<"): if shape.firstLess < 0 { shape.firstLess = index }
                case UInt8(ascii: ">"): shape.lastGreater = index
                case UInt8(ascii: " "): shape.hasWhitespace = true
                case UInt8(ascii: ","), UInt8(ascii: ";"): shape.hasListSeparator = true
                default: break
                }
                index += 1
            } else {
                let (value, length) = EmailScalars.decode(bytes, at: index)
                if let code = EmailScalars.forbiddenCode(value) { throw EmailValidationError(code) }
                if EmailScalars.isWhitespace(value) { shape.hasWhitespace = true }
                shape.lastNonASCII = index
                index += length
            }
        }
        return shape
    }

    /// Checks that the input is one bare `local@domain` and returns the offset of its @.
    ///
    /// The order matters: the most specific explanation wins, so "Jane <j@x.com>" is reported as
    /// a display name rather than as containing a space.
    func atIndex(in bytes: UnsafeBufferPointer<UInt8>) throws(EmailValidationError) -> Int {
        let last = bytes.count - 1
        if firstLess >= 0, lastGreater > firstLess, bytes[firstLess..<lastGreater].contains(EmailASCII.at) {
            throw EmailValidationError(.displayName)
        }
        if bytes[0] == EmailASCII.quote, let close = Self.closingQuote(in: bytes), close < last,
            EmailASCII.isSpace(bytes[close + 1])
        {
            throw EmailValidationError(.displayName)
        }
        if hasComment(in: bytes) { throw EmailValidationError(.comment) }
        if atCount > 1, hasListSeparator || hasWhitespace { throw EmailValidationError(.addressList) }
        if bytes[0] == EmailASCII.quote { throw EmailValidationError(.quotedLocalPart) }
        if hasWhitespace { throw EmailValidationError(.whitespace) }
        if atCount == 0 { throw EmailValidationError(.missingAt) }
        if atCount > 1 { throw EmailValidationError(.multipleAt) }
        if firstAt == 0 { throw EmailValidationError(.missingLocalPart) }
        if firstAt == last { throw EmailValidationError(.missingDomain) }
        if bytes[firstAt + 1] == UInt8(ascii: "[") { throw EmailValidationError(.ipLiteralDomain) }
        return firstAt
    }

    /// RFC 5322 comments can only sit at either end of the address or next to the @.
    private func hasComment(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let open = UInt8(ascii: "("), close = UInt8(ascii: ")")
        if bytes[0] == open || bytes[bytes.count - 1] == close { return true }
        func touchesAt(_ at: Int) -> Bool {
            guard at >= 0 else { return false }
            return (at > 0 && bytes[at - 1] == close) || (at + 1 < bytes.count && bytes[at + 1] == open)
        }
        return touchesAt(firstAt) || touchesAt(lastAt)
    }

    /// The offset of the quote closing the quoted string that starts at offset 0.
    private static func closingQuote(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case EmailASCII.quote: return index
            default: index += 1
            }
        }
        return nil
    }
}
