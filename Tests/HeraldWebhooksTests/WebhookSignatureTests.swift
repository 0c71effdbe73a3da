import Foundation
import HeraldWebhooks
import Testing

/// The documented signing scheme: `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
@Suite("Webhook signatures")
struct WebhookSignatureTests {
    let body = Array(#"{"id":"e1","type":"subscription.confirmed"}"#.utf8)
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func headerMatchesAnIndependentlyComputedHMAC() {
        // Computed with: printf '%s' '1700000000.{"id":"e1","type":"subscription.confirmed"}' |
        //   openssl dgst -sha256 -hmac 'whsec_test'
        let header = WebhookSignature.header(secret: "whsec_test", timestamp: 1_700_000_000, body: body)
        #expect(header == "t=1700000000,v1=\(Self.expectedHex)")
    }

    static let expectedHex = "0c4c99cb2754c14b639894c300193f7020810ccb53288d3cc0d867fde9493d61"

    @Test func aFreshSignatureVerifies() {
        let header = WebhookSignature.header(secret: "s3cret", timestamp: 1_700_000_000, body: body)
        #expect(WebhookSignature.verify(header: header, secret: "s3cret", body: body, now: now))
    }

    @Test func aChangedBodyOrSecretFails() {
        let header = WebhookSignature.header(secret: "s3cret", timestamp: 1_700_000_000, body: body)
        #expect(!WebhookSignature.verify(header: header, secret: "other", body: body, now: now))
        #expect(!WebhookSignature.verify(header: header, secret: "s3cret", body: body + [0x20], now: now))
    }

    @Test func anOldOrFutureTimestampIsAReplay() {
        let header = WebhookSignature.header(secret: "s3cret", timestamp: 1_700_000_000, body: body)
        #expect(!WebhookSignature.verify(header: header, secret: "s3cret", body: body, now: now + 301))
        #expect(!WebhookSignature.verify(header: header, secret: "s3cret", body: body, now: now - 301))
        #expect(WebhookSignature.verify(header: header, secret: "s3cret", body: body, now: now + 299))
    }

    @Test(arguments: [
        "", "t=1700000000", "v1=00", "t=abc,v1=" + String(repeating: "0", count: 64),
        "t=1700000000,v1=" + String(repeating: "g", count: 64), "t=1700000000,v1=\r\nX: y",
        String(repeating: "t=1,", count: 10_000),
    ])
    func malformedHeadersNeverVerify(_ header: String) {
        #expect(!WebhookSignature.verify(header: header, secret: "s3cret", body: body, now: now))
    }

    @Test func anyOfSeveralSignaturesMayMatch() {
        let good = WebhookSignature.header(secret: "new", timestamp: 1_700_000_000, body: body)
        let v1 = good.split(separator: ",")[1]
        let header = "t=1700000000,v1=\(String(repeating: "a", count: 64)),\(v1)"
        #expect(WebhookSignature.verify(header: header, secret: "new", body: body, now: now))
    }
}
