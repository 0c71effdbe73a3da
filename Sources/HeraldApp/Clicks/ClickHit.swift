import Foundation
import HeraldCore

/// One request for a tracked link, as the click recorder sees it. The network is held in memory
/// only, for burst detection, and never stored.
package struct ClickHit: Sendable {
    package var target: ClickTarget
    package var time: Date
    /// The client's network (IPv4 /24, IPv6 /48).
    package var network: String
    /// Already known not to be a reader: a `HEAD` request or a scanner's user agent.
    package var filtered: Bool

    package init(target: ClickTarget, time: Date, network: String, filtered: Bool) {
        self.target = target
        self.time = time
        self.network = network
        self.filtered = filtered
    }
}

/// Networks, as coarse as burst detection needs.
package enum ClickNetwork {
    /// `ip`'s /24 (IPv4) or /48 (IPv6) prefix.
    package static func of(_ ip: String) -> String {
        if ip.contains(":") {
            return ip.split(separator: ":", omittingEmptySubsequences: false).prefix(3).joined(separator: ":")
        }
        return ip.split(separator: ".").prefix(3).joined(separator: ".")
    }
}
