import Foundation
import HeraldCore
import HeraldMail
import Testing

/// Found by Fuzz/fuzz-dsn: status codes outside RFC 3464's grammar, and the report dates.
@Suite("Delivery reports: fuzzing findings")
struct DeliveryReportFuzzFindingsTests {
    private func report(_ group: String, date: String = "Tue, 3 Jun 2025 10:15:02 +0000") throws -> DeliveryReport {
        let text =
            "Content-Type: multipart/report; boundary=b\nDate: \(date)\n\n--b\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; x\n\n\(group)\n\n--b--\n"
        return try ReportFixtures.parse(Array(text.utf8))
    }

    @Test(arguments: ["5.0.\u{FFFD}\u{FFFD}0", "5.x.1", "5..1", "5.1", "5.1.1.1", "5.1111.1", "52.1.1", "5.1.1x"])
    func aMalformedStatusCountsByTheActionNotByItsFirstDigit(_ status: String) throws {
        // Before: any three dot-separated pieces starting with 5 made a hard bounce, even with no action.
        let silent = try report("Final-Recipient: rfc822; a@example.org\nStatus: \(status)")
        #expect(silent.bounces.isEmpty && silent.ignored.count == 1)
        let delayed = try report("Final-Recipient: rfc822; a@example.org\nAction: delayed\nStatus: \(status)")
        #expect(delayed.bounces.map(\.kind) == [.soft])
    }

    @Test(arguments: [("5.1.1", BounceKind.hard), ("4.4.7", .soft), ("5.7.123", .hard), ("4.0.0", .soft)])
    func aWellFormedStatusDecides(_ status: String, _ kind: BounceKind) throws {
        let parsed = try report("Final-Recipient: rfc822; a@example.org\nAction: delayed\nStatus: \(status) (comment)")
        #expect(parsed.bounces.map(\.kind) == [kind])
    }

    @Test(arguments: [
        ("Thu, 05 Jun 2025 08:41:56 -0700 (PDT)", 1_749_138_116.0),
        ("5 Jun 2025 15:41:56 +0000", 1_749_138_116),
        ("Thu, 5 Jun 2025 15:41 GMT", 1_749_138_060),
        ("thu,  5 jun 2025 08:41:56 PDT", 1_749_138_116),
        ("Thu, 05 Jun 25 11:41:56 EDT", 1_749_138_116),
        ("Thu, 5 Jun 2025 17:11:56 +0130", 1_749_138_116),
    ])
    func reportDatesAreReadByHand(_ date: String, _ seconds: Double) throws {
        let parsed = try report("Final-Recipient: rfc822; a@example.org\nAction: failed\nLast-Attempt-Date: \(date)")
        #expect(parsed.bounces.first?.occurredAt == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        "Thu, 29 Feb 2025 10:00:00 +0000", "5 Jun 2025 24:00:00 +0000", "5 Jun 2025 10:00:00 Europe/London",
        "5 Jun 2025 10:00:00 +0060", "5 Jun 2025 10:00:00", "5 Juni 2025 10:00:00 +0000", "5 Jun 225 10:00:00 +0000",
        "５ Jun 2025 10:00:00 +0000", "",
    ])
    func somethingThatIsNotADateFallsBackToTheMessageDate(_ date: String) throws {
        let parsed = try report("Final-Recipient: rfc822; a@example.org\nAction: failed\nLast-Attempt-Date: \(date)")
        // The message's Date header: Tue, 3 Jun 2025 10:15:02 +0000.
        #expect(parsed.bounces.first?.occurredAt == Date(timeIntervalSince1970: 1_748_945_702))
    }

    @Test func reportTextIsPrintedWithoutControlCharacters() throws {
        // `bounces ingest` prints these lines: an escape sequence in a report must not reach the terminal.
        let parsed = try report(
            "Final-Recipient: rfc822; a\u{1B}]52;c;aGk=\u{07}@example.org\rx\nAction: deli\u{9B}vered\nStatus: 2.0.0")
        #expect(parsed.ignored == ["a?]52;c;aGk=?@example.org?x: action 'deli?vered', status 2.0.0"])
        #expect(DeliveryReport.printable("x\u{7F}\u{0}y") == "x??y")
        #expect(
            DeliveryReport.printable(String(repeating: "a", count: 300)) == String(repeating: "a", count: 200) + "…")
    }

    @Test func feedbackReportsCountTowardsTheRecipientCap() throws {
        var text = "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n"
        text += "Reporting-MTA: dns; x\n\n"
        for index in 0..<DeliveryReportParser.maximumRecipients {
            text += "Final-Recipient: rfc822; r\(index)@example.org\nAction: failed\nStatus: 5.1.1\n\n"
        }
        text +=
            "--b\nContent-Type: message/feedback-report\n\nFeedback-Type: abuse\nOriginal-Rcpt-To: late@example.org\n"
        text += "--b--\n"
        let parsed = try ReportFixtures.parse(Array(text.utf8))
        #expect(parsed.bounces.count == DeliveryReportParser.maximumRecipients)
        #expect(!parsed.bounces.contains { $0.address == "late@example.org" })
    }

    @Test func spacesInsideAngleBracketsAreNotPartOfTheRecipient() throws {
        // Found by fuzz-dsn: `To: "Reader" < a@example.org>` gave the recipient " a@example.org".
        let dsn = try report("Final-Recipient: rfc822; < a@example.org\t>\nAction: failed\nStatus: 5.1.1")
        #expect(dsn.bounces.map(\.address) == ["a@example.org"])
        let text =
            "Content-Type: multipart/report; report-type=feedback-report; boundary=b\n\n--b\n"
            + "Content-Type: message/feedback-report\n\nFeedback-Type: abuse\n--b\nContent-Type: text/rfc822-headers\n\n"
            + "To: \"Reader, R\" < b@example.org >\nSubject: x\n\n--b--\n"
        #expect(try ReportFixtures.parse(Array(text.utf8)).bounces.map(\.address) == ["b@example.org"])
        let empty = try report("Final-Recipient: rfc822; < >\nAction: failed\nStatus: 5.1.1")
        #expect(empty.bounces.isEmpty && empty.ignored.isEmpty)
    }
}
