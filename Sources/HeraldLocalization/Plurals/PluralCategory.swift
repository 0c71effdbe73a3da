/// A CLDR plural category. A language uses some of them (English: one, other; Ukrainian: one,
/// few, many, other); `other` is always among them.
public enum PluralCategory: String, Sendable, CaseIterable, Comparable {
    case zero, one, two, few, many, other

    /// CLDR's order (zero, one, two, few, many, other): the order of `msgstr[n]` in a catalog.
    public static func < (lhs: PluralCategory, rhs: PluralCategory) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
