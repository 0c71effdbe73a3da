import Foundation
import HeraldCore
import HeraldMail
import Testing

@Suite("SMTP configuration")
struct SMTPConfigurationTests {
    @Test func parsesAFullSubmissionURL() throws {
        let configuration = try SMTPConfiguration(
            url: "smtp://news:p%40ss%3Aw%2Frd@smtp.example.org:587?starttls=required")
        #expect(configuration.host == "smtp.example.org")
        #expect(configuration.port == 587)
        #expect(configuration.security == .startTLS(.required))
        #expect(configuration.credentials == SMTPCredentials(username: "news", password: "p@ss:w/rd"))
        #expect(configuration.verifyCertificates)
        #expect(configuration.endpoint == "smtp.example.org:587")
    }

    @Test func rawSpecialCharactersInThePasswordAreTolerated() throws {
        let configuration = try SMTPConfiguration(url: "smtp://news:pa/ss?w#rd@smtp.example.org:587")
        #expect(configuration.credentials?.password == "pa/ss?w#rd")
        #expect(configuration.host == "smtp.example.org")
    }

    @Test(
        "starttls defaults to required, or opportunistic on loopback",
        arguments: [
            ("smtp://smtp.example.org", StartTLSPolicy.required), ("smtp://localhost:2525", .opportunistic),
            ("smtp://LOCALHOST", .opportunistic), ("smtp://127.0.0.1:25", .opportunistic),
            ("smtp://127.45.6.7", .opportunistic), ("smtp://[::1]:25", .opportunistic),
            ("smtp://[0:0:0:0:0:0:0:1]", .opportunistic), ("smtp://128.0.0.1", .required),
            ("smtp://[::2]", .required), ("smtp://localhost.example.org", .required),
        ]
    )
    func startTLSDefaults(url: String, expected: StartTLSPolicy) throws {
        #expect(try SMTPConfiguration(url: url).security == .startTLS(expected))
    }

    @Test func explicitPolicyWinsOverTheLoopbackDefault() throws {
        #expect(try SMTPConfiguration(url: "smtp://127.0.0.1?starttls=required").security == .startTLS(.required))
        #expect(try SMTPConfiguration(url: "smtp://mx.example.org?starttls=never").security == .startTLS(.never))
        #expect(
            try SMTPConfiguration(url: "smtp://mx.example.org?STARTTLS=Opportunistic").security
                == .startTLS(.opportunistic))
    }

    @Test func defaultPortsFollowTheScheme() throws {
        #expect(try SMTPConfiguration(url: "smtp://mx.example.org").port == 25)
        let implicit = try SMTPConfiguration(url: "smtps://mx.example.org")
        #expect(implicit.port == 465)
        #expect(implicit.security == .implicitTLS)
    }

    @Test func ipv6HostsKeepTheirBracketsOnlyInTheEndpoint() throws {
        let configuration = try SMTPConfiguration(url: "smtp://[2001:db8::25]:587")
        #expect(configuration.host == "2001:db8::25")
        #expect(configuration.endpoint == "[2001:db8::25]:587")
    }

    @Test func credentialsAndOptionsCanBeGivenSeparately() throws {
        let configuration = try SMTPConfiguration(
            url: "smtp://smtp.example.org:587", username: "news", password: "secret", verifyCertificates: false,
            caFile: "/etc/herald/ca.pem", connectTimeout: .seconds(3), totalTimeout: .seconds(30),
            ehloName: "herald.example.org"
        )
        #expect(configuration.credentials == SMTPCredentials(username: "news", password: "secret"))
        #expect(!configuration.verifyCertificates)
        #expect(configuration.caFile == "/etc/herald/ca.pem")
        #expect(configuration.connectTimeout == .seconds(3))
        #expect(configuration.totalTimeout == .seconds(30))
        #expect(configuration.ehloName == "herald.example.org")
    }

    @Test func theURLPathIsTheEHLOName() throws {
        #expect(
            try SMTPConfiguration(url: "smtp://mx.example.org:25/herald.example.org").ehloName == "herald.example.org")
    }

    @Test(
        "rejects malformed URLs with a precise error",
        arguments: [
            ("mx.example.org:25", SMTPConfigurationError.notAURL),
            ("http://mx.example.org", .unsupportedScheme("http")),
            ("smtp://", .missingHost),
            ("smtp://user:pw@:25", .missingHost),
            ("smtp://mx.example.org:0", .invalidPort),
            ("smtp://mx.example.org:70000", .invalidPort),
            ("smtp://mx.example.org:25x", .invalidPort),
            ("smtp://user:secret", .invalidPort),
            ("smtp://[::1", .invalidHost),
            ("smtp://mx example.org", .invalidHost),
            ("smtp://us%zzer:pw@mx.example.org", .invalidPercentEncoding),
            ("smtp://:pw@mx.example.org", .passwordWithoutUser),
            ("smtp://mx.example.org?tls=yes", .unknownParameter("tls")),
            ("smtp://mx.example.org?starttls=maybe", .invalidStartTLS("maybe")),
            ("smtps://mx.example.org?starttls=required", .startTLSWithImplicitTLS),
        ]
    )
    func rejectsMalformedURLs(url: String, expected: SMTPConfigurationError) {
        #expect(throws: expected) { try SMTPConfiguration(url: url) }
    }

    @Test func credentialsInBothPlacesAreAnError() {
        #expect(throws: SMTPConfigurationError.duplicateCredentials) {
            try SMTPConfiguration(url: "smtp://a:b@mx.example.org", username: "c", password: "d")
        }
    }

    @Test func ehloNameInBothPlacesOrNonASCIIIsAnError() {
        #expect(throws: SMTPConfigurationError.invalidEHLOName) {
            try SMTPConfiguration(url: "smtp://mx.example.org/a.example", ehloName: "b.example")
        }
        #expect(throws: SMTPConfigurationError.invalidEHLOName) {
            try SMTPConfiguration(url: "smtp://mx.example.org", ehloName: "приклад")
        }
    }

    @Test func timeoutsMustBePositive() {
        #expect(throws: SMTPConfigurationError.invalidTimeout) {
            try SMTPConfiguration(url: "smtp://mx.example.org", connectTimeout: .zero)
        }
    }

    @Test func thePasswordNeverAppearsInDescriptionsOrErrors() throws {
        let configuration = try SMTPConfiguration(url: "smtp://news:hunter2@smtp.example.org:587")
        #expect(configuration.description == "smtp://news@smtp.example.org:587?starttls=required")
        #expect(!"\(configuration)".contains("hunter2"))
        #expect(!String(reflecting: configuration).contains("hunter2"))
        var dumped = ""
        dump(configuration, to: &dumped)
        #expect(!dumped.contains("hunter2"))
        do {
            _ = try SMTPConfiguration(url: "smtp://news:hunter2")
        } catch {
            #expect(!error.description.contains("hunter2"))
        }
    }
}
