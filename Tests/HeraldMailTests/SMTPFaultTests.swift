import Foundation
import HeraldCore
import HeraldMail
import Testing

/// How delivery failures are classified, provoked on a real server.
@Suite("SMTP faults")
struct SMTPFaultTests {
    private func server(_ configure: (inout SMTPTestServer.Options) -> Void) async throws -> SMTPTestServer {
        var options = SMTPTestServer.Options()
        configure(&options)
        return try await SMTPTestServer.start(options)
    }

    @Test func aServerThatIsDownIsATransientFailure() async throws {
        let server = try await SMTPTestServer.start()
        let configuration = try SMTPTesting.configuration(server)
        server.stop()  // nothing listens on the port any more: connection refused
        let transport = SMTPTransport(configuration: configuration)
        let mail = try SMTPTesting.mail()

        let error = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await transport.send(mail)
        }

        #expect(error?.kind == .transient)
        #expect(error?.replyCode == nil)
        #expect(error?.message.contains("127.0.0.1:\(server.port)") == true)
    }

    @Test func a451ReplyIsTransientAndTheNextMessageGoesThrough() async throws {
        let server = try await server { $0.failFirstData = 451 }
        defer { server.stop() }
        let connection = SMTPConnection(configuration: try SMTPTesting.configuration(server))
        let mail = try SMTPTesting.mail()

        let error = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await connection.send(mail)
        }

        #expect(error?.kind == .transient)
        #expect(error?.replyCode == 451)
        #expect(error?.message.contains("Temporary failure") == true)
        let receipt = try await connection.send(mail)
        #expect(receipt.replyCode == 250)
        #expect(try server.received().count == 1)
    }

    @Test func a550ForOneRecipientIsPermanentWithTheServersText() async throws {
        let server = try await server { $0.rejectRecipients = "^nobody@" }
        defer { server.stop() }
        let connection = SMTPConnection(configuration: try SMTPTesting.configuration(server))
        let rejected = try SMTPTesting.mail(to: "nobody@example.org")

        let error = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await connection.send(rejected)
        }

        #expect(error?.kind == .permanent, "\(String(describing: error))")
        #expect(error?.replyCode == 550)
        #expect(error?.message.contains("Recipient address rejected") == true)
        _ = try await connection.send(try SMTPTesting.mail(to: "somebody@example.org"))
        #expect(try server.received().map(\.envelope.rcpt_tos) == [["somebody@example.org"]])
    }

    @Test func aConnectionDroppedDuringDATAIsTransientAndTheNextMessageGoesThrough() async throws {
        let server = try await server { $0.dropDuringData = true }
        defer { server.stop() }
        let connection = SMTPConnection(configuration: try SMTPTesting.configuration(server))
        let mail = try MessageAssembler().assemble(Fixtures.message())

        let error = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await connection.send(mail)
        }

        #expect(error?.kind == .transient)
        #expect(try server.received().isEmpty)
        _ = try await connection.send(mail)
        #expect(try server.received().count == 1)
        #expect(server.connectionCount == 2)
    }

    @Test func aConnectionTheServerClosedWhileIdleIsReplacedTransparently() async throws {
        let server = try await server { $0.idleTimeout = 0.5 }
        defer { server.stop() }
        let connection = SMTPConnection(configuration: try SMTPTesting.configuration(server))

        _ = try await connection.send(try SMTPTesting.mail(number: 1))
        try await Task.sleep(for: .seconds(1.5))
        _ = try await connection.send(try SMTPTesting.mail(number: 2))

        #expect(try server.received().count == 2)
        #expect(server.connectionCount == 2)
    }
}
