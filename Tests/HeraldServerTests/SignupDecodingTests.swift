import HTTPTypes
import NIOCore
import Testing

@testable import HeraldApp
@testable import HeraldServer

/// The strict body readers behind POST /subscribe.
@Suite("Signup decoding")
struct SignupDecodingTests {
    @Test func formKeepsRepeatedNewslettersAndDecodesPlusAndPercent() throws {
        let fields = try FormBody.parse(
            Array("email=a%2Bb%40example.org&newsletter=news&newsletter=daily&name=Jane+Doe".utf8))
        let submission = SignupSubmission.fromForm(fields, honeypotField: "website")
        #expect(submission.email == "a+b@example.org")
        #expect(submission.newsletters == ["news", "daily"])
        #expect(submission.name == "Jane Doe")
    }

    @Test(arguments: ["email=%", "email=%G1", "email=%FF", "email=a%E2%82"])
    func brokenFormEncodingIsRejected(body: String) {
        #expect(throws: FormBody.Malformed.self) { _ = try FormBody.parse(Array(body.utf8)) }
    }

    @Test(arguments: [
        #"{"email":"a","email":"b"}"#, #"{"email":"a""#, "", #"{"a":"\ud800"}"#, #"{"a":"x"} junk"#,
        String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "{\"a\":\"\u{01}\"}",
    ])
    func malformedJSONIsRejected(body: String) {
        #expect(throws: StrictJSON.Malformed.self) { _ = try StrictJSON.parse(Array(body.utf8)) }
    }

    // Found by Fuzz/Harnesses/fuzz-signup-body: numbers outside the RFC 8259 grammar were accepted.
    @Test(arguments: ["02", "+1", ".5", "1.", "-", "1e", "1e+", "[01]", "{\"a\":-.5}", "0x10", "1.5e3.2"])
    func numbersOutsideTheJSONGrammarAreRejected(body: String) {
        #expect(throws: StrictJSON.Malformed.self) { _ = try StrictJSON.parse(Array(body.utf8)) }
    }

    @Test(arguments: ["0", "-0", "12", "-1.25", "1e9", "2E-3", "0.5e+10"])
    func numbersInTheJSONGrammarAreAccepted(body: String) throws {
        #expect(try StrictJSON.parse(Array(body.utf8)) == .number(body))
    }

    @Test func jsonWrongTypesAreFieldProblems() throws {
        let value = try StrictJSON.parse(Array(#"{"email": 42, "newsletter": ["news", 7], "name": null}"#.utf8))
        let (submission, problems) = SignupSubmission.fromJSON(value, honeypotField: "website")
        #expect(problems.map(\.field) == ["email", "newsletter"])
        #expect(submission.newsletters == ["news"])
    }

    @Test func jsonEscapesAndUnicodeRoundTrip() throws {
        let value = try StrictJSON.parse(Array(#"{"name":"Олена \"О\" \u00e9 \ud83d\udcf0"}"#.utf8))
        #expect(value == .object([(key: "name", value: .string("Олена \"О\" é 📰"))]))
    }

    @Test func redirectsOnlyToAllowedOrigins() {
        let cors = CORSPolicy(allowedOrigins: ["https://news.example.org"])
        #expect(cors.isAllowedRedirect("https://news.example.org/thanks"))
        #expect(!cors.isAllowedRedirect("https://news.example.org.evil.example/"))
        #expect(!cors.isAllowedRedirect("//evil.example"))
        #expect(!cors.isAllowedRedirect("https://user@news.example.org/"))
        #expect(!cors.isAllowedRedirect("https://news.example.org/\r\nSet-Cookie: x"))
    }
}

/// The client IP used for rate limits and consent records.
@Suite("Client address")
struct ClientAddressTests {
    private func resolver(_ proxies: [String]) -> ClientAddressResolver {
        var policy = WebPolicy()
        policy.trustedProxies = proxies
        return ClientAddressResolver(policy: policy)
    }

    @Test func theSocketPeerIsTheClientUnlessItIsATrustedProxy() throws {
        let peer = try SocketAddress(ipAddress: "203.0.113.7", port: 5000)
        let headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "198.51.100.1"]
        #expect(resolver([]).clientIP(peer: peer, headers: headers) == "203.0.113.7")
        #expect(resolver(["203.0.113.7"]).clientIP(peer: peer, headers: headers) == "198.51.100.1")
    }

    @Test func aForgedChainDoesNotHideTheRealClient() throws {
        let proxy = try SocketAddress(ipAddress: "10.0.0.2", port: 5000)
        let headers: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "1.2.3.4, 198.51.100.9, 10.0.0.3"]
        #expect(resolver(["10.0.0.2", "10.0.0.3"]).clientIP(peer: proxy, headers: headers) == "198.51.100.9")
    }
}
