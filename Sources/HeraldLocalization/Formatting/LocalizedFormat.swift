import Foundation

/// Dates and numbers written the way a language writes them (Foundation's ICU data), in the
/// newsletter's time zone: "3 грудня 2026 р." in `uk`, "December 3, 2026" in `en`.
public struct LocalizedFormat: Sendable {
    /// The BCP 47 language.
    public let language: String
    /// The zone dates are shown in.
    public let timeZone: TimeZone

    /// Formats for `language` in `timeZone`.
    public init(language: String, timeZone: TimeZone) {
        self.language = language
        self.timeZone = timeZone
    }

    private var locale: Locale { Locale(identifier: language) }

    /// The long date ("3 грудня 2026 р.").
    public func longDate(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .long, time: .omitted, locale: locale, timeZone: timeZone))
    }

    /// The time of day ("14:05" in `uk`, "2:05 PM" in `en`).
    public func time(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .omitted, time: .shortened, locale: locale, timeZone: timeZone))
    }

    /// A whole number with the language's grouping ("12 345" in `uk`, "12,345" in `en`).
    public func number(_ value: Int) -> String {
        value.formatted(IntegerFormatStyle<Int>(locale: locale))
    }

    /// `rtl` for a language written right to left (Arabic, Hebrew, …), else `ltr`: the `dir` of `<html>`.
    public var direction: String {
        Locale.Language(identifier: language).characterDirection == .rightToLeft ? "rtl" : "ltr"
    }
}
