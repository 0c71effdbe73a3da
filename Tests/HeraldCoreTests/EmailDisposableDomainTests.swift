import Foundation
import HeraldCore
import Testing

@Suite("Disposable domain blocklist")
struct EmailDisposableDomainTests {
    private func withListFile<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-disposable-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    private let fileText = """
        # disposable mailbox services
        mailinator.com

          Guerrillamail.COM  
        wegwerf-bücher.de
        trash-mail.net.
        """

    @Test func loadsEntriesFromAFile() throws {
        let list = try withListFile(fileText) { try DisposableDomainList(contentsOfFile: $0) }
        #expect(list.count == 4)
        #expect(list.contains(domain: "mailinator.com"))
        #expect(list.contains(domain: "guerrillamail.com"))
        #expect(list.contains(domain: "GuerrillaMail.com"))
        #expect(list.contains(domain: "xn--wegwerf-bcher-4ob.de"))
        #expect(list.contains(domain: "trash-mail.net"))
        #expect(!list.contains(domain: "example.com"))
    }

    @Test func subdomainsOfAListedDomainMatch() {
        let list = DisposableDomainList(domains: ["mailinator.com"])
        #expect(list.contains(domain: "eu.mailinator.com"))
        #expect(list.contains(domain: "a.b.mailinator.com"))
        #expect(!list.contains(domain: "notmailinator.com"))
        #expect(!list.contains(domain: "mailinator.com.evil.org"))
        #expect(!list.contains(domain: "com"))
    }

    @Test func policyRejectsBlockedDomainsAndTheirSubdomains() throws {
        let list = try withListFile(fileText) { try DisposableDomainList(contentsOfFile: $0) }
        let policy = EmailValidationPolicy(blockedDomains: list)
        #expect(throws: EmailValidationError(.disposableDomain)) {
            try EmailAddress(validating: "jane@Mailinator.com", policy: policy)
        }
        #expect(throws: EmailValidationError(.disposableDomain)) {
            try EmailAddress(validating: "jane@inbox.mailinator.com", policy: policy)
        }
        #expect(throws: EmailValidationError(.disposableDomain)) {
            try EmailAddress(validating: "jane@wegwerf-bücher.de", policy: policy)
        }
        #expect(throws: EmailValidationError(.disposableDomain)) {
            try EmailAddress(validatingUTF8: Array("jane@guerrillamail.com".utf8), policy: policy)
        }
        #expect(try EmailAddress(validating: "jane@example.com", policy: policy).smtpAddress == "jane@example.com")
        #expect(try EmailAddress(validating: "jane@mailinator.com").smtpAddress == "jane@mailinator.com")
    }

    @Test func missingFileThrowsWithItsPath() {
        #expect(throws: DisposableDomainListError.self) {
            try DisposableDomainList(contentsOfFile: "/nonexistent/herald/disposable.txt")
        }
        do {
            _ = try DisposableDomainList(contentsOfFile: "/nonexistent/herald/disposable.txt")
        } catch {
            #expect(error.description.contains("/nonexistent/herald/disposable.txt"))
        }
    }
}
