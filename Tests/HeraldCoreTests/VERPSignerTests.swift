import Foundation
import HeraldCore
import Testing

/// VERP tags: short, signed, case-insensitive, and a forged or altered tag is recognised as such.
@Suite("VERP signer")
struct VERPSignerTests {
    let signer = VERPSigner(
        address: try! BounceAddress(parsing: "bounces@News.Example.org"), secret: "secret-one-0123456789abcdef")

    @Test func anOutboxTagRoundTripsAndFitsTheLocalPartLimit() throws {
        let sender = signer.envelopeSender(for: .outbox(id: 42))
        #expect(sender.hasPrefix("bounces+o16-"))
        #expect(sender.hasSuffix("@news.example.org"))
        let local = try #require(sender.split(separator: "@").first)
        #expect(local.utf8.count <= 64)
        #expect(local == local.lowercased())
        #expect(signer.lookup(sender) == .tagged(.outbox(id: 42)))
        #expect(signer.lookup("<\(sender.uppercased())>") == .tagged(.outbox(id: 42)))
    }

    @Test func aDigestTagWithLargeIdsStillFits() throws {
        let tag = BounceTag.digest(issueID: 2_000_000_000, subscriberID: 2_000_000_000)
        let sender = signer.envelopeSender(for: tag)
        #expect(try #require(sender.split(separator: "@").first).utf8.count <= 64)
        #expect(signer.lookup(sender) == .tagged(tag))
    }

    @Test func aLongestAllowedLocalPartWithTypicalIdsFits() throws {
        let local = String(repeating: "b", count: BounceAddress.maximumLocalPartLength)
        let long = VERPSigner(address: try BounceAddress(parsing: "\(local)@example.org"), secret: "s")
        let tag = BounceTag.digest(issueID: 2_000_000_000, subscriberID: 2_000_000_000)
        let sender = long.envelopeSender(for: tag)
        #expect(sender != "\(local)@example.org")
        #expect(long.lookup(sender) == .tagged(tag))
    }

    @Test func idsTooLargeForTheLimitFallBackToThePlainAddress() throws {
        let local = String(repeating: "b", count: BounceAddress.maximumLocalPartLength)
        let long = VERPSigner(address: try BounceAddress(parsing: "\(local)@example.org"), secret: "s")
        #expect(long.envelopeSender(for: .digest(issueID: .max, subscriberID: .max)) == "\(local)@example.org")
    }

    @Test func anotherInstallationsTagIsForged() {
        let other = VERPSigner(address: signer.address, secret: "secret-two-0123456789abcdef")
        #expect(signer.lookup(other.envelopeSender(for: .outbox(id: 42))) == .forged)
    }

    @Test func anAlteredIdOrSignatureIsForged() {
        let sender = signer.envelopeSender(for: .outbox(id: 42))
        #expect(signer.lookup(sender.replacingOccurrences(of: "+o16-", with: "+o17-")) == .forged)
        var chars = Array(sender)
        let last = chars.firstIndex(of: "@")! - 1
        chars[last] = chars[last] == "a" ? "b" : "a"
        #expect(signer.lookup(String(chars)) == .forged)
    }

    @Test(arguments: [
        "bounces+@news.example.org", "bounces+o16@news.example.org", "bounces+x1-aaaaaaaaaaaaaaaa@news.example.org",
        "bounces+o016-aaaaaaaaaaaaaaaa@news.example.org", "bounces+o-1-aaaaaaaaaaaaaaaa@news.example.org",
        "bounces+d1-aaaaaaaaaaaaaaaa@news.example.org", "bounces+o0-aaaaaaaaaaaaaaaa@news.example.org",
        "bounces+oé-aaaaaaaaaaaaaaaa@news.example.org", "bounces+o1-2-3-aaaaaaaaaaaaaaaa@news.example.org",
    ])
    func malformedTagsAreForged(_ address: String) {
        #expect(signer.lookup(address) == .forged)
    }

    @Test(arguments: [
        "bounces@news.example.org", "reader@news.example.org", "bounces+o16-x@other.example.org",
        "bouncesx+o16-x@news.example.org", "", "no-at-sign", String(repeating: "a", count: 400) + "@x.org",
    ])
    func addressesThatAreNotTaggedBounceAddressesAreUntagged(_ address: String) {
        #expect(signer.lookup(address) == .untagged)
    }
}

/// `bounce_address` values that cannot carry a tag are refused with the reason.
@Suite("Bounce address")
struct BounceAddressTests {
    @Test func aPlainMailboxIsAccepted() throws {
        let address = try BounceAddress(parsing: " bounces@News.Example.ORG ")
        #expect(address.plain == "bounces@news.example.org")
    }

    @Test(arguments: [
        ("bounces.example.org", BounceAddressError.Reason.missingAt),
        ("@example.org", .emptyLocalPart),
        ("bounces+x@example.org", .plusInLocalPart),
        (String(repeating: "b", count: 34) + "@example.org", .localPartTooLong),
        ("bou nces@example.org", .invalidLocalPart),
        (".bounces@example.org", .invalidLocalPart),
        ("bounces@localhost", .invalidDomain),
        ("bounces@exa_mple.org", .invalidDomain),
        ("bounces@пример.укр", .invalidDomain),
    ])
    func unusableAddressesAreRefused(_ text: String, _ reason: BounceAddressError.Reason) {
        #expect(throws: BounceAddressError.self) { try BounceAddress(parsing: text) }
        do {
            _ = try BounceAddress(parsing: text)
        } catch {
            #expect(error.reason == reason)
        }
    }
}
