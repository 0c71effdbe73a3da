import Foundation
import HeraldCore
import HeraldMail
import Testing

/// Broken, truncated, oversized and hostile report files: a clear error or a partial result, never a crash.
@Suite("Delivery reports: hostile input")
struct DeliveryReportHostileTests {
    private func code(_ bytes: [UInt8]) -> DeliveryReportError.Code? {
        do {
            _ = try ReportFixtures.parse(bytes)
            return nil
        } catch let error as DeliveryReportError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test func multipartReportWithoutBoundaryIsMalformed() {
        #expect(code(ReportFixtures.bytes("no_boundary.eml")) == .malformed)
    }

    @Test func plainTextBounceIsNotAReport() {
        #expect(code(ReportFixtures.bytes("not_a_report.eml")) == .notAReport)
        #expect(code([]) == .notAReport)
        #expect(code(Array("\r\n\r\n\r\n".utf8)) == .notAReport)
    }

    @Test func truncatedReportYieldsTheRecipientsReadBeforeTheCut() throws {
        let report = try ReportFixtures.parse(ReportFixtures.bytes("truncated.eml"))
        #expect(report.bounces.map(\.address) == ["gone.reader@example.org"])
        #expect(report.bounces.first?.diagnostic == "5.1.1 smtp; 550 5.1.1 <gone.r")
    }

    @Test func reportWithoutStatusPartIsMalformed() {
        let text = "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: text/plain\n\nhello\n--b--\n"
        #expect(code(Array(text.utf8)) == .malformed)
    }

    @Test func oversizedFileIsRefusedBeforeParsing() {
        let huge = [UInt8](repeating: UInt8(ascii: "a"), count: DeliveryReportParser.maximumBytes + 1)
        #expect(code(huge) == .tooLarge)
    }

    @Test func millionsOfLinesAreReadOnlyUpToTheLineLimit() throws {
        let head =
            "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; x\n\nFinal-Recipient: rfc822; early@example.org\nAction: failed\nStatus: 5.1.1\n\n"
        var bytes = Array(head.utf8)
        bytes += [UInt8](repeating: 0x0A, count: DeliveryReportParser.maximumBytes - bytes.count - 100)
        bytes += Array("Final-Recipient: rfc822; late@example.org\nAction: failed\nStatus: 5.1.1\n".utf8)
        let report = try ReportFixtures.parse(bytes)
        #expect(report.bounces.map(\.address) == ["early@example.org"])
    }

    @Test func invalidUTF8IsReplacedNotFatal() throws {
        var bytes = ReportFixtures.bytes("postfix_delayed.eml")
        let marker = Array("Mailbox full".utf8)
        let at = try #require(bytes.indices.last { bytes[$0...].starts(with: marker) })
        bytes.replaceSubrange(at..<(at + 3), with: [0xFF, 0xC3, 0x28])
        let report = try ReportFixtures.parse(bytes)
        #expect(report.bounces.count == 1)
        #expect(report.bounces.first?.diagnostic.contains("\u{FFFD}") == true)
    }

    @Test func manyRecipientsAreCapped() throws {
        var text = "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n"
        text += "Reporting-MTA: dns; x\n\n"
        for index in 0..<5000 {
            text += "Final-Recipient: rfc822; r\(index)@example.org\nAction: failed\nStatus: 5.1.1\n\n"
        }
        text += "--b--\n"
        let report = try ReportFixtures.parse(Array(text.utf8))
        #expect(report.bounces.count == DeliveryReportParser.maximumRecipients)
    }

    @Test(arguments: [
        "Final-Recipient: rfc822;\nAction: failed\nStatus: 5.1.1",
        "Final-Recipient: rfc822 no-semicolon@example.org\nAction: failed",
        "Action: failed\nStatus: 5.1.1",
        "Final-Recipient: rfc822; a@example.org\nAction: delivered\nStatus: 5.1.1",
        "Final-Recipient: rfc822; a@example.org\nAction: expanded\nStatus: 2.0.0",
        ": empty name\n\t continuation without field\nFinal-Recipient: rfc822; <>",
    ])
    func unusableRecipientGroupsAreSkipped(_ group: String) throws {
        let text =
            "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; x\n\n\(group)\n\n--b--\n"
        #expect(try ReportFixtures.parse(Array(text.utf8)).bounces.isEmpty)
    }

    @Test func hostileTextIsKeptAsDataForTheValidatorToRefuse() throws {
        let text =
            "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; x\n\nFinal-Recipient: rfc822; x'); DROP TABLE bounces;--@example.org\n"
            + "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; <script>alert(1)</script>\n\n--b--\n"
        let report = try ReportFixtures.parse(Array(text.utf8))
        #expect(report.bounces.first?.address == "x'); DROP TABLE bounces;--@example.org")
        #expect(report.bounces.first?.diagnostic == "5.1.1 smtp; <script>alert(1)</script>")
    }

    @Test func quotedPrintableStatusPartIsDecoded() throws {
        let text =
            "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n"
            + "Content-Transfer-Encoding: quoted-printable\n\nReporting-MTA: dns; x\n\n"
            + "Final-Recipient: rfc822; caf=C3=A9@example.org\nAction: failed\nStatus: 5.1.1\n"
            + "Diagnostic-Code: smtp; 550 a very long diagnostic that was =\nsoft-broken =3D=ZZ=\n\n--b--\n"
        let bounce = try #require(try ReportFixtures.parse(Array(text.utf8)).bounces.first)
        #expect(bounce.address == "café@example.org")
        #expect(bounce.diagnostic == "5.1.1 smtp; 550 a very long diagnostic that was soft-broken ==ZZ")
    }

    @Test func boundaryLookalikesInsideAPartDoNotSplitIt() throws {
        let text =
            "Content-Type: multipart/report; boundary=b\n\n--b\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; x\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n"
            + "--bb not a delimiter\n\n--b--\n"
        #expect(try ReportFixtures.parse(Array(text.utf8)).bounces.map(\.address) == ["a@example.org"])
    }
}
