import Foundation
import HeraldCore
import PostgresNIO

/// Where a PostgreSQL store connects, parsed once from a `postgres://user:pass@host:port/db` URL.
public struct PostgresConfiguration: Sendable, Equatable {
    /// Whether the connection is encrypted.
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain TCP (the default for loopback hosts).
        case disable
        /// TLS with certificate verification (the default for every other host).
        case require
    }

    /// Server host name or IP address.
    public var host: String
    /// Server TCP port.
    public var port: Int
    /// Role to log in as.
    public var username: String
    /// Password, if the server asks for one (never logged).
    public var password: String?
    /// Database to use.
    public var database: String
    /// Whether the connection is encrypted.
    public var tls: TLSMode
    /// Most connections the store opens at once.
    public var maximumConnections: Int
    /// Longest wait for a pooled connection before an operation fails with `.unavailable` (the
    /// server is down or every connection is busy), so requests answer 503 instead of hanging.
    public var connectionWait: Duration = .seconds(3)
    /// Longest any statement may run (PostgreSQL's `statement_timeout`, set in every transaction);
    /// a statement over it fails with `.unavailable` and its transaction rolls back.
    public var statementTimeout: Duration = .seconds(15)

    /// A server by its parts; `tls` defaults to `.disable` for loopback hosts and `.require` otherwise.
    public init(
        host: String, port: Int = 5432, username: String, password: String? = nil, database: String,
        tls: TLSMode? = nil, maximumConnections: Int = 10
    ) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls ?? (Self.isLoopback(host) ? .disable : .require)
        self.maximumConnections = maximumConnections
    }

    /// True for URLs this store handles (`postgres://` or `postgresql://`).
    public static func handles(_ url: String) -> Bool {
        guard let scheme = URLComponents(string: url)?.scheme?.lowercased() else { return false }
        return scheme == "postgres" || scheme == "postgresql"
    }

    /// Parses `postgres://user:password@host:port/database?sslmode=disable|require`.
    ///
    /// User and password are percent-decoded; the port defaults to 5432, the user to `postgres`
    /// and the database to the user name.
    public init(url: String) throws(StoreError) {
        guard Self.handles(url), let components = URLComponents(string: url) else {
            throw StoreError.unavailable("not a postgres:// URL: \(Self.redacted(url))")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError.unavailable("postgres URL has no host: \(Self.redacted(url))")
        }
        let username = components.percentEncodedUser?.removingPercentEncoding ?? "postgres"
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        var tls: TLSMode?
        for item in components.queryItems ?? [] where item.name == "sslmode" {
            guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
                throw StoreError.unavailable(
                    "postgres URL has sslmode=\(item.value ?? ""); use sslmode=disable or sslmode=require")
            }
            tls = mode
        }
        self.init(
            host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host,
            port: components.port ?? 5432, username: username,
            password: components.percentEncodedPassword?.removingPercentEncoding,
            database: path.isEmpty ? username : path, tls: tls)
    }

    /// `host:port`, for error messages.
    public var endpoint: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// The same server with another database.
    public func with(database: String) -> PostgresConfiguration {
        var copy = self
        copy.database = database
        return copy
    }

    /// The postgres-nio client configuration.
    var client: PostgresClient.Configuration {
        let mode: PostgresClient.Configuration.TLS
        switch tls {
        case .disable: mode = .disable
        case .require: mode = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: mode)
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectionIdleTimeout = .seconds(30)
        return configuration
    }

    /// The postgres-nio configuration of a single connection.
    var connection: PostgresConnection.Configuration {
        get throws {
            let mode: PostgresConnection.Configuration.TLS
            switch tls {
            case .disable: mode = .disable
            case .require: mode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            return PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: mode)
        }
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
    }

    /// The URL without its password, safe for logs.
    static func redacted(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(unparsable URL)" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "(unparsable URL)"
    }
}
