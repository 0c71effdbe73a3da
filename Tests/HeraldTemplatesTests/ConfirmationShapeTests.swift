import Foundation
import Testing

@testable import HeraldTemplates

/// The confirmation mail rendered once per newsletter, language and expiry gives every signup
/// exactly what rendering it gives, and a template that transforms the link is rendered per mail.
@Suite("Confirmation mail rendered once per shape")
struct ConfirmationShapeTests {
    static let links = [
        "https://news.example.org/confirm/tok-1?n=morning",
        "https://news.example.org/confirm/AbC_-9?n=a&b=<c>&d='e'&f=\"g\"",
        "http://127.0.0.1:8080/confirm/\u{E000}x:confirm_url\u{E001}",
        "",
    ]

    static var sites: [SiteContext] {
        var ukrainian = Fixtures.site
        ukrainian.language = "uk"
        return [Fixtures.site, ukrainian, Fixtures.hostileSite]
    }

    @Test func everyLinkGetsWhatRenderingGives() throws {
        let library = try Fixtures.library()
        for site in Self.sites {
            for newsletter in [Fixtures.morning, Fixtures.hostileNewsletter] {
                for hours in [1, 48] {
                    for link in Self.links {
                        let mail = ConfirmationMail(
                            site: site, newsletter: newsletter, confirmURL: link, expiryHours: hours)
                        #expect(
                            library.confirmationMail(mail) == library.renderMail(.confirmation, mail.templateValues),
                            "\(site.language) \(hours) \(link)")
                    }
                }
            }
        }
        #expect(library.confirmationShapes.count == Self.sites.count * 2 * 2)
    }

    @Test func aTemplateThatTransformsTheLinkIsRenderedPerMail() throws {
        let library = try Fixtures.library(overriding: [
            "mail/confirmation.txt.mustache": "Open {{uppercased(confirm_url)}}\n"
        ])
        let mail = ConfirmationMail(
            site: Fixtures.site, newsletter: Fixtures.morning, confirmURL: "https://x.example/c/abc", expiryHours: 48)
        #expect(library.confirmationMail(mail).text == "Open HTTPS://X.EXAMPLE/C/ABC\n")
        #expect(library.confirmationShapes.count == 1)
    }

    @Test func theMemoKeepsAtMostItsCapacity() {
        let memo = MailShapeMemo<Int>(capacity: 3)
        var made = 0
        for shape in [1, 2, 3, 4, 1, 4] {
            _ = memo.mail(for: shape) {
                made += 1
                return nil
            }
        }
        #expect(memo.count == 3)
        #expect(made == 5, "1 was dropped when 4 came, so it is made again; 4 is still held")
    }
}
