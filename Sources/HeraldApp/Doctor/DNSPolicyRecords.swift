import Foundation

/// An SPF record (RFC 7208) reduced to what Herald's set-up check evaluates.
struct SPFRecord: Equatable {
    /// The mechanisms with their qualifier (`+`, `-`, `~`, `?`), e.g. ("+", "ip4:192.0.2.0/24").
    let terms: [(qualifier: Character, mechanism: String)]

    static func == (lhs: SPFRecord, rhs: SPFRecord) -> Bool {
        lhs.terms.map { "\($0.qualifier)\($0.mechanism)" } == rhs.terms.map { "\($0.qualifier)\($0.mechanism)" }
    }

    /// Whether `text` is an SPF record: `v=spf1` followed by a space or nothing.
    static func isSPF(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower == "v=spf1" || lower.hasPrefix("v=spf1 ")
    }

    init(_ text: String) {
        terms = text.split(separator: " ").dropFirst().map { raw in
            let term = raw.lowercased()
            if let first = term.first, "+-~?".contains(first) { return (first, String(term.dropFirst())) }
            return ("+", term)
        }
    }

    /// The qualifier of `all`, if the record ends in one.
    var allQualifier: Character? { terms.first { $0.mechanism == "all" }?.qualifier }
}

/// A tag-list record (`k=v; k=v`), as DMARC (RFC 7489) and DKIM keys (RFC 6376) are written.
struct TagList: Equatable {
    let tags: [(name: String, value: String)]
    /// Syntax problems found while reading.
    let errors: [String]

    static func == (lhs: TagList, rhs: TagList) -> Bool {
        lhs.tags.map { "\($0.name)=\($0.value)" } == rhs.tags.map { "\($0.name)=\($0.value)" }
            && lhs.errors == rhs.errors
    }

    init(_ text: String) {
        var tags: [(String, String)] = []
        var errors: [String] = []
        for part in text.split(separator: ";", omittingEmptySubsequences: false) {
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                errors.append("'\(trimmed.prefix(40))' is not name=value")
                continue
            }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if tags.contains(where: { $0.0 == name }) { errors.append("tag '\(name)' appears twice") }
            tags.append((name, value))
        }
        self.tags = tags
        self.errors = errors
    }

    subscript(_ name: String) -> String? { tags.first { $0.name == name }?.value }
}

/// A DMARC record checked against RFC 7489 section 6.3.
struct DMARCRecord {
    let tags: TagList
    /// Every syntax error, empty when the record is valid.
    let errors: [String]

    static func isDMARC(_ text: String) -> Bool {
        text.replacingOccurrences(of: " ", with: "").lowercased().hasPrefix("v=dmarc1")
    }

    init(_ text: String) {
        tags = TagList(text)
        var errors = tags.errors
        if tags.tags.first?.name != "v" || tags.tags.first?.value != "DMARC1" {
            errors.append("it must start with v=DMARC1")
        }
        switch tags["p"]?.lowercased() {
        case nil: errors.append("the policy tag p= is missing")
        case "none", "quarantine", "reject": break
        case let other?: errors.append("p=\(other.prefix(20)) is not none, quarantine or reject")
        }
        if let sp = tags["sp"]?.lowercased(), !["none", "quarantine", "reject"].contains(sp) {
            errors.append("sp=\(sp.prefix(20)) is not none, quarantine or reject")
        }
        for name in ["adkim", "aspf"] {
            if let value = tags[name]?.lowercased(), value != "r", value != "s" {
                errors.append("\(name)=\(value.prefix(20)) is not r or s")
            }
        }
        if let pct = tags["pct"], Int(pct).map({ (0...100).contains($0) }) != true {
            errors.append("pct=\(pct.prefix(20)) is not a number from 0 to 100")
        }
        for name in ["rua", "ruf"] {
            guard let value = tags[name] else { continue }
            for uri in value.split(separator: ",")
            where !uri.trimmingCharacters(in: .whitespaces).lowercased()
                .hasPrefix("mailto:")
            {
                errors.append("\(name) entry '\(uri.prefix(40))' is not a mailto: URI")
            }
        }
        let known: Set<String> = [
            "v", "p", "sp", "adkim", "aspf", "pct", "rua", "ruf", "fo", "rf", "ri", "np", "psd", "t",
        ]
        for tag in tags.tags where !known.contains(tag.name) { errors.append("unknown tag '\(tag.name.prefix(20))'") }
        self.errors = errors
    }

    var policy: String { tags["p"]?.lowercased() ?? "none" }
    var strictSPF: Bool { tags["aspf"]?.lowercased() == "s" }
    var strictDKIM: Bool { tags["adkim"]?.lowercased() == "s" }
}

/// Domain comparisons for DMARC alignment (relaxed: the same organisational domain, here taken
/// as the last two labels — exact for most domains, not for public suffixes such as co.uk).
enum DomainAlignment {
    static func aligned(_ a: String, _ b: String, strict: Bool) -> Bool {
        let (a, b) = (a.lowercased(), b.lowercased())
        if strict { return a == b }
        return organisational(a) == organisational(b)
    }

    static func organisational(_ domain: String) -> String {
        domain.split(separator: ".").suffix(2).joined(separator: ".")
    }
}

/// IPv4 address and CIDR matching for SPF `ip4:` mechanisms.
enum IPv4 {
    static func value(_ text: some StringProtocol) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let byte = UInt8(part) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }

    /// Whether `address` is in `range` (`192.0.2.0/24` or a single address).
    static func contains(_ range: some StringProtocol, _ address: String) -> Bool {
        let pieces = range.split(separator: "/", maxSplits: 1)
        guard let base = value(pieces[0]), let ip = value(address) else { return false }
        let bits = pieces.count == 2 ? Int(pieces[1]) ?? -1 : 32
        guard (0...32).contains(bits) else { return false }
        let mask: UInt32 = bits == 0 ? 0 : ~UInt32(0) << (32 - bits)
        return base & mask == ip & mask
    }

    static func isLoopback(_ address: String) -> Bool { address.hasPrefix("127.") }
}
