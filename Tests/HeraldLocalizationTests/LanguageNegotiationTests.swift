import Testing

@testable import HeraldLocalization

/// `Accept-Language` picks among the newsletter's languages; hostile headers are read safely.
@Suite("Accept-Language negotiation")
struct LanguageNegotiationTests {
    let negotiation = LanguageNegotiation(offered: ["uk", "en"])

    @Test func theMostPreferredOfferedLanguageWins() {
        #expect(negotiation.language(for: "en-US,en;q=0.9,uk;q=0.8") == "en")
        #expect(negotiation.language(for: "uk-UA,uk;q=0.9,en;q=0.5") == "uk")
        #expect(negotiation.language(for: "de;q=1, en;q=0.4, uk;q=0.7") == "uk")
        #expect(negotiation.language(for: "EN") == "en")
    }

    @Test func equalWeightsKeepTheHeadersOrder() {
        #expect(negotiation.language(for: "en;q=0.5, uk;q=0.5") == "en")
    }

    @Test func absentUnknownOrGarbageGivesTheDefault() {
        for header: String? in [nil, "", "de, fr", ";;;,,,", "\u{0}\u{FFFF}", "<script>", "en;q=abc", "'; DROP--"] {
            #expect(negotiation.language(for: header) == "uk", "\(String(describing: header))")
        }
    }

    @Test func wildcardsAndRefusals() {
        #expect(negotiation.language(for: "de, *;q=0.1") == "uk")
        #expect(negotiation.language(for: "uk;q=0, *") == "en")
        #expect(negotiation.language(for: "uk;q=0") == "uk")
        #expect(negotiation.language(for: "en;q=0.000, uk;q=0.001") == "uk")
    }

    @Test func invalidWeightsSkipTheirRange() {
        #expect(negotiation.language(for: "en;q=2, uk;q=0.1") == "uk")
        #expect(negotiation.language(for: "en;q=0.1234, uk;q=0.1") == "uk")
        #expect(negotiation.language(for: "en;level=1") == "uk")
    }

    @Test func onlyTheFirstFourKilobytesAreRead() {
        let filler = String(repeating: "de;q=0.1,", count: 600)
        #expect(negotiation.language(for: filler + "en") == "uk")
        #expect(negotiation.language(for: "en," + String(repeating: "x", count: 100_000)) == "en")
        #expect(negotiation.language(for: String(repeating: "y", count: 10_000)) == "uk")
    }

    @Test func rangesAreLanguageTags() {
        #expect(LanguageNegotiation.isRange("pt-BR") && LanguageNegotiation.isRange("*"))
        for bad in ["", "-", "toolongtag", "u k", "uk_UA", "укр", "uk-"] {
            #expect(!LanguageNegotiation.isRange(bad), "\(bad)")
        }
    }
}
