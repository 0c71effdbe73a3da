import Foundation

/// A proof-of-work puzzle for the signup form, in the payload format of the open ALTCHA protocol
/// (so sites may use its public widget as well as Herald's own solver script).
///
/// The solver looks for the `number` in `0...maxnumber` with
/// `hex(SHA-256(salt + String(number))) == challenge`. The `signature` is
/// `hex(HMAC-SHA256(key, challenge))`, so only Herald can issue challenges. The salt carries the
/// expiry and the difficulty as parameters (`<random>?expires=<unix seconds>&max=<maxnumber>`),
/// bound to the signature through the challenge hash.
public struct SignupChallenge: Sendable, Equatable, Codable {
    /// Always `SHA-256`.
    public var algorithm: String
    /// Lower-case hex SHA-256 of `salt` followed by the secret number in decimal.
    public var challenge: String
    /// The largest number the solver has to try.
    public var maxnumber: Int
    /// Random text with the expiry and difficulty parameters.
    public var salt: String
    /// Lower-case hex HMAC-SHA256 of `challenge` with Herald's challenge key.
    public var signature: String

    /// A challenge with these fields.
    public init(algorithm: String, challenge: String, maxnumber: Int, salt: String, signature: String) {
        self.algorithm = algorithm
        self.challenge = challenge
        self.maxnumber = maxnumber
        self.salt = salt
        self.signature = signature
    }
}

/// A solved challenge as a client sends it back: the ALTCHA payload, base64 of a JSON object with
/// `algorithm`, `challenge`, `number`, `salt` and `signature` (other members, such as the
/// widget's `took`, are ignored).
public struct ChallengeSolution: Sendable, Equatable {
    /// The algorithm the client says it used.
    public var algorithm: String
    /// The challenge hash, as issued.
    public var challenge: String
    /// The number the client found.
    public var number: Int
    /// The salt, as issued.
    public var salt: String
    /// The signature, as issued.
    public var signature: String

    /// Longest payload accepted (a real one is under 400 bytes).
    public static let maxPayloadBytes = 2048

    /// A solution with these fields.
    public init(algorithm: String, challenge: String, number: Int, salt: String, signature: String) {
        self.algorithm = algorithm
        self.challenge = challenge
        self.number = number
        self.salt = salt
        self.signature = signature
    }

    /// Reads a base64 (standard or URL alphabet, padding optional) ALTCHA payload.
    public init(payload: String) throws(ChallengeError) {
        let trimmed = payload.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw .missing }
        guard trimmed.utf8.count <= Self.maxPayloadBytes, let json = Self.base64Decode(trimmed),
            let wire = try? JSONDecoder().decode(Wire.self, from: json)
        else { throw .malformed }
        self.init(
            algorithm: wire.algorithm, challenge: wire.challenge, number: wire.number, salt: wire.salt,
            signature: wire.signature)
    }

    /// The payload for this solution (what a solver puts into the `altcha` field).
    public var payload: String {
        let wire = Wire(algorithm: algorithm, challenge: challenge, number: number, salt: salt, signature: signature)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return ((try? encoder.encode(wire)) ?? Data()).base64EncodedString()
    }

    private struct Wire: Codable {
        let algorithm: String
        let challenge: String
        let number: Int
        let salt: String
        let signature: String
    }

    private static func base64Decode(_ text: String) -> Data? {
        var standard = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        let remainder = standard.utf8.count % 4
        if remainder == 1 { return nil }
        if remainder > 0 { standard += String(repeating: "=", count: 4 - remainder) }
        return Data(base64Encoded: standard)
    }
}
