import HeraldCore
import Testing

/// Inputs an attacker or a broken client might send: they must be rejected quickly, with a
/// precise code, and never turned into something else.
@Suite("EmailAddress hostile input")
struct EmailHostileInputTests {
    private func code(_ input: String) -> EmailValidationError.Code? {
        do {
            _ = try EmailAddress(validating: input)
            return nil
        } catch {
            return error.code
        }
    }

    private func code(bytes: [UInt8]) -> EmailValidationError.Code? {
        do {
            _ = try EmailAddress(validatingUTF8: bytes)
            return nil
        } catch {
            return error.code
        }
    }

    private func elapsed(_ body: () -> Void) -> Duration {
        let clock = ContinuousClock()
        return clock.measure(body)
    }

    @Test func oneMegabyteStringIsRejectedFast() {
        let huge = String(repeating: "a", count: 1 << 20) + "@example.com"
        var result: EmailValidationError.Code?
        let time = elapsed { result = code(huge) }
        #expect(result == .tooLong)
        #expect(time < .seconds(1))  // linear, not quadratic (which takes minutes on 1 MiB); speed is benchmarked
    }

    @Test func oneMegabyteOfWhitespaceOrAtSignsIsRejectedFast() {
        let padded = String(repeating: " ", count: 1 << 20) + "jane@example.com"
        let ats = String(repeating: "@", count: 1 << 20)
        var results: [EmailValidationError.Code?] = []
        let time = elapsed { results = [code(padded), code(ats)] }
        #expect(results == [.tooLong, .tooLong])
        #expect(time < .seconds(1))  // linear, not quadratic (which takes minutes on 1 MiB); speed is benchmarked
        #expect(EmailAddress.suggestion(for: "jane@" + String(repeating: "g", count: 1 << 20)) == nil)
    }

    @Test func oneMegabyteOfBytesIsRejectedBeforeDecoding() {
        let bytes = [UInt8](repeating: 0xFF, count: 1 << 20)
        var result: EmailValidationError.Code?
        let time = elapsed { result = code(bytes: bytes) }
        #expect(result == .tooLong)
        #expect(time < .seconds(1))  // linear, not quadratic (which takes minutes on 1 MiB); speed is benchmarked
    }

    @Test func justUnderTheInputLimitStaysCheap() {
        let nearLimit = String(repeating: "a.", count: 500) + "@" + String(repeating: "ü", count: 5)
        let time = elapsed { for _ in 0..<100 { _ = code(nearLimit) } }
        #expect(code(nearLimit) != nil)
        #expect(time < .seconds(5))  // no blow-up near the limit; speed is benchmarked
    }

    // Found by Fuzz/Harnesses/fuzz-email: the 254-octet limit was applied to the typed UTF-8 too,
    // so a Unicode domain was refused while its A-label spelling of the same mailbox was accepted.
    @Test func theLengthLimitAppliesToTheSMTPFormOfAUnicodeDomain() throws {
        let label = String(repeating: "ü", count: 41)  // 82 octets typed, under 63 as an A-label
        let typed = "reader@" + Array(repeating: label, count: 3).joined(separator: ".") + ".de"
        #expect(typed.utf8.count > 254)
        let address = try EmailAddress(validating: typed)
        #expect(address.smtpAddress.utf8.count <= 254)
        #expect(try EmailAddress(validating: address.smtpAddress).canonicalKey == address.canonicalKey)
        #expect(try EmailAddress(validating: address.displayAddress).canonicalKey == address.canonicalKey)
    }

    // Found by Fuzz/Harnesses/fuzz-email: a broken A-label was accepted when typed next to a
    // Unicode label, although the same domain in ASCII was refused.
    @Test func aBrokenALabelIsRefusedAlsoNextToUnicodeLabels() {
        #expect(code("user@xn--bcecher-vxn--xn-optr-u2a.com") == .invalidInternationalDomain)
        #expect(code("user@приклад.xn--bcecher-vxn--xn-optr-u2a.com") == .invalidInternationalDomain)
        #expect(code("user@приклад.xn--bcher-kva.com") == nil)
    }

    @Test func nulIsRejectedAnywhere() {
        #expect(code("jane\u{0}@example.com") == .controlCharacter)
        #expect(code("jane@example.com\u{0}") == .controlCharacter)
        #expect(code("\u{0}") == .controlCharacter)
        #expect(code(bytes: Array("jane\u{0}@example.com".utf8)) == .controlCharacter)
    }

