import Foundation
import HeraldCore
import HeraldMail
import Testing

@Suite("Folder transport")
struct FolderTransportTests {
    @Test func writesEachMessageAsAnEMLFile() async throws {
        let folder = try TestEnvironment.makeTemporaryDirectory("folder").appendingPathComponent("outbox")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let transport = FolderTransport(folder: folder)
        let mail = try MessageAssembler().assemble(Fixtures.message())

        let receipt = try await transport.send(mail)

        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 1)
        let name = try #require(names.first)
        #expect(name.hasSuffix(".eml"))
        #expect(receipt.replyCode == 250)
        #expect(receipt.replyText.hasSuffix(name))
        #expect(Array(try Data(contentsOf: folder.appendingPathComponent(name))) == mail.data)
        let checked = try await CheckedMail.check(path: folder.appendingPathComponent(name).path)
        #expect(checked.defects == [])
        #expect(checked.subject == Fixtures.subject)
    }

    @Test func concurrentSendsLeaveOnlyCompleteUniqueFiles() async throws {
        let folder = try TestEnvironment.makeTemporaryDirectory("folder")
        defer { try? FileManager.default.removeItem(at: folder) }
        let transport = FolderTransport(folder: folder)
        let mails = try (1...40).map { try SMTPTesting.mail(number: $0) }

        try await withThrowingTaskGroup(of: MailReceipt.self) { group in
            for mail in mails { group.addTask { try await transport.send(mail) } }
            try await group.waitForAll()
        }

        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names.count == 40)
        #expect(names.allSatisfy { $0.hasSuffix(".eml") && !$0.hasPrefix(".") })
        let contents = try Set(names.map { try Data(contentsOf: folder.appendingPathComponent($0)) })
        #expect(contents == Set(mails.map { Data($0.data) }))
    }

    @Test func anUnwritableFolderIsATransientFailure() async throws {
        let file = try TestEnvironment.makeTemporaryDirectory("folder").appendingPathComponent("not-a-folder")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        try Data("x".utf8).write(to: file)
        let transport = FolderTransport(folder: file)
        let mail = try SMTPTesting.mail()

        let error = await SMTPTesting.deliveryError { () async throws(MailDeliveryError) in
            try await transport.send(mail)
        }

        #expect(error?.kind == .transient)
        #expect(error?.message.contains("not-a-folder") == true)
    }
}
