import Crypto
import Foundation
import HeraldCore

/// The `Herald-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
///
/// The timestamp is part of the signed text, so a receiver that rejects old timestamps also
/// rejects replays of a captured request; `Herald-Event-Id` lets it drop a retried delivery it
/// already processed.
public enum WebhookSignature {
    /// The header value for `body` sent at `timestamp` (seconds since 1970).
    public static func header(secret: String, timestamp: Int64, body: [UInt8]) -> String {
        "t=\(timestamp),v1=\(hex(mac(secret: secret, timestamp: timestamp, body: body)))"
    }

    /// Whether `header` is a valid signature of `body` made within `tolerance` of `now`.
    /// Compares in constant time; accepts any of several `v1=` values (secret rotation).
    public static func verify(
        header: String, secret: String, body: [UInt8], now: Date, tolerance: Duration = .seconds(300)
    ) -> Bool {
        var timestamp: Int64?
        var signatures: [[UInt8]] = []
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            if pair[0] == "t" { timestamp = Int64(pair[1]) }
            if pair[0] == "v1", let bytes = bytes(fromHex: pair[1]) { signatures.append(bytes) }
        }
        guard let timestamp, !signatures.isEmpty else { return false }
        let age = now.timeIntervalSince1970 - Double(timestamp)
        guard abs(age) <= tolerance.seconds else { return false }
        let expected = mac(secret: secret, timestamp: timestamp, body: body)
        return signatures.contains { constantTimeEqual($0, expected) }
    }

    static func mac(secret: String, timestamp: Int64, body: [UInt8]) -> [UInt8] {
        var signed = Array("\(timestamp).".utf8)
        signed.append(contentsOf: body)
        let code = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: Array(secret.utf8)))
        return Array(code)
    }

    static func hex(_ bytes: [UInt8]) -> String { Hex.encode(bytes) }

    static func bytes(fromHex text: String) -> [UInt8]? {
        text.utf8.count == 64 ? Hex.decode(text) : nil
    }

    private static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
