/// Every byte value's character classes as bit flags, so the validator's per-byte loops make one
/// table lookup and one test per byte instead of a chain of comparisons. Bytes from 0x80 up belong
/// to no class.
///
/// The table is a string literal, constant data in the binary: no lazy global to initialize on
/// each call and no copy. Byte value `b`'s flags are character `b` of ``table`` minus 0x40 (so `@`
/// is no class, `H` shape-neutral only, `I` also atext, `K` also a label character, `O` also a capital letter).
/// `EmailByteClassTests` checks every entry against the classes' definitions, written out as sets.
enum EmailByteClass {
    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static let atext: UInt8 = 1 << 0
    /// Letters, digits and hyphen: what a DNS label is made of.
    static let labelCharacter: UInt8 = 1 << 1
    /// ASCII capital letters.
    static let upper: UInt8 = 1 << 2
    /// Printable ASCII that plays no part in an address's shape: `!` to `~` except `@`, `<`,
    /// `>`, `,` and `;`.
    static let shapeNeutral: UInt8 = 1 << 3

    /// 256 characters, one per byte value, 64 per line (a backslash ends each line but the last).
    static var table: StaticString {
        """
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@IHIIIIIHHII@KHIKKKKKKKKKKH@@I@I\
        @OOOOOOOOOOOOOOOOOOOOOOOOOOHHHIIIKKKKKKKKKKKKKKKKKKKKKKKKKKIIII@\
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\
        @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
        """
    }

    /// The flags of `byte`.
    @inline(__always)
    static func of(_ byte: UInt8) -> UInt8 { table.utf8Start[Int(byte)] &- 0x40 }
}
