/// The recursive-descent parser behind ``PluralRule``.
struct PluralRuleParser {
    enum Token: Equatable {
        case operand(Character), number(Int), word(String), symbol(String)
    }

    var tokens: [Token]
    var position = 0

    static func tokens(_ text: String) throws(PluralRuleError) -> [Token] {
        var tokens: [Token] = []
        var characters = Substring(text)
        while let first = characters.first {
            if first == " " || first == "\t" {
                characters = characters.dropFirst()
            } else if first.isASCII, first.isNumber {
                let digits = characters.prefix { $0.isASCII && $0.isNumber }
                guard digits.count <= 9, let value = Int(digits) else {
                    throw PluralRuleError(reason: "number too long: \(digits.prefix(20))")
                }
                tokens.append(.number(value))
                characters = characters.dropFirst(digits.count)
            } else if first.isASCII, first.isLetter {
                let word = characters.prefix { $0.isASCII && $0.isLetter }
                if word.count == 1, "nivwftce".contains(first) {
                    tokens.append(.operand(first))
                } else {
                    tokens.append(.word(String(word)))
                }
                characters = characters.dropFirst(word.count)
            } else if let symbol = ["..", "!=", "=", "%", ","].first(where: { characters.hasPrefix($0) }) {
                tokens.append(.symbol(symbol))
                characters = characters.dropFirst(symbol.count)
            } else {
                throw PluralRuleError(reason: "unexpected character '\(first)'")
            }
        }
        return tokens
    }

    mutating func condition() throws(PluralRuleError) -> [[PluralRule.Relation]] {
        guard position < tokens.count else { return [] }
        var alternatives = [try conjunction()]
        while take(.word("or")) { alternatives.append(try conjunction()) }
        guard position == tokens.count else { throw PluralRuleError(reason: "unexpected \(tokens[position])") }
        return alternatives
    }

    private mutating func conjunction() throws(PluralRuleError) -> [PluralRule.Relation] {
        var relations = [try relation()]
        while take(.word("and")) { relations.append(try relation()) }
        return relations
    }

    private mutating func relation() throws(PluralRuleError) -> PluralRule.Relation {
        guard case .operand(let operand) = next() else { throw PluralRuleError(reason: "expected an operand") }
        var modulus: Int?
        if take(.symbol("%")) {
            guard case .number(let value) = next(), value > 0 else {
                throw PluralRuleError(reason: "expected a positive number after %")
            }
            modulus = value
        }
        let equals: Bool
        if take(.symbol("=")) {
            equals = true
        } else if take(.symbol("!=")) {
            equals = false
        } else {
            throw PluralRuleError(reason: "expected = or !=")
        }
        var ranges = [try range()]
        while take(.symbol(",")) { ranges.append(try range()) }
        return .init(expression: .init(operand: operand, modulus: modulus), equals: equals, ranges: ranges)
    }

    private mutating func range() throws(PluralRuleError) -> ClosedRange<Int> {
        guard case .number(let low) = next() else { throw PluralRuleError(reason: "expected a number") }
        guard take(.symbol("..")) else { return low...low }
        guard case .number(let high) = next(), high >= low else {
            throw PluralRuleError(reason: "expected a range end not below \(low)")
        }
        return low...high
    }

    private mutating func next() -> Token? {
        guard position < tokens.count else { return nil }
        defer { position += 1 }
        return tokens[position]
    }

    private mutating func take(_ token: Token) -> Bool {
        guard position < tokens.count, tokens[position] == token else { return false }
        position += 1
        return true
    }
}
