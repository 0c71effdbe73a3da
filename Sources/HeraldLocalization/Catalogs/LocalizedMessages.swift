import Foundation

/// The texts of one language as pages and mails use them: a message by key, a plural message
/// by key and number, with the language's direction and formats. A key the language lacks
/// comes from English (only operators' own catalogs can lack one: shipped ones are complete).
public struct LocalizedMessages: Sendable {
    /// The BCP 47 language of the texts.
    public let language: String
    /// `ltr` or `rtl`.
    public let direction: String
    let catalogs: [MessageCatalog]
    let plurals: PluralRules

    /// The text of `key`; `nil` when no catalog has it (a programming error the consistency test
    /// catches). For a plural message, its `other` form.
    public func text(_ key: String) -> String? {
        for catalog in catalogs {
            switch catalog.messages[key] {
            case .text(let text): return text
            case .plural(let forms): return forms[.other]
            case nil: continue
            }
        }
        return nil
    }

    /// `value` written with the language's digits and grouping ("12 345" in `uk`).
    public func number(_ value: Int) -> String {
        LocalizedFormat(language: language, timeZone: .gmt).number(value)
    }

    /// The form of plural message `key` for `count` ("5 статей"), from the first catalog that has
    /// it, with that catalog's language's rules; a plain message is returned as it is.
    public func text(_ key: String, count: PluralOperands) -> String? {
        for catalog in catalogs {
            switch catalog.messages[key] {
            case .text(let text): return text
            case .plural(let forms):
                return forms[plurals.category(of: count, in: catalog.language)] ?? forms[.other]
            case nil: continue
            }
        }
        return nil
    }
}
