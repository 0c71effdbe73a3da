import Foundation

/// Reads `admin_tokens`: a mapping of token name (recorded in the audit log) to token, or
/// `name=token,name=token` in `HERALD_ADMIN_TOKENS`.
extension ConfigurationKey {
    static func parseAdminTokens(_ value: ConfigValue) throws(ConfigurationError) -> [String: String] {
        var tokens: [String: String] = [:]
        for (name, token) in try entries(value) {
            guard !name.isEmpty, name.utf8.count <= 64,
                name.utf8.allSatisfy({ byte in
                    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                        || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "-_.".utf8.contains(byte)
                })
            else { throw value.fail("admin token names use letters, digits, '-', '_' and '.' (at most 64)") }
            let text = try parseToken(token)
            guard !tokens.values.contains(text) else {
                throw value.fail("two admin tokens are the same; give each its own")
            }
            guard tokens[name] == nil else { throw value.fail("admin token name '\(name)' appears twice") }
            tokens[name] = text
        }
        guard !tokens.isEmpty else { throw value.fail("list at least one name: token") }
        return tokens
    }

    private static func entries(_ value: ConfigValue) throws(ConfigurationError) -> [(String, ConfigValue)] {
        guard case .environment(let text) = value.source else {
            return try value.mapping().map { name, token in
                let origin = token.origin.replacingOccurrences(of: "key '", with: "key 'admin_tokens.")
                return (name, ConfigValue(source: token.source, origin: origin, file: token.file))
            }
        }
        var result: [(String, ConfigValue)] = []
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw value.fail("expected name=token[,name=token…]") }
            result.append((String(parts[0]), ConfigValue(source: .environment(String(parts[1])), origin: value.origin)))
        }
        return result
    }
}
