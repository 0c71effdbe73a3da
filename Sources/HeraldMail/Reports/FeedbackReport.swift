import Foundation
import HeraldCore

/// An RFC 5965 `message/feedback-report` part and the returned message that follows it.
struct FeedbackReport {
    let feedbackType: String
    let recipient: String?
    let arrival: Date?
    let userAgent: String

    /// Feedback types that mean the recipient does not want the mail.
    static let complaintTypes: Set<String> = ["abuse", "fraud", "other"]

    init(_ part: BodyPart, returned: BodyPart?, fallbackDate: Date) {
        let fields = HeaderBlock(part.body.lines[...])
        feedbackType = (fields["feedback-type"] ?? "").trimmedSpaces.lowercased()
        userAgent = fields["user-agent"] ?? ""
        arrival = fields["arrival-date"].flatMap(ReportDate.parse) ?? fallbackDate
        recipient = fields["original-rcpt-to"].flatMap(Self.bare) ?? returned.flatMap(Self.returnedRecipient)
    }

    func add(to report: inout DeliveryReport) {
        guard let recipient else {
            report.ignored.append(
                "feedback report (\(DeliveryReport.printable(feedbackType.prefix(40)))) without a recipient address")
            return
        }
        guard Self.complaintTypes.contains(feedbackType) else {
            report.ignored.append(
                "\(DeliveryReport.printable(recipient)): feedback type '\(DeliveryReport.printable(feedbackType.prefix(40)))'"
            )
            return
        }
        let agent = userAgent.isEmpty ? "" : " from \(userAgent.prefix(80))"
        report.bounces.append(
            BounceReport(
                address: recipient, kind: .complaint, source: .arf,
                diagnostic: "feedback-type \(feedbackType)\(agent)", occurredAt: arrival ?? Date()))
    }

    /// The `To:` of the returned message (`message/rfc822` or `text/rfc822-headers`).
    private static func returnedRecipient(_ part: BodyPart) -> String? {
        guard ["message/rfc822", "text/rfc822-headers"].contains(part.mediaType.essence) else { return nil }
        let (head, _) = splitHeaderAndBody(part.body.lines[...])
        return HeaderBlock(head)["to"].flatMap(bare)
    }

    /// `Name <a@b>` or `<a@b>` or `a@b` → `a@b`.
    static func bare(_ value: String) -> String? {
        var text = value.trimmedSpaces
        if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
            text = text[text.index(after: open)..<close].trimmedSpaces  // `< a@b >`
        }
        return text.isEmpty ? nil : text
    }
}
