import Foundation

/// Builds the JSON object text of an audit entry's details, keys sorted.
public enum AuditDetail {
    /// `{"key":"value",…}` for the non-nil values.
    public static func json(_ fields: [String: String?]) -> String {
        let present = fields.compactMapValues { $0 }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(present) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
