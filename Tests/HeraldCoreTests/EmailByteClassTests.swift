import Testing

@testable import HeraldCore

/// The byte class table (a string literal) against the definitions it stands for, for all 256 byte values.
@Suite struct EmailByteClassTests {
    private static let alphanumerics = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
    /// RFC 5322 `atext`.
    private static let atext = alphanumerics.union("!#$%&'*+-/=?^_`{|}~".utf8)
    /// What a DNS label is made of.
    private static let letterDigitHyphen = alphanumerics.union("-".utf8)
    /// Printable ASCII other than the bytes that give an address its shape.
    private static let shapeNeutral = Set(UInt8(0x21)...UInt8(0x7E)).subtracting("@<>,;".utf8)

    @Test func everyByteHasTheClassesOfItsDefinitions() {
        #expect(EmailByteClass.table.utf8CodeUnitCount == 256)
        for value in 0...255 {
            let byte = UInt8(value)
            let flags = EmailByteClass.of(byte)
            #expect((flags & EmailByteClass.atext != 0) == Self.atext.contains(byte), "byte \(value)")
            #expect(
                (flags & EmailByteClass.labelCharacter != 0) == Self.letterDigitHyphen.contains(byte),
                "byte \(value)")
            #expect((flags & EmailByteClass.upper != 0) == (byte >= 0x41 && byte <= 0x5A), "byte \(value)")
            #expect(
                (flags & EmailByteClass.shapeNeutral != 0) == Self.shapeNeutral.contains(byte), "byte \(value)")
            #expect(flags & 0xF0 == 0, "byte \(value): no flags beyond the four classes")
        }
    }

    @Test func classesOfKnownBytes() {
        #expect(
            EmailByteClass.of(UInt8(ascii: "a")) == EmailByteClass.atext | EmailByteClass.labelCharacter
                | EmailByteClass.shapeNeutral)
        #expect(EmailByteClass.of(UInt8(ascii: "Z")) & EmailByteClass.upper != 0)
        #expect(EmailByteClass.of(UInt8(ascii: "-")) & EmailByteClass.labelCharacter != 0)
        #expect(EmailByteClass.of(UInt8(ascii: "_")) & EmailByteClass.labelCharacter == 0)
        #expect(EmailByteClass.of(UInt8(ascii: ".")) == EmailByteClass.shapeNeutral)
        #expect(EmailByteClass.of(UInt8(ascii: "@")) == 0)
        #expect(EmailByteClass.of(0x80) == 0 && EmailByteClass.of(0xFF) == 0)
    }
}
