import Foundation
import HeraldApp

/// The network a client address belongs to, as one attacker would hold it: the /24 of an IPv4
/// address, the /56 of an IPv6 one (a typical customer allocation). IPv4-mapped IPv6 addresses
/// count as IPv4. Anything that is not an IP address is its own network.
enum ClientNetwork {
    static func key(for ip: String) -> String {
        if let v4 = ipv4(Substring(ip)) { return "\(v4[0]).\(v4[1]).\(v4[2]).0/24" }
        guard let v6 = ipv6(ip) else { return ip }
        if v6[0..<10].allSatisfy({ $0 == 0 }), v6[10] == 0xff, v6[11] == 0xff {
            return "\(v6[12]).\(v6[13]).\(v6[14]).0/24"
        }
        let groups = (0..<4).map { String(UInt16(v6[2 * $0]) << 8 | UInt16($0 == 3 ? 0 : v6[2 * $0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/56"
    }

    /// The four bytes of a dotted-quad IPv4 address.
    static func ipv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), let value = UInt8(part) else {
                return nil
            }
            bytes.append(value)
        }
        return bytes
    }

    /// The sixteen bytes of an IPv6 address (with `::` and an optional trailing IPv4 part).
    static func ipv6(_ text: String) -> [UInt8]? {
        let address = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? text
        guard address.contains(":"), address.utf8.count <= 45 else { return nil }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        guard let head = groups(halves[0]), let tail = halves.count == 2 ? groups(halves[1]) : [] else { return nil }
        let missing = 8 - head.count - tail.count
        guard halves.count == 2 ? missing >= 1 : missing == 0 else { return nil }
        let all = head + Array(repeating: 0, count: halves.count == 2 ? missing : 0) + tail
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }

    private static func groups(_ text: String) -> [UInt16]? {
        guard !text.isEmpty else { return [] }
        var result: [UInt16] = []
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        for (index, part) in parts.enumerated() {
            if index == parts.count - 1, part.contains("."), let v4 = ipv4(part) {
                result += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                continue
            }
            guard !part.isEmpty, part.count <= 4, let value = UInt16(part, radix: 16) else { return nil }
            result.append(value)
        }
        return result
    }
}
