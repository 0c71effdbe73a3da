import HeraldTestSupport

/// Random ASCII inputs for differential tests of the email validator: addresses assembled from
/// pieces that hit every rule (valid and broken local parts and domains, typos of mailbox
/// domains, special-use and punycode labels, display names, lists, comments, white space),
/// then sometimes mutated byte by byte (any ASCII byte, controls included), plus pure noise.
enum ASCIIInputGenerator {
    static let locals = [
        "jane", "Jane.Doe", "a", "o'neil", "x+tag", "a..b", ".a", "a.", "\"quoted\"", "\"a b\"", "user name",
        "", "a@b", "(c)jane", "jane(c)", "!#$%&'*+-/=?^_`{|}~", "UPPER", "a_b-c", "ab\\c", "mixed.Case+Tag",
        String(repeating: "a", count: 64), String(repeating: "B", count: 65),
    ]
    static let domains = [
        "gmail.com", "gmial.com", "GMAIL.COM", "Gmail.con", "gmail", "gmial", "hotmial.com", "ukr.nte", "yahoo.ca",
        "gmail.co", "gmai.com", "example.org", "Example.ORG", "mailinator.com", "eu.Mailinator.COM", "bücher.de",
        "xn--bcher-kva.de", "XN--BCHER-KVA.de", "xn--bcher.de", "xn--zz.com", "ab--cd.com", "sub.xn--p1ai",
        "a.b.c.d.co.uk", "-x.com", "x-.com", "x..com", ".x.com", "x.com.", "x", "localhost", "example", "test",
        "x.local", "x.onion", "x.internal", "1.2.3.4", "x.123", "x.c0m", "[127.0.0.1]", "(c)x.com", "x.com(c)",
        "x_y.com", "x.xn--p1ai", "x.xn--", "x.a-b",
        String(repeating: "d", count: 63) + ".com", String(repeating: "e", count: 64) + ".com",
        Array(repeating: String(repeating: "f", count: 60), count: 4).joined(separator: ".") + ".com",
    ]
    /// Pieces that make valid addresses, drawn half of the time so both outcomes are common.
    static let goodLocals = ["jane", "Jane.Doe", "x+tag", "UPPER", "a_b-c", "mixed.Case+Tag", "o'neil"]
    static let goodDomains = [
        "gmail.com", "gmial.com", "GMAIL.COM", "Gmail.con", "Example.ORG", "mailinator.com", "xn--bcher-kva.de",
        "XN--BCHER-KVA.de", "sub.xn--p1ai", "a.b.c.d.co.uk", "gmai.com", "x.a-b",
    ]
    static let spaces = ["", "", "", " ", "\t", "\r\n", "\u{0B}", "\u{0C}", "  "]

    /// One input.
    static func input(using random: inout SeededRandomNumberGenerator) -> String {
        if Int.random(in: 0..<10, using: &random) == 0 { return noise(using: &random) }
        let good = Bool.random(using: &random)
        let local = (good ? goodLocals : locals).randomElement(using: &random)!
        let domain = (good ? goodDomains : domains).randomElement(using: &random)!.filter(\.isASCII)
        let address = "\(local)@\(domain)"
        var text: String
        switch Int.random(in: 0..<12, using: &random) {
        case 0: text = "Jane Doe <\(address)>"
        case 1: text = "\(address), x@y.com"
        case 2: text = "\(address);x@y.com"
        case 3: text = "\(local)\(domain)"
        case 4: text = "\(local)@@\(domain)"
        case 5: text = "\"Jane\" \(address)"
        default: text = address
        }
        if Int.random(in: 0..<3, using: &random) == 0 { text = mutated(text, using: &random) }
        return spaces.randomElement(using: &random)! + text + spaces.randomElement(using: &random)!
    }

    private static func mutated(_ text: String, using random: inout SeededRandomNumberGenerator) -> String {
        var bytes = Array(text.utf8)
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let byte = UInt8.random(in: 0...0x7F, using: &random)
            let position = Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: bytes.insert(byte, at: position)
            case 1 where position < bytes.count: bytes[position] = byte
            default: if position < bytes.count { bytes.remove(at: position) }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func noise(using random: inout SeededRandomNumberGenerator) -> String {
        let alphabet = Array("aZ9.@-_+ \t\"<>(),;[]x".utf8) + [0x00, 0x1F, 0x7F]
        let bytes = (0..<Int.random(in: 0...40, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
        return String(decoding: bytes, as: UTF8.self)
    }
}
