import Foundation
import HeraldCore

/// One request for a tracked link, as the click recorder sees it. The network is held in memory
/// only, for burst detection, and never stored.
struct ClickHit: Sendable {
    var target: ClickTarget
    var time: Date
    /// The client's network (IPv4 /24, IPv6 /48).
    var network: String
    /// Already known not to be a reader: a `HEAD` request or a scanner's user agent.
    var filtered: Bool
}

/// Networks, as coarse as burst detection needs.
enum ClickNetwork {
    /// `ip`'s /24 (IPv4) or /48 (IPv6) prefix.
    static func of(_ ip: String) -> String {
        if ip.contains(":") {
            return ip.split(separator: ":", omittingEmptySubsequences: false).prefix(3).joined(separator: ":")
        }
        return ip.split(separator: ".").prefix(3).joined(separator: ".")
    }
}
