import Foundation
import HeraldCore

/// The per-recipient fields of a `message/delivery-status` part (RFC 3464 section 2.3).
struct RecipientStatus {
    let address: String
    let action: String
    let status: String?
    let diagnostic: String?
    let lastAttempt: Date?

    /// Reads one per-recipient group; nil when it names no usable recipient.
    init?(_ fields: HeaderBlock) {
        guard
            let recipient = fields["original-recipient"].flatMap(Self.address)
                ?? fields["final-recipient"].flatMap(Self.address)
        else { return nil }
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
        if address.hasPrefix("<"), address.hasSuffix(">") { address = String(address.dropFirst().dropLast()) }
        return address.isEmpty ? nil : address
    }

    /// Hard for a 5.x.x status, soft for 4.x.x; by the action when the status is missing or
    /// malformed (`failed` → hard, `delayed` → soft); nil for deliveries that did not fail.
    var kind: BounceKind? {
        if let status, let first = status.first, status.split(separator: ".").count == 3 {
            switch first {
            case "5": return action == "delivered" || action == "relayed" || action == "expanded" ? nil : .hard
            case "4": return action == "delivered" || action == "relayed" || action == "expanded" ? nil : .soft
            case "2": return nil
            default: break
            }
        }
        switch action {
        case "failed": return .hard
        case "delayed": return .soft
        default: return nil
        }
    }

    /// "5.1.1 smtp; 550 5.1.1 user unknown" — what the operator sees.
    var diagnosticText: String {
        [status, diagnostic].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }
}

/// RFC 5322 dates as found in reports ("Tue, 3 Jun 2025 10:15:02 +0000", weekday optional).
enum ReportDate {
    static func parse(_ text: String) -> Date? {
        var value = text.trimmedSpaces
        if let comment = value.firstIndex(of: "(") { value = value[..<comment].trimmedSpaces }
        if let comma = value.firstIndex(of: ",") { value = value[value.index(after: comma)...].trimmedSpaces }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in ["d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm Z", "d MMM yyyy HH:mm:ss zzz"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: value) { return date }
        }
        return nil
    }
}