    @Test(
        "Invalid UTF-8 is refused",
        arguments: [
            [0x6A, 0xFF, 0x40, 0x78, 0x2E, 0x63, 0x6F],  // 0xFF never appears in UTF-8
            [0x6A, 0xC0, 0x80, 0x40, 0x78, 0x2E, 0x63, 0x6F],  // overlong NUL
            [0x6A, 0xED, 0xA0, 0x80, 0x40, 0x78, 0x2E, 0x63, 0x6F],  // UTF-16 surrogate
            [0x6A, 0x40, 0x78, 0x2E, 0x63, 0x6F, 0xE2, 0x82],  // truncated sequence
            [0x6A, 0x80, 0x40, 0x78, 0x2E, 0x63, 0x6F],  // lone continuation byte
        ] as [[UInt8]])
    func invalidUTF8(_ bytes: [UInt8]) {
        #expect(code(bytes: bytes) == .invalidUTF8)
    }

    @Test func headerInjectionIsRejected() {
        #expect(code("a@b.com\r\nBcc: x@y.com") == .controlCharacter)
        #expect(code("a@b.com\nBcc: x@y.com") == .controlCharacter)
        #expect(code("a@b.com%0d%0aBcc:x@y.com") == .multipleAt)
    }

    static let asciiControls: [UInt8] = Array(0x00...0x1F) + [0x7F]

    @Test("ASCII control characters are rejected in the local part", arguments: asciiControls)
    func controlInLocalPart(_ byte: UInt8) {
        #expect(code("ja\(Character(Unicode.Scalar(byte)))ne@example.com") == .controlCharacter)
    }

    @Test("ASCII control characters are rejected in the domain", arguments: asciiControls)
    func controlInDomain(_ byte: UInt8) {
        #expect(code("jane@exa\(Character(Unicode.Scalar(byte)))mple.com") == .controlCharacter)
    }

    @Test("C1 control characters are rejected", arguments: [0x80, 0x85, 0x9B, 0x9F] as [UInt32])
    func c1Controls(_ value: UInt32) {
        let scalar = Character(Unicode.Scalar(value)!)
        #expect(code("ja\(scalar)ne@example.com") == .controlCharacter)
        #expect(code("jane@exa\(scalar)mple.com") == .controlCharacter)
    }

    @Test(
        "Bidi controls are rejected",
        arguments: [
            0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
        ] as [UInt32])
    func bidiControls(_ value: UInt32) {
        let scalar = Character(Unicode.Scalar(value)!)
        #expect(code("\(scalar)jane@example.com") == .bidiControl)
        #expect(code("jane@\(scalar)example.com") == .bidiControl)
        #expect(code("jane@example.com\(scalar)") == .bidiControl)
    }

    @Test(
        "Zero-width characters are rejected", arguments: [0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD] as [UInt32])
    func zeroWidth(_ value: UInt32) {
        let scalar = Character(Unicode.Scalar(value)!)
        #expect(code("ja\(scalar)ne@example.com") == .zeroWidthCharacter)
        #expect(code("jane@exam\(scalar)ple.com") == .zeroWidthCharacter)
        #expect(code("\(scalar)jane@example.com") == .zeroWidthCharacter)
    }

    @Test func lineAndParagraphSeparatorsAreRejectedInside() {
        #expect(code("jane\u{2028}@example.com") == .lineSeparator)
        #expect(code("jane@example\u{2029}.com") == .lineSeparator)
    }

    @Test func lookAlikeAtSignsAreRejected() {
        #expect(code("jane＠example.com") == .fullwidthAt)
        #expect(code("jane﹫example.com") == .fullwidthAt)
        #expect(code("jane@example＠com") == .fullwidthAt)
    }

    @Test func markupInTheLocalPartIsRejected() {
        #expect(code("<script>@example.com") == .invalidLocalPartCharacter)
        #expect(code("<script>alert(1)</script>@example.com") == .invalidLocalPartCharacter)
        #expect(code("<img src=x onerror=alert(1)>@example.com") == .whitespace)
        #expect(code("jane@example.com<script>") == .invalidDomainCharacter)
    }

    @Test func sqlMetacharacters() throws {
        // An apostrophe is legal atext, so this is a real (if odd) address; it must be stored
        // through parameterized queries, never rejected or mangled.
        let address = try EmailAddress(validating: "a'--@x.com")
        #expect(address.smtpAddress == "a'--@x.com")
        #expect(code("a;DROP_TABLE@x.com") == .invalidLocalPartCharacter)
        #expect(code("a;DROP TABLE@x.com") == .whitespace)
        #expect(code("a\"; DROP TABLE subscribers; --@x.com") != nil)
    }

    @Test func homoglyphDomainsShowTheirUnicodeForm() throws {
        // Cyrillic "аррӏе.com" is a different domain from "apple.com"; display makes that visible.
        let address = try EmailAddress(validating: "jane@xn--80ak6aa92e.com")
        #expect(address.displayAddress == "jane@аррӏе.com")
        #expect(address.canonicalKey != (try EmailAddress(validating: "jane@apple.com")).canonicalKey)
    }
}
