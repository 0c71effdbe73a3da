import Foundation
import HeraldCore
import HeraldMail
import Testing

/// A header section ends at the first line that is not a field (RFC 5322), as Python's email
/// package reads it (found by Tests/integration/test_differential_dsn.py on a corrupted corpus file).
@Suite("Delivery reports: where a header ends")
struct DeliveryReportHeaderEndTests {
    @Test func aContentTypeAfterALineThatIsNoFieldIsBodyNotHeader() {
        let text = "Subject: x\nnot a field\nContent-Type: multipart/report; boundary=b\n\n--b--\n"
        do {
            _ = try ReportFixtures.parse(Array(text.utf8))
            Issue.record("parsed a report whose Content-Type stands in the body")
        } catch let error as DeliveryReportError {
            #expect(error.code == .notAReport)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func recipientFieldsAfterALineThatIsNoFieldAreNotRead() throws {
        let text = """
            Content-Type: multipart/report; report-type=delivery-status; boundary=b

            --b
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.org

            Final-Recipient: rfc822; first@example.org
            Action: failed
            Status: 5.1.1

            Final-Recipient: rfc822; second@example.org
            Action : failed
            Status: 5.1.1
            --b--

            """
        let report = try ReportFixtures.parse(Array(text.utf8))
        #expect(report.bounces.map(\.address) == ["first@example.org"])
        #expect(report.ignored.count == 1)
    }
}
