import Crypto
import Foundation
import HeraldCore

/// What a verified solution is good for: spending once, until its challenge expires.
public struct VerifiedSolution: Sendable, Equatable {
    /// The challenge hash: the key under which the solution is recorded as spent.
    public var challenge: String
    /// When the challenge expires; a spent record may be forgotten after that.
    public var expiresAt: Date
}

/// Issues and verifies signup challenges with a key derived from an installation secret.
///
/// Verification is stateless; that a solution is used only once is the store's part
/// (`SpentChallengeOperations`).
public struct ChallengeSigner: Sendable {
    private let keyBytes: [UInt8]
    /// The `maxnumber` of issued challenges, and the lowest one a solution must have been issued with.
    public let difficulty: Int
    /// How long an issued challenge may be solved and sent.
    public let lifetime: Duration

    /// The algorithm name in the ALTCHA format.
    public static let algorithm = "SHA-256"

    /// A signer whose key is derived from `secret` (the manage-link secret), so every process of
    /// an installation issues and accepts the same challenges and the key follows the secret.
    public init(secret: String, difficulty: Int, lifetime: Duration) {
        let derived = HMAC<SHA256>.authenticationCode(
            for: Array("herald:signup-challenge:v1".utf8), using: SymmetricKey(data: Array(secret.utf8)))
        keyBytes = Array(derived)
        self.difficulty = difficulty
        self.lifetime = lifetime
    }

    /// A fresh challenge, valid for ``lifetime`` from `time`.
    public func issue(at time: Date) -> SignupChallenge {
        let maxnumber = difficulty
        var generator = SystemRandomNumberGenerator()
        let random = withUnsafeBytes(of: (generator.next(), generator.next())) { Hex.encode($0.prefix(12)) }
        let expires = Int(time.addingTimeInterval(lifetime.seconds).timeIntervalSince1970.rounded(.up))
        let salt = "\(random)?expires=\(expires)&max=\(maxnumber)"
        let number = Int.random(in: 0...maxnumber, using: &generator)
        let challenge = Self.hash(salt: salt, number: number)
        return SignupChallenge(
            algorithm: Self.algorithm, challenge: challenge, maxnumber: maxnumber, salt: salt,
            signature: sign(challenge))
    }

    /// Checks a solution: Herald's signature, a correct number, not expired at `time`, issued with
    /// at least the current ``difficulty``. Spending it is the caller's next step.
    public func verify(_ solution: ChallengeSolution, at time: Date) throws(ChallengeError) -> VerifiedSolution {
        guard solution.algorithm == Self.algorithm,
            ConstantTime.equal(Array(sign(solution.challenge).utf8), Array(solution.signature.lowercased().utf8))
        else { throw .badSignature }
        guard solution.number >= 0,
            ConstantTime.equal(
                Array(Self.hash(salt: solution.salt, number: solution.number).utf8),
                Array(solution.challenge.lowercased().utf8))
        else { throw .notSolved }
        // The salt is bound to the signature through the challenge hash, so its parameters are Herald's.
        let parameters = Self.parameters(of: solution.salt)
        guard let expires = parameters["expires"].flatMap(Int.init), let max = parameters["max"].flatMap(Int.init)
        else { throw .malformed }
        let expiresAt = Date(timeIntervalSince1970: TimeInterval(expires))
        guard time < expiresAt else { throw .expired }
        guard max >= difficulty else { throw .tooEasy }
        return VerifiedSolution(challenge: solution.challenge.lowercased(), expiresAt: expiresAt)
    }

    private func sign(_ challenge: String) -> String {
        Hex.encode(HMAC<SHA256>.authenticationCode(for: Array(challenge.utf8), using: SymmetricKey(data: keyBytes)))
    }

    static func hash(salt: String, number: Int) -> String {
        Hex.encode(SHA256.hash(data: Array((salt + String(number)).utf8)))
    }

    /// The `name=value` pairs after the `?` of a salt.
    private static func parameters(of salt: String) -> [String: String] {
        guard let query = salt.split(separator: "?", maxSplits: 1).dropFirst().first else { return [:] }
        var result: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { result[String(parts[0])] = String(parts[1]) }
        }
        return result
    }
}
