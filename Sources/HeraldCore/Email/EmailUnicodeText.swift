import Foundation

/// Unicode text operations of the validator's non-ASCII path, each with a cheap exit for the
/// common case that gives the same result as the full operation.
package enum EmailUnicodeText {
    /// `text` in Normalization Form C.
    ///
    /// Text that the standard library's NFC quick check finds already normalized is returned as
    /// it is (NFC of NFC text is that text); only the rest goes through Foundation's normalizer.
    package static func nfc(_ text: String) -> String {
        var span = text.utf8Span
        return span.checkForNFC(quickCheck: true) ? text : text.precomposedStringWithCanonicalMapping
    }
}

extension String {
    /// A string made of `bytes`, or `nil` when they are not well-formed UTF-8.
    ///
    /// Decoding repairs ill-formed sequences with U+FFFD, which always changes the bytes at the
    /// first ill-formed position, so the bytes are well-formed exactly when decoding returns them
    /// unchanged. (This avoids the generic, unspecialized `String(validating:as:)`.)
    init?(validatingEmailBytes bytes: UnsafeBufferPointer<UInt8>) {
        let decoded = String(decoding: bytes, as: UTF8.self)
        var copy = decoded
        // Byte by byte over contiguous storage (`elementsEqual` steps generically, several times slower).
        let same = copy.withUTF8 { decodedBytes in
            decodedBytes.count == bytes.count && bytes.indices.allSatisfy { decodedBytes[$0] == bytes[$0] }
        }
        guard same else { return nil }
        self = decoded
    }
}
