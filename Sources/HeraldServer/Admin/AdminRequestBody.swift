import HeraldCore
import Hummingbird
import NIOCore

/// The JSON object body of an admin request, read strictly: `application/json` only, at most
/// `limit` bytes, valid UTF-8, no duplicate keys, bounded nesting, no unknown members.
struct AdminRequestBody {
    let members: [(key: String, value: JSONValue)]

    /// Reads and parses the body of `request`; refuses anything but one JSON object.
    static func read(_ request: Request, limit: Int, allowed: Set<String>) async throws -> AdminRequestBody {
        var request = request
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard contentType.hasPrefix("application/json") else {
            throw AdminError(
                status: .unsupportedMediaType, code: "unsupported_media_type",
                message: "Send the body as application/json.")
        }
        let bytes = Array(buffer: try await request.collectBody(upTo: limit))
        let value: JSONValue
        do {
            value = try StrictJSON.parse(bytes)
        } catch {
            throw AdminError.badRequest("malformed_json", "The JSON body is malformed: \(error.reason).")
        }
        guard case .object(let members) = value else { throw AdminError.invalid("invalid_type", "Send a JSON object.") }
        if let unknown = members.first(where: { !allowed.contains($0.key) }) {
            throw AdminError.invalid(
                "unknown_field",
                "Unknown field '\(AdminText.preview(unknown.key))'; known fields: \(allowed.sorted().joined(separator: ", "))."
            )
        }
        return AdminRequestBody(members: members)
    }

    /// The raw value of `key`; nil when the body has no such key.
    func value(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    /// A string member (null counts as absent); `required` ones must be present and non-empty.
    func string(_ key: String, required: Bool = false, maxLength: Int) throws(AdminError) -> String? {
        switch value(key) {
        case nil, .null?:
            if required { throw AdminError.invalid("missing_field", "'\(key)' is required.") }
            return nil
        case .string(let text)?:
            guard text.unicodeScalars.count <= maxLength else {
                throw AdminError.invalid("too_long", "'\(key)' must be at most \(maxLength) characters.")
            }
            guard !text.unicodeScalars.contains(where: AdminText.isForbidden) else {
                throw AdminError.invalid(
                    "invalid_characters", "'\(key)' must not contain control characters or line breaks.")
            }
            if required, text.isEmpty { throw AdminError.invalid("missing_field", "'\(key)' must not be empty.") }
            return text
        default:
            throw AdminError.invalid("invalid_type", "'\(key)' must be a string.")
        }
    }

    /// A list of strings (a single string counts as a list of one); nil when absent.
    func strings(_ key: String, maxCount: Int, maxLength: Int) throws(AdminError) -> [String]? {
        switch value(key) {
        case nil, .null?: return nil
        case .string?: return [try string(key, maxLength: maxLength) ?? ""]
        case .array(let items)?:
            guard items.count <= maxCount else {
                throw AdminError.invalid("too_many", "'\(key)' may list at most \(maxCount) values.")
            }
            var result: [String] = []
            for item in items {
                guard case .string(let text) = item, text.unicodeScalars.count <= maxLength,
                    !text.unicodeScalars.contains(where: AdminText.isForbidden)
                else { throw AdminError.invalid("invalid_type", "'\(key)' must be a list of short strings.") }
                result.append(text)
            }
            return result
        default:
            throw AdminError.invalid("invalid_type", "'\(key)' must be a list of strings.")
        }
    }
}

/// Checks shared by every admin text input.
enum AdminText {
    /// Control characters (CR, LF, NUL, C1, …) and bidirectional overrides, refused in every field.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool { DisplayControls.contains(scalar) }

    /// The start of untrusted text for an error message.
    static func preview(_ text: String) -> String {
        String(text.unicodeScalars.filter { !isForbidden($0) }.prefix(40).map(Character.init))
    }
}
