/// One CLDR plural rule condition (`n % 10 = 2..4 and n % 100 != 12..14`), parsed from the
/// syntax of Unicode TR35 (operands n i v w f t c e, `%`, `=` / `!=`, value lists and ranges,
/// `and` binding tighter than `or`) and evaluated against ``PluralOperands``.
public struct PluralRule: Sendable, Equatable {
    /// An operand, optionally taken modulo a number.
    struct Expression: Sendable, Equatable {
        var operand: Character
        var modulus: Int?
    }

    /// `expression = ranges` or `expression != ranges`.
    struct Relation: Sendable, Equatable {
        var expression: Expression
        var equals: Bool
        var ranges: [ClosedRange<Int>]
    }

    /// Any of these lists of relations that all hold; empty means "always".
    let alternatives: [[Relation]]

    /// The condition of `rule`; the samples after `@` are ignored.
    ///
    /// - Throws: ``PluralRuleError`` saying what is wrong.
    public init(_ rule: String) throws(PluralRuleError) {
        let condition = rule.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        var parser = PluralRuleParser(tokens: try PluralRuleParser.tokens(String(condition)))
        alternatives = try parser.condition()
    }

    /// The condition holds for `operands`.
    public func matches(_ operands: PluralOperands) -> Bool {
        alternatives.isEmpty || alternatives.contains { $0.allSatisfy { $0.holds(for: operands) } }
    }
}

/// A plural rule that is not valid TR35 syntax.
public struct PluralRuleError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let reason: String
    public var description: String { "plural rule: \(reason)" }
}

extension PluralRule.Relation {
    func holds(for operands: PluralOperands) -> Bool {
        guard let value = expression.value(for: operands) else { return !equals }
        return ranges.contains { $0.contains(value) } == equals
    }
}

extension PluralRule.Expression {
    /// The whole-number value, or `nil` when `n` has a fraction (it then equals no listed value).
    func value(for operands: PluralOperands) -> Int? {
        let base: Int
        switch operand {
        case "n":
            guard operands.isInteger else { return nil }
            base = operands.i
        case "i": base = operands.i
        case "v": base = operands.v
        case "w": base = operands.w
        case "f": base = operands.f
        case "t": base = operands.t
        default: base = operands.e
        }
        guard let modulus else { return base }
        return base % modulus
    }
}
