import Foundation
import HeraldCore

/// Parsers for configuration values that need more than a type check.
extension ConfigurationKey {
    static func parseListen(_ value: ConfigValue) throws(ConfigurationError) -> (String, Int) {
        let text = try value.text()
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw value.fail("expected host:port (e.g. 127.0.0.1:8080), got '\(text.prefix(60))'") }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty else { throw value.fail("missing host in '\(text)'") }
        return (host, port)
    }

    /// The site's public URL. Its host is checked in the form written (`encodedHost`): `host` would
    /// decode IDNA through ICU, loading its normalisation data into every command that reads the file.
    static func parseBaseURL(_ value: ConfigValue) throws(ConfigurationError) -> String {
        let text = try value.text()
        guard let url = URLComponents(string: text), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.encodedHost?.isEmpty == false, url.query == nil, url.fragment == nil
        else { throw value.fail("expected an http(s) URL without query, got '\(text.prefix(80))'") }
        return text.hasSuffix("/") ? String(text.dropLast()) : text
    }

    static func parseDatabase(_ value: ConfigValue) throws(ConfigurationError) -> HeraldConfiguration.Database {
        let text = try value.text()
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw value.fail("sqlite: needs a file path, e.g. sqlite:./herald.sqlite") }
            return .sqlite(path: path)
        }
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            guard URLComponents(string: text)?.encodedHost?.isEmpty == false else {
                throw value.fail("expected postgres://user:password@host:port/database")
            }
            return .postgres(url: text)
        }
        throw value.fail("expected sqlite:PATH or postgres://user:password@host:port/database")
    }

    static func parseToken(_ value: ConfigValue) throws(ConfigurationError) -> String {
        let token = try value.text()
        guard token.utf8.count >= 24 else { throw value.fail("admin tokens must be at least 24 characters long") }
        return token
    }

    static func parseOrigin(_ origin: String, _ value: ConfigValue) throws(ConfigurationError) -> String {
        guard let url = URLComponents(string: origin), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
            url.host?.isEmpty == false, url.path.isEmpty || url.path == "/", url.query == nil
        else { throw value.fail("expected an origin like https://news.example.org, got '\(origin.prefix(80))'") }
        return origin.hasSuffix("/") ? String(origin.dropLast()) : origin.lowercased()
    }
}
