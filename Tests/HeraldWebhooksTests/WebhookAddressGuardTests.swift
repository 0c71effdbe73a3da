import HeraldCurl
import HeraldWebhooks
import Testing

/// The SSRF guard on webhook POSTs, at connect time (start-up checks are in the e2e tests).
@Suite("Webhook address guard")
struct WebhookAddressGuardTests {
    private let request = WebhookRequest(url: "http://127.0.0.1:1/hook", headers: [], body: Array("{}".utf8))

    @Test func aLoopbackEndpointIsRefusedBeforeConnecting() async {
        let response = await CurlWebhookTransport(timeout: .seconds(2)).post(request)
        guard case .unreachable(let message) = response else {
            Issue.record("expected a refusal, got \(response)")
            return
        }
        #expect(message.contains("refused to connect to 127.0.0.1: loopback address 127.0.0.1"))
    }

    @Test func anAllowedLoopbackEndpointIsTried() async throws {
        let transport = CurlWebhookTransport(
            timeout: .seconds(2), addressPolicy: try OutboundAddressPolicy(allowing: ["127.0.0.0/8"]))
        let response = await transport.post(request)
        guard case .unreachable(let message) = response else {
            Issue.record("expected no answer from a closed port, got \(response)")
            return
        }
        #expect(!message.contains("refused to connect to"), "the guard refused an allowed address: \(message)")
    }
}
