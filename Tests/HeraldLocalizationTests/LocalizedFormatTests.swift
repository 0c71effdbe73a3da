import Foundation
import Testing

@testable import HeraldLocalization

/// Dates and numbers per language, in the newsletter's time zone (Foundation's ICU data).
@Suite("Localized formats")
struct LocalizedFormatTests {
    let kyiv = TimeZone(identifier: "Europe/Kyiv")!
    /// 2026-12-02 23:30 UTC: already 3 December in Kyiv.
    let lateEvening = Date(timeIntervalSince1970: 1_796_254_200)

    @Test func datesInTheNewslettersZone() {
        // ICU may put a no-break space before "р."; compare with plain spaces.
        let ukrainian = LocalizedFormat(language: "uk", timeZone: kyiv).longDate(lateEvening)
        #expect(ukrainian.replacing("\u{A0}", with: " ").replacing("\u{202F}", with: " ") == "3 грудня 2026 р.")
        #expect(LocalizedFormat(language: "en", timeZone: kyiv).longDate(lateEvening) == "December 3, 2026")
        #expect(LocalizedFormat(language: "en", timeZone: .gmt).longDate(lateEvening) == "December 2, 2026")
        // 24-hour clock in Ukrainian (ICU writes the hour without a leading zero), AM/PM in English.
        #expect(LocalizedFormat(language: "uk", timeZone: kyiv).time(lateEvening) == "1:30")
        #expect(LocalizedFormat(language: "en", timeZone: kyiv).time(lateEvening) == "1:30\u{202F}AM")
    }

    @Test func numbersGroupAsTheLanguageDoes() {
        #expect(LocalizedFormat(language: "uk", timeZone: kyiv).number(12345) == "12\u{A0}345")
        #expect(LocalizedFormat(language: "en", timeZone: kyiv).number(12345) == "12,345")
    }

    @Test func directionFollowsTheScript() {
        #expect(LocalizedFormat(language: "uk", timeZone: kyiv).direction == "ltr")
        #expect(LocalizedFormat(language: "ar", timeZone: kyiv).direction == "rtl")
        #expect(LocalizedFormat(language: "he", timeZone: kyiv).direction == "rtl")
    }
}
