import Foundation
import HeraldCore
import Testing

@Suite("Token encoding (base64url, hashes)")
struct TokenEncodingTests {
    /// Foundation's base64 turned into base64url without padding: the reference encoding.
    private func reference(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    @Test func base64URLMatchesTheReferenceForEveryLengthAndByte() {
        var generator = SystemRandomNumberGenerator()
        for length in 0...100 {
            let bytes = (0..<length).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            #expect(Base64URL.encode(bytes) == reference(bytes))
        }
        let every = (0...255).map(UInt8.init)
        #expect(Base64URL.encode(every) == reference(every))
        #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
    }

    @Test func generatedSecretsAre43URLSafeCharactersAndDiffer() throws {
        let secrets = (0..<200).map { _ in TokenSecret.generate() }
        for secret in secrets {
            #expect(try #require(TokenSecret(parsing: secret.text)) == secret)
        }
        #expect(Set(secrets.map(\.text)).count == secrets.count)
    }

    @Test func hashIsLowercaseHexSHA256() throws {
        let secret = try #require(TokenSecret(parsing: String(repeating: "A", count: 43)))
        // python3 -c 'import hashlib; print(hashlib.sha256(b"A"*43).hexdigest())'
        #expect(secret.hash == "0f007385b6f9d4b7eeb2748605afe1a984a0a3bfa3f014d09e2a784ce9e5cd1a")
        #expect(secret.hash.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) })
        #expect(secret.matches(hash: secret.hash))
        #expect(!secret.matches(hash: String(secret.hash.reversed())))
    }
}
