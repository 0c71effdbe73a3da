import Foundation
import HeraldCore
import HeraldMail
import Testing

/// Real-world-shaped delivery status notifications and feedback reports.
@Suite("Delivery reports: real-world shapes")
struct DeliveryReportParserTests {
    @Test(arguments: [false, true])
    func postfixHardBounceNamesTheRecipientWithStatusAndDiagnostic(_ crlf: Bool) throws {
        let report = try ReportFixtures.parse(
            crlf ? ReportFixtures.crlf("postfix_hard.eml") : ReportFixtures.bytes("postfix_hard.eml"))
        #expect(report.bounces.count == 1)
        let bounce = try #require(report.bounces.first)
        #expect(bounce.address == "gone.reader@example.org")
        #expect(bounce.kind == .hard)
        #expect(bounce.source == .dsn)
        #expect(
            bounce.diagnostic.hasPrefix("5.1.1 smtp; 550 5.1.1 <gone.reader@example.org>: Recipient address rejected"))
        #expect(bounce.diagnostic.hasSuffix("User unknown in virtual mailbox table"))
        // Arrival-Date: Tue, 3 Jun 2025 10:15:02 +0000
        #expect(bounce.occurredAt == Date(timeIntervalSince1970: 1_748_945_702))
    }

    @Test func postfixDelayIsASoftBounce() throws {
        let report = try ReportFixtures.parse(ReportFixtures.bytes("postfix_delayed.eml"))
        #expect(report.bounces.map(\.kind) == [.soft])
        #expect(report.bounces.first?.address == "full.box@example.net")
        #expect(report.bounces.first?.diagnostic == "4.2.2 smtp; 452 4.2.2 Mailbox full")
    }

    @Test func eximUnquotedBoundaryAndFieldOrderAreRead() throws {
        let report = try ReportFixtures.parse(ReportFixtures.bytes("exim_hard.eml"))
        #expect(report.bounces.map(\.address) == ["Someone.Missing@Example.COM"])
        #expect(report.bounces.first?.kind == .hard)
        #expect(report.bounces.first?.diagnostic == "5.0.0 smtp; 550 5.1.1 No such user here")
        // No Arrival-Date or Last-Attempt-Date: the message's Date header (Thu, 05 Jun 2025 14:22:31 +0200).
        #expect(report.bounces.first?.occurredAt == Date(timeIntervalSince1970: 1_749_126_151))
    }

    @Test func gmailNestedMultipartAndFoldedDiagnosticAreRead() throws {
        let report = try ReportFixtures.parse(ReportFixtures.bytes("gmail_hard.eml"))
        let bounce = try #require(report.bounces.first)
        #expect(report.bounces.count == 1)
        #expect(bounce.address == "no.such.person.here@gmail.com")
        #expect(bounce.kind == .hard)
        #expect(
            bounce.diagnostic.contains("The email account that you tried to reach does not exist. Please try 550-5.1.1")
        )
        #expect(!bounce.diagnostic.contains("<script>"))
        // Last-Attempt-Date: Thu, 05 Jun 2025 08:41:56 -0700
        #expect(bounce.occurredAt == Date(timeIntervalSince1970: 1_749_138_116))
    }

    @Test func severalRecipientsOriginalRecipientWinsDeliveredAndNonInternetAreIgnored() throws {
        let report = try ReportFixtures.parse(ReportFixtures.bytes("multi_recipient.eml"))
        #expect(report.bounces.map(\.address) == ["reader.one@example.org", "reader.three@example.org"])
        #expect(report.bounces.map(\.kind) == [.hard, .hard])
        #expect(report.ignored == ["reader.two@example.org: action 'delivered', status 2.0.0"])
    }

    @Test func arfAbuseReportIsAComplaint() throws {
        let report = try ReportFixtures.parse(ReportFixtures.bytes("arf_complaint.eml"))
        #expect(report.bounces.count == 1)
        #expect(report.bounces.first?.address == "annoyed.reader@example.com")
        #expect(report.bounces.first?.kind == .complaint)
        #expect(report.bounces.first?.source == .arf)
        #expect(report.bounces.first?.diagnostic == "feedback-type abuse from SomeGenerator/1.0")
    }

    @Test func arfWithoutRecipientFieldUsesTheReturnedHeadersAndBase64Part() throws {
        let report = try ReportFixtures.parse(ReportFixtures.bytes("arf_redacted.eml"))
        #expect(report.bounces.map(\.address) == ["hidden.reader@example.net"])
        #expect(report.bounces.first?.kind == .complaint)
        // No date anywhere: the time the file was received.
        #expect(report.bounces.first?.occurredAt == ReportFixtures.received)
    }
}
