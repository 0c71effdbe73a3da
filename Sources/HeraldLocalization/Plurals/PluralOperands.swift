/// The operands CLDR plural rules test, taken from a number as it is written ("1.50" keeps its
/// visible zero): `n` absolute value, `i` integer digits, `v`/`w` count of visible fraction digits
/// with/without trailing zeros, `f`/`t` those digits as a number, `c`/`e` the compact exponent
/// (always 0 here: Herald writes no compact numbers).
public struct PluralOperands: Sendable, Equatable {
    /// The integer part of the absolute value.
    public var i: Int
    /// The number of visible fraction digits.
    public var v: Int
    /// The number of visible fraction digits without trailing zeros.
    public var w: Int
    /// The visible fraction digits as an integer.
    public var f: Int
    /// The visible fraction digits without trailing zeros as an integer.
    public var t: Int
    /// The compact decimal exponent.
    public var e: Int = 0

    /// `n` is a whole number (no non-zero fraction digit).
    public var isInteger: Bool { f == 0 }

    /// The operands of a whole number.
    public init(_ value: Int) {
        i = value == Int.min ? Int.max : abs(value)
        v = 0
        w = 0
        f = 0
        t = 0
    }

    /// The operands of a decimal number written like `"21"`, `"-1.5"` or `"1.50"`; `nil` for
    /// anything else (exponents, grouping separators, more than 15 digits on either side).
    public init?(_ written: String) {
        var text = Substring(written)
        if text.first == "-" || text.first == "+" { text = text.dropFirst() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard !integer.isEmpty, integer.count <= 15, fraction.count <= 15, parts.count == 1 || !fraction.isEmpty,
            (integer + fraction).allSatisfy({ $0.isASCII && $0.isNumber }), let whole = Int(integer)
        else { return nil }
        let trimmed = fraction.reversed().drop { $0 == "0" }.reversed()
        i = whole
        v = fraction.count
        w = trimmed.count
        f = Int(fraction) ?? 0
        t = Int(String(trimmed)) ?? 0
    }
}
