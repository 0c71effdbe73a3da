import Foundation
import HeraldCore
import HeraldMail
import Testing

/// STARTTLS, implicit TLS and AUTH against a real server with a self-signed certificate.
@Suite("SMTP TLS and authentication")
struct SMTPSecurityTests {
    private func tlsServer(auth: (String, String)? = nil, implicit: Bool = false) async throws -> SMTPTestServer {
        var options = SMTPTestServer.Options()
        options.certificate = try await TestCertificate.shared()
        options.requireStartTLS = !implicit
        options.implicitTLS = implicit
        options.auth = auth
        return try await SMTPTestServer.start(options)
    }

    @Test func requiredSTARTTLSDeliversWhenTheCAIsTrusted() async throws {
        let server = try await tlsServer()
        defer { server.stop() }
        let configuration = try SMTPTesting.configuration(
            server, starttls: .required, caFile: try await TestCertificate.shared().caFile
        )

        _ = try await SMTPTransport(configuration: configuration).send(try SMTPTesting.mail())

        #expect(try server.received().first?.envelope.tls == true)
    }

    @Test func anUntrustedCertificateFailsPermanentlyNamingTheCA() async throws {
        let server = try await tlsServer()
        defer { server.stop() }
        let transport = SMTPTransport(configuration: try SMTPTesting.configuration(server, starttls: .required))
        let mail = try SMTPTesting.mail()

        let error = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await transport.send(mail)
        }

        #expect(error?.kind == .permanent)
        #expect(error?.message.contains("certificate") == true)
        #expect(error?.message.contains("CA") == true)
        #expect(try server.received().isEmpty)
    }

    @Test func opportunisticSTARTTLSUpgradesWhenOffered() async throws {
        let server = try await tlsServer()
        defer { server.stop() }
        let configuration = try SMTPTesting.configuration(
            server, starttls: .opportunistic, caFile: try await TestCertificate.shared().caFile
        )

        _ = try await SMTPTransport(configuration: configuration).send(try SMTPTesting.mail())

        #expect(try server.received().first?.envelope.tls == true)
    }

    @Test func requiredSTARTTLSFailsPermanentlyWhenTheServerDoesNotOfferIt() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let transport = SMTPTransport(configuration: try SMTPTesting.configuration(server, starttls: .required))
        let mail = try SMTPTesting.mail()

        let error = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await transport.send(mail)
        }

        #expect(error?.kind == .permanent)
        #expect(error?.message.contains("STARTTLS") == true)
        #expect(try server.received().isEmpty)
    }

    @Test func implicitTLSDelivers() async throws {
        let server = try await tlsServer(implicit: true)
        defer { server.stop() }
        let configuration = try SMTPConfiguration(
            url: "smtps://127.0.0.1:\(server.port)", caFile: try await TestCertificate.shared().caFile,
            connectTimeout: .seconds(5), totalTimeout: .seconds(20)
        )

        _ = try await SMTPTransport(configuration: configuration).send(try SMTPTesting.mail())

        #expect(try server.received().first?.envelope.tls == true)
    }

    @Test func theRightPasswordAuthenticates() async throws {
        let server = try await tlsServer(auth: ("news", "s3cret:/@pass"))
        defer { server.stop() }
        let configuration = try SMTPConfiguration(
            url: "smtp://news:s3cret%3A%2F%40pass@127.0.0.1:\(server.port)?starttls=required",
            caFile: try await TestCertificate.shared().caFile, connectTimeout: .seconds(5), totalTimeout: .seconds(20)
        )
        let connection = SMTPConnection(configuration: configuration)

        for number in 1...3 { _ = try await connection.send(try SMTPTesting.mail(number: number)) }

        let received = try server.received()
        #expect(received.count == 3)
        #expect(received.allSatisfy { $0.envelope.authenticated && $0.envelope.tls })
        #expect(server.connectionCount == 1)
    }

    @Test func aWrongPasswordFailsPermanentlyNamingUserAndServer() async throws {
        let server = try await tlsServer(auth: ("news", "right"))
        defer { server.stop() }
        let configuration = try SMTPTesting.configuration(
            server, starttls: .required, username: "news", password: "wrong",
            caFile: try await TestCertificate.shared().caFile
        )
        let transport = SMTPTransport(configuration: configuration)
        let mail = try SMTPTesting.mail()

        let error = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await transport.send(mail)
        }

        #expect(error?.kind == .permanent)
        #expect(error?.replyCode == 535, "\(String(describing: error))")
        #expect(error?.message.contains("authentication failed for user 'news' at 127.0.0.1:\(server.port)") == true)
        #expect(error?.message.contains("wrong") == false, "the password must not appear in errors")
        #expect(try server.received().isEmpty)
    }
}
