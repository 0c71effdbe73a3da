import Foundation
import HeraldCore

/// What one report file says.
public struct DeliveryReport: Sendable, Equatable {
    /// One entry per failed recipient (DSN) or complained-about recipient (ARF).
    public var bounces: [BounceReport]
    /// Recipients the report names that need no action (delivered, relayed, not-spam…), with why:
    /// one line each, the report's text in it ``DeliveryReport/printable(_:)``.
    public var ignored: [String]
    /// Failures whose per-recipient fields name no usable recipient (no or an `x400;` recipient);
    /// their `address` is empty. Attributed only by a VERP tag.
    public var unnamed: [BounceReport] = []
    /// The addresses the report was delivered to, from `X-Original-To`, `Delivered-To`,
    /// `Envelope-To` and `To` in that order (where a VERP tag is found).
    public var deliveredTo: [String] = []

    /// `text` from a report made safe to print on an operator's terminal: control characters
    /// (C0, DEL, C1: line breaks, escape sequences) shown as `?`, cut after 200 characters.
    public static func printable(_ text: some StringProtocol) -> String {
        let shown = String(
            String.UnicodeScalarView(
                text.unicodeScalars.lazy.map {
                    $0.properties.generalCategory == .control ? "?" : $0
                }))
        return shown.count > 200 ? String(shown.prefix(200)) + "…" : shown
    }
}

/// Reads RFC 3464 delivery status notifications (`multipart/report; report-type=delivery-status`,
/// also RFC 6533's `message/global-delivery-status`) and RFC 5965 feedback reports (ARF).
///
/// Per DSN recipient: `Original-Recipient`, else `Final-Recipient`; status 5.x.x is a hard bounce,
/// 4.x.x a soft one, 2.x.x or `Action: delivered/relayed/expanded` nothing. An ARF report with
/// `Feedback-Type: abuse`, `fraud` or `other` is a complaint about `Original-Rcpt-To` (else the
/// `To:` of the returned message headers). Line endings may be CRLF or LF; invalid UTF-8 is
/// replaced, never fatal; a truncated message yields the recipients read before the cut.
public enum DeliveryReportParser {
    /// The largest file accepted (reports quote the original message, so allow some room).
    public static let maximumBytes = 10 * 1024 * 1024
    /// The most recipients read from one report.
    public static let maximumRecipients = 1000

    /// Parses `bytes`; `receivedAt` dates entries whose report carries no usable date.
    public static func parse(_ bytes: [UInt8], receivedAt: Date) throws(DeliveryReportError) -> DeliveryReport {
        guard bytes.count <= maximumBytes else {
            throw DeliveryReportError(.tooLarge, "the report is \(bytes.count) bytes; the limit is \(maximumBytes)")
        }
        let lines = ReportLines(bytes).lines
        let (head, body) = splitHeaderAndBody(lines[...])
        let header = HeaderBlock(head)
        let type = MediaType(header["content-type"] ?? "text/plain")
        guard type.essence == "multipart/report" else {
            throw DeliveryReportError(
                .notAReport,
                "not a delivery status notification: Content-Type is '\(type.essence.prefix(60))', "
                    + "expected multipart/report")
        }
        guard let boundary = type.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200 else {
            throw DeliveryReportError(.malformed, "multipart/report without a usable boundary parameter")
        }
        let fallbackDate = header["date"].flatMap(ReportDate.parse) ?? receivedAt
        let parts = MultipartBody(body, boundary: boundary).parts.map { BodyPart($0) }
        var report = DeliveryReport(bounces: [], ignored: [])
        report.deliveredTo = DeliveredTo.addresses(in: header)
        var understood = false
        for (index, part) in parts.enumerated() {
            switch part.mediaType.essence {
            case "message/delivery-status", "message/global-delivery-status":
                understood = true
                readDeliveryStatus(part, fallbackDate: fallbackDate, into: &report)
            case "message/feedback-report":
                understood = true
                guard report.bounces.count + report.ignored.count < maximumRecipients else { continue }
                let returned = parts.dropFirst(index + 1).first
                FeedbackReport(part, returned: returned, fallbackDate: fallbackDate).add(to: &report)
            default:
                continue
            }
        }
        guard understood else {
            throw DeliveryReportError(
                .malformed,
                "multipart/report without a message/delivery-status or message/feedback-report part "
                    + "(\(parts.count) part(s) found)")
        }
        return report
    }

    private static func readDeliveryStatus(_ part: BodyPart, fallbackDate: Date, into report: inout DeliveryReport) {
        let groups = fieldGroups(part.body.lines[...])
        let messageDate = groups.first?["arrival-date"].flatMap(ReportDate.parse) ?? fallbackDate
        for group in groups.dropFirst() where report.bounces.count + report.ignored.count < maximumRecipients {
            guard let recipient = RecipientStatus(group) else { continue }
            guard let address = recipient.address else {
                if let kind = recipient.kind {
                    report.unnamed.append(
                        BounceReport(
                            address: "", kind: kind, source: .dsn, diagnostic: recipient.diagnosticText,
                            occurredAt: recipient.lastAttempt ?? messageDate))
                }
                continue
            }
            guard let kind = recipient.kind else {
                report.ignored.append(
                    DeliveryReport.printable(address)
                        + ": action '\(DeliveryReport.printable(recipient.action))', "
                        + "status \(recipient.status.map(DeliveryReport.printable) ?? "none")")
                continue
            }
            report.bounces.append(
                BounceReport(
                    address: address, kind: kind, source: .dsn, diagnostic: recipient.diagnosticText,
                    occurredAt: recipient.lastAttempt ?? messageDate))
        }
    }

    /// The blank-line separated field groups of a delivery-status body (first: per-message fields).
    static func fieldGroups(_ lines: ArraySlice<String>) -> [HeaderBlock] {
        var groups: [HeaderBlock] = []
        var start = lines.startIndex
        for index in lines.indices where lines[index].trimmedSpaces.isEmpty {
            if index > start { groups.append(HeaderBlock(lines[start..<index])) }
            start = index + 1
            if groups.count > maximumRecipients { return groups }
        }
        if start < lines.endIndex { groups.append(HeaderBlock(lines[start...])) }
        return groups
    }
}
