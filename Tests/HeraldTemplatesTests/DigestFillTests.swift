import Foundation
import HeraldCore
import HeraldTemplates
import Testing

/// `fill` + `textPieces`/`htmlPieces` give exactly what `personalise` gives, for any recipient.
@Suite("Digest pieces and fills (for encoding shared lines once)")
struct DigestFillTests {
    let library: TemplateLibrary

    init() throws {
        library = try Fixtures.library()
    }

    private func joined(_ pieces: [DigestPiece], _ values: [String]) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): text
            case .hole(let index): values.indices.contains(index) ? values[index] : "<missing \(index)>"
            }
        }.joined()
    }

    @Test(arguments: [
        Fixtures.anna,
        HeraldTemplates.DigestRecipient(
            unsubscribeURL: "https://n.example/u/x", preferencesURL: "https://n.example/p/x"),
        HeraldTemplates.DigestRecipient(
            name: "<script>alert('x')</script> & \"Co\"\r\nBcc: victim@example.org",
            unsubscribeURL: "https://n.example/u/x?a=1&b=<2>", preferencesURL: "https://n.example/p/'; DROP TABLE x; --"
        ),
        HeraldTemplates.DigestRecipient(
            name: String(repeating: "Ω", count: 5_000), unsubscribeURL: "", preferencesURL: ""),
    ])
    func fillingThePiecesEqualsPersonalising(_ recipient: HeraldTemplates.DigestRecipient) {
        let shared = library.renderDigestShared(Fixtures.digest)
        let whole = library.personalise(shared, for: recipient)
        let fill = library.fill(shared, for: recipient)
        #expect(joined(shared.textPieces, fill.text) == whole.text)
        #expect(joined(shared.htmlPieces, fill.html) == whole.html)
        #expect(fill.subject == whole.subject)
        #expect(!fill.html.joined().contains("<script>"))
    }

    @Test func theSharedPartsHaveHolesForTheGreetingAndTheFooter() {
        let shared = library.renderDigestShared(Fixtures.digest)
        let holes = shared.htmlPieces.filter { if case .hole = $0 { true } else { false } }
        #expect(holes.count >= 2)
        let literal = shared.htmlPieces.reduce(0) { count, piece in
            if case .literal(let text) = piece { count + text.utf8.count } else { count }
        }
        #expect(literal > 1_000, "the articles are fixed text shared by every subscriber")
    }
}
