import Foundation
import HeraldCore
import HeraldMail
import Testing

/// Delivery to a real SMTP server (aiosmtpd) started by each test.
@Suite("SMTP delivery")
struct SMTPDeliveryTests {
    @Test func deliversARichMessageThatPythonParsesExactly() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let transport = SMTPTransport(configuration: try SMTPTesting.configuration(server))
        let mail = try MessageAssembler().assemble(Fixtures.message())

        let receipt = try await transport.send(mail)

        #expect(receipt.replyCode == 250)
        #expect(receipt.replyText.contains("queued as msg-0001"))
        let received = try #require(try server.received().first, "\(server.log)")
        #expect(received.envelope.mail_from == "news@herald.example.org")
        #expect(received.envelope.rcpt_tos == ["olena@example.org"])
        #expect(Array(received.data) == mail.data, "the server stored exactly the assembled bytes")
        let checked = try await CheckedMail.check(path: received.emlPath)
        #expect(checked.defects == [])
        #expect(checked.subject == Fixtures.subject)
        #expect(checked.text == Fixtures.text)
        #expect(checked.html == Fixtures.html)
        #expect(checked.from.first?.display_name == "Харків сьогодні")
        #expect(checked.to.first?.display_name == "Олена Петренко")
    }

    @Test func fiveMessagesOnOneConnectionUseOneTCPConnection() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let connection = SMTPConnection(configuration: try SMTPTesting.configuration(server))

        for number in 1...5 {
            _ = try await connection.send(try SMTPTesting.mail(number: number))
        }

        #expect(try server.received().count == 5)
        #expect(server.connectionCount == 1)
    }

    @Test func aPoolOfFourSendsInParallel() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let transport = SMTPTransport(configuration: try SMTPTesting.configuration(server), connections: 4)
        let mails = try (1...24).map { try SMTPTesting.mail(to: "reader\($0)@example.org", number: $0) }

        try await withThrowingTaskGroup(of: MailReceipt.self) { group in
            for mail in mails { group.addTask { try await transport.send(mail) } }
            for try await receipt in group { #expect(receipt.replyCode == 250) }
        }

        let recipients = try server.received().flatMap(\.envelope.rcpt_tos)
        #expect(Set(recipients) == Set(mails.flatMap(\.recipients)))
        #expect((2...4).contains(server.connectionCount))
        await transport.closeIdleConnections()
    }

    @Test func multipleRecipientsGetOneTransaction() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        var message = Fixtures.simple()
        message.to.append(Mailbox(address: "second@example.org"))
        let mail = try MessageAssembler().assemble(message)

        _ = try await SMTPTransport(configuration: try SMTPTesting.configuration(server)).send(mail)

        #expect(try server.received().map(\.envelope.rcpt_tos) == [["reader@example.org", "second@example.org"]])
    }

    @Test func nonASCIIAddressesUseSMTPUTF8WhenTheServerOffersIt() async throws {
        var options = SMTPTestServer.Options()
        options.smtpUTF8 = true
        let server = try await SMTPTestServer.start(options)
        defer { server.stop() }
        let mail = try SMTPTesting.mail(to: "олена@приклад.укр")

        _ = try await SMTPTransport(configuration: try SMTPTesting.configuration(server)).send(mail)

        let received = try #require(try server.received().first)
        #expect(received.envelope.smtputf8)
        #expect(received.envelope.rcpt_tos.count == 1)
    }

    @Test func nonASCIIAddressesFailPermanentlyWhenTheServerLacksSMTPUTF8() async throws {
        let server = try await SMTPTestServer.start()
        defer { server.stop() }
        let connection = SMTPConnection(configuration: try SMTPTesting.configuration(server))
        let mail = try SMTPTesting.mail(to: "олена@example.org")

        let error = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await connection.send(mail)
        }
        #expect(error?.kind == .permanent)
        #expect(error?.message.contains("SMTPUTF8") == true)
        // The capabilities are remembered: an ASCII message still goes through, a second UTF-8 one fails fast.
        _ = try await connection.send(try SMTPTesting.mail())
        let again = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await connection.send(mail)
        }
        #expect(again?.message.contains("SMTPUTF8") == true)
        #expect(try server.received().count == 1)
    }
}
