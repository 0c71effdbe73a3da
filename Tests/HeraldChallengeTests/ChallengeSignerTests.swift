import Crypto
import Foundation
import Testing

@testable import HeraldChallenge

/// Signup challenges: ALTCHA-format payloads, Herald's signature, expiry and difficulty.
@Suite("Signup challenge signer")
struct ChallengeSignerTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    let signer = ChallengeSigner(secret: "installation secret", difficulty: 500, lifetime: .seconds(600))

    func solve(_ challenge: SignupChallenge) throws -> Int {
        try #require(
            (0...challenge.maxnumber).first {
                ChallengeSigner.hash(salt: challenge.salt, number: $0) == challenge.challenge
            })
    }

    func solution(_ challenge: SignupChallenge, number: Int? = nil) throws -> ChallengeSolution {
        ChallengeSolution(
            algorithm: challenge.algorithm, challenge: challenge.challenge, number: try number ?? solve(challenge),
            salt: challenge.salt, signature: challenge.signature)
    }

    @Test func aSolvedChallengeVerifiesUntilItExpires() throws {
        let challenge = signer.issue(at: now)
        #expect(challenge.algorithm == "SHA-256" && challenge.maxnumber == 500)
        #expect(challenge.salt.contains("?expires=1800000600&max=500"))
        let solved = try solution(challenge)
        let verified = try signer.verify(solved, at: now.addingTimeInterval(599))
        #expect(verified == VerifiedSolution(challenge: challenge.challenge, expiresAt: now.addingTimeInterval(600)))
        #expect(throws: ChallengeError.expired) { try signer.verify(solved, at: now.addingTimeInterval(600)) }
    }

    @Test func thePayloadRoundTripsInEveryBase64Spelling() throws {
        let solved = try solution(signer.issue(at: now))
        let standard = solved.payload
        #expect(try ChallengeSolution(payload: standard) == solved)
        let url = standard.replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        #expect(try ChallengeSolution(payload: url.trimmingCharacters(in: CharacterSet(charactersIn: "="))) == solved)
        // The widget's extra members (took) are ignored.
        let widget = try JSONSerialization.data(withJSONObject: [
            "algorithm": solved.algorithm, "challenge": solved.challenge, "number": solved.number,
            "salt": solved.salt, "signature": solved.signature, "took": 123,
        ])
        #expect(try ChallengeSolution(payload: widget.base64EncodedString()) == solved)
    }

    @Test(arguments: [
        ("", ChallengeError.missing), ("   ", .missing), ("%%%", .malformed), ("e30", .malformed),
        (Data("[1]".utf8).base64EncodedString(), .malformed),
        (
            Data(#"{"algorithm":"SHA-256","challenge":"a","number":"1","salt":"s","signature":"x"}"#.utf8)
                .base64EncodedString(), .malformed
        ),
        (String(repeating: "A", count: 4000), .malformed),
    ])
    func unreadablePayloadsAreRefused(_ payload: String, _ expected: ChallengeError) {
        #expect(throws: expected) { try ChallengeSolution(payload: payload) }
    }

    @Test func forgedAlteredAndWrongSolutionsAreRefused() throws {
        let challenge = signer.issue(at: now)
        var forged = try solution(challenge)
        forged.signature = String(forged.signature.reversed())
        #expect(throws: ChallengeError.badSignature) { try signer.verify(forged, at: now) }
        let otherKey = ChallengeSigner(secret: "another installation", difficulty: 500, lifetime: .seconds(600))
        #expect(throws: ChallengeError.badSignature) {
            try signer.verify(try solution(otherKey.issue(at: now)), at: now)
        }
        var sha1 = try solution(challenge)
        sha1.algorithm = "SHA-1"
        #expect(throws: ChallengeError.badSignature) { try signer.verify(sha1, at: now) }
        let number = try solve(challenge)
        #expect(throws: ChallengeError.notSolved) {
            try signer.verify(try solution(challenge, number: number == 0 ? 1 : number - 1), at: now)
        }
        var altered = try solution(challenge)
        altered.salt = altered.salt.replacingOccurrences(of: "max=500", with: "max=900")
        #expect(throws: ChallengeError.notSolved) { try signer.verify(altered, at: now) }
    }

    @Test func aChallengeIssuedAtALowerDifficultyIsTooEasy() throws {
        let easy = ChallengeSigner(secret: "installation secret", difficulty: 50, lifetime: .seconds(600))
        let solved = try solution(easy.issue(at: now))
        #expect(throws: ChallengeError.tooEasy) { try signer.verify(solved, at: now) }
        #expect(try easy.verify(solved, at: now).challenge == solved.challenge)
    }

    @Test func errorCodesAreStable() {
        #expect(
            ChallengeError.allCases.map(\.code) == [
                "challenge_required", "challenge_malformed", "challenge_bad_signature", "challenge_not_solved",
                "challenge_expired", "challenge_too_easy", "challenge_reused",
            ])
    }
}
