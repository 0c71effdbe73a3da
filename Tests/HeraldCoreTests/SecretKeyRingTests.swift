import Foundation
import HeraldCore
import Testing

/// The key ring's text form, hostile input, and manage-link key rotation.
@Suite("Secret keys")
struct SecretKeyRingTests {
    static let old = String(repeating: "o", count: 43)
    static let new = String(repeating: "n", count: 43)
    static let erasure = String(repeating: "e", count: 43)

    @Test func theTextFormRoundTripsAndRotationPutsANewSigningKeyFirst() throws {
        let ring = SecretKeyRing.generate()
        #expect(try SecretKeyRing(parsing: ring.text) == ring)
        let rotated = ring.rotated()
        #expect(rotated.manageLinkKeys.count == 2 && rotated.manageLinkKeys[1] == ring.signingKey)
        #expect(rotated.erasureKey == ring.erasureKey && rotated.signingKey != ring.signingKey)
        #expect(try SecretKeyRing(parsing: rotated.text) == rotated)
    }

    @Test func semicolonsSeparateEntriesForAnEnvironmentVariable() throws {
        let ring = try SecretKeyRing(
            parsing: "manage-link \(Self.new); manage-link \(Self.old) ;erasure \(Self.erasure)")
        #expect(ring.manageLinkKeys == [Self.new, Self.old] && ring.erasureKey == Self.erasure)
    }

    @Test(arguments: [
        "", "# only a comment", "erasure \(erasure)", "manage-link \(new)",
        "manage-link short\nerasure \(erasure)", "manage-link \(new)\nerasure \(erasure)\nerasure \(old)",
        "manage-link \(new) extra\nerasure \(erasure)", "signing \(new)\nerasure \(erasure)",
        "manage-link \(new)é\nerasure \(erasure)", "manage-link\u{0}\(new)\nerasure \(erasure)",
    ])
    func malformedKeyTextIsRefused(_ text: String) {
        #expect(throws: SecretKeyRing.Invalid.self) { try SecretKeyRing(parsing: text) }
    }

    @Test func oldKeysVerifyOnlyTheNewKeySignsAndRemovedKeysNoLongerVerify() {
        let before = ManageLinkSigner(keys: [Self.old])
        let after = ManageLinkSigner(keys: [Self.new, Self.old])
        let oldToken = before.token(subscriberID: 7, newsletter: "news")
        let newToken = after.token(subscriberID: 7, newsletter: "news")
        #expect(
            newToken != oldToken
                && newToken == ManageLinkSigner(keys: [Self.new]).token(subscriberID: 7, newsletter: "news"))
        #expect(after.verify(oldToken)?.subscriberID == 7)
        #expect(after.verify(newToken)?.subscriberID == 7)
        #expect(ManageLinkSigner(keys: [Self.new]).verify(oldToken) == nil)
        #expect(after.verify(oldToken.replacingOccurrences(of: "7.news", with: "8.news")) == nil)
    }
}
