import FuzzDriver
import HeraldCore

@testable import HeraldMail

/// The per-recipient table of RFC 3464 as `RecipientStatus` documents it, checked on the input read
/// as a `message/delivery-status` body (so every field group reaches it, multipart or not).
enum StatusCheck {
    static let didNotFail: Set<String> = ["delivered", "relayed", "expanded"]

    static func verifyGroups(in bytes: [UInt8]) {
        let groups = DeliveryReportParser.fieldGroups(ReportLines(bytes).lines[...])
        require(groups.count <= DeliveryReportParser.maximumRecipients + 1, "\(groups.count) field groups kept")
        for group in groups {
            guard let recipient = RecipientStatus(group) else { continue }
            require(
                recipient.action == recipient.action.trimmedSpaces.lowercased(),
                "action \(String(reflecting: recipient.action))")
            if let status = recipient.status {
                require(!status.contains { $0.isWhitespace }, "status \(String(reflecting: status)) has white space")
            }
            let expected = expectedKind(action: recipient.action, status: recipient.status)
            require(
                recipient.kind == expected,
                "action \(String(reflecting: recipient.action)), status \(String(reflecting: recipient.status)): "
                    + "\(String(describing: recipient.kind)), the table says \(String(describing: expected))")
        }
    }

    /// Hard for 5.x.x, soft for 4.x.x, nothing for 2.x.x or a delivery that did not fail; by the
    /// action (`failed` hard, `delayed` soft) when the status is missing or not a status code.
    static func expectedKind(action: String, status: String?) -> BounceKind? {
        switch status.flatMap(statusClass) {
        case "5": return didNotFail.contains(action) ? nil : .hard
        case "4": return didNotFail.contains(action) ? nil : .soft
        case "2": return nil
        default: return action == "failed" ? .hard : action == "delayed" ? .soft : nil
        }
    }

    /// The class of an RFC 3464 status code (`class "." 1*3digit "." 1*3digit`, class 2, 4 or 5).
    static func statusClass(_ status: String) -> Character? {
        let parts = status.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, ["2", "4", "5"].contains(parts[0]) else { return nil }
        let isNumber = { (part: Substring) in
            (1...3).contains(part.count) && part.allSatisfy { ("0"..."9").contains($0) }
        }
        return isNumber(parts[1]) && isNumber(parts[2]) ? parts[0].first : nil
    }
}
