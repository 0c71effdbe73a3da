import HeraldCurl
import Testing

/// The address classes the SSRF guard refuses, and what `allow_private_urls` lets through.
@Suite("Outbound address policy")
struct OutboundAddressPolicyTests {
    private func bytes(_ text: String) throws -> [UInt8] { try #require(IPNetwork.address(text)) }

    @Test(arguments: [
        ("0.0.0.0", "unspecified"), ("0.1.2.3", "unspecified"), ("127.0.0.1", "loopback"), ("127.9.9.9", "loopback"),
        ("10.0.0.1", "private"), ("172.16.0.1", "private"), ("172.31.255.255", "private"), ("192.168.0.1", "private"),
        ("100.64.0.1", "CGNAT"), ("100.127.255.254", "CGNAT"), ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast"), ("255.255.255.255", "reserved"),
        ("::", "unspecified"), ("::1", "loopback"), ("fd12:3456::1", "private"), ("fc00::1", "private"),
        ("fe80::1", "link-local"), ("febf::1", "link-local"), ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"), ("::ffff:10.0.0.1", "private"), ("::ffff:169.254.169.254", "link-local"),
        ("64:ff9b::a00:1", "private"), ("::127.0.0.1", "reserved"), ("2002:7f00:1::1", "reserved"),
    ])
    func privateAddressesAreClassified(_ address: String, _ expected: String) throws {
        #expect(AddressClass.of(try bytes(address))?.rawValue == expected)
        #expect(OutboundAddressPolicy.publicOnly.refusal(host: nil, address: try bytes(address)) != nil)
    }

    @Test(arguments: ["93.184.215.14", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])
    func publicAddressesPass(_ address: String) throws {
        #expect(AddressClass.of(try bytes(address)) == nil)
        #expect(OutboundAddressPolicy.publicOnly.refusal(host: "example.org", address: try bytes(address)) == nil)
    }

    @Test func listedHostsAndNetworksAreAllowedAndNothingElse() throws {
        let policy = try OutboundAddressPolicy(allowing: ["Feeds.Internal.", "10.1.0.0/16", "fd00::/8", "127.0.0.1"])
        #expect(policy.refusal(host: "feeds.internal", address: try bytes("10.9.9.9")) == nil)
        #expect(policy.refusal(host: "other.internal", address: try bytes("10.1.2.3")) == nil)
        #expect(policy.refusal(host: "other.internal", address: try bytes("10.2.0.1")) == "private address 10.2.0.1")
        #expect(policy.refusal(host: nil, address: try bytes("fd00::5")) == nil)
        #expect(policy.refusal(host: nil, address: try bytes("::ffff:127.0.0.1")) == nil)
        #expect(policy.refusal(host: nil, address: try bytes("127.0.0.2")) == "loopback address 127.0.0.2")
        #expect(policy.refusal(host: nil, address: try bytes("::1")) == "loopback address ::1")
    }

    @Test(arguments: ["10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/8/8", "http://x/", "a b", "", "10.0.0.0/"])
    func malformedEntriesAreRefused(_ entry: String) {
        #expect(throws: OutboundAddressPolicy.Invalid(entry: entry)) { try OutboundAddressPolicy(allowing: [entry]) }
    }
}
