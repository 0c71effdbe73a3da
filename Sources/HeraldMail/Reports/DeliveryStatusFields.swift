import Foundation
import HeraldCore

/// The per-recipient fields of a `message/delivery-status` part (RFC 3464 section 2.3).
struct RecipientStatus {
    /// The recipient named by `Original-Recipient`, else `Final-Recipient`; nil when neither is usable.
    let address: String?
    let action: String
    let status: String?
    let diagnostic: String?
    let lastAttempt: Date?

    /// Reads one per-recipient group; nil when it has neither a usable recipient nor an action or status.
    init?(_ fields: HeaderBlock) {
        let recipient =
            fields["original-recipient"].flatMap(Self.address) ?? fields["final-recipient"].flatMap(Self.address)
        guard recipient != nil || fields["action"] != nil || fields["status"] != nil else { return nil }
        address = recipient
        action = (fields["action"] ?? "").trimmedSpaces.lowercased()
        status = fields["status"].map { String($0.trimmedSpaces.prefix(while: { !$0.isWhitespace })) }
        diagnostic = fields["diagnostic-code"]
        lastAttempt = fields["last-attempt-date"].flatMap(ReportDate.parse)
    }

    /// `rfc822; user@example.org` (or `utf-8;`) → the address without angle brackets.
    static func address(_ value: String) -> String? {
        guard let semicolon = value.firstIndex(of: ";") else { return nil }
        let type = value[..<semicolon].trimmedSpaces.lowercased()
        guard type == "rfc822" || type == "utf-8" else { return nil }
        var address = value[value.index(after: semicolon)...].trimmedSpaces
        if address.hasPrefix("<"), address.hasSuffix(">") { address = address.dropFirst().dropLast().trimmedSpaces }
        return address.isEmpty ? nil : address
    }

    /// Hard for a 5.x.x status, soft for 4.x.x; by the action when the status is missing or
    /// malformed (`failed` → hard, `delayed` → soft); nil for deliveries that did not fail.
    var kind: BounceKind? {
        let didNotFail = action == "delivered" || action == "relayed" || action == "expanded"
        switch status.flatMap(Self.statusClass) {
        case "5": return didNotFail ? nil : .hard
        case "4": return didNotFail ? nil : .soft
        case "2": return nil
        default: break
        }
        switch action {
        case "failed": return .hard
        case "delayed": return .soft
        default: return nil
        }
    }

    /// The class (`2`, `4` or `5`) of an RFC 3464 status code, `class "." 1*3digit "." 1*3digit`;
    /// nil for anything else (`5.0.x`, `5..1`, `4.7`), which then counts by its action.
    static func statusClass(_ status: String) -> Character? {
        let parts = status.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 1, let first = parts[0].first, [0x32, 0x34, 0x35].contains(first),
            parts.dropFirst().allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy { (0x30...0x39).contains($0) } })
        else { return nil }
        return Character(Unicode.Scalar(first))
    }

    /// "5.1.1 smtp; 550 5.1.1 user unknown" — what the operator sees.
    var diagnosticText: String {
        [status, diagnostic].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}
