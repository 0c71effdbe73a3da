import Foundation

/// A set of domains (typically throw-away mailbox services) whose addresses a site refuses.
///
/// Entries are stored in lowercase ASCII (A-label) form; Unicode entries are converted with IDNA,
/// and entries that are not valid domain names are skipped. A listed domain also blocks all of
/// its subdomains: listing `mailinator.com` blocks `eu.mailinator.com`.
public struct DisposableDomainList: Sendable {
    private let domains: Set<String>

    /// Creates a list from domain names. Surrounding whitespace, a trailing dot, empty entries and
    /// lines starting with `#` are ignored.
    public init(domains: some Sequence<String>) {
        var set = Set<String>()
        for entry in domains {
            if let domain = Self.normalizedEntry(entry) { set.insert(domain) }
        }
        self.domains = set
    }

    /// Reads a list from a UTF-8 text file with one domain per line (`#` starts a comment line).
    public init(contentsOfFile path: String) throws(DisposableDomainListError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DisposableDomainListError(path: path, reason: "the file cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        self.init(domains: text.split(whereSeparator: \.isNewline).lazy.map(String.init))
    }

    /// How many distinct domains are listed.
    public var count: Int { domains.count }

    /// Whether `asciiDomain` (A-label form, any case) or any domain it is a subdomain of is listed.
    public func contains(domain asciiDomain: String) -> Bool {
        guard !domains.isEmpty else { return false }
        var candidate = Substring(Self.asciiLowercased(asciiDomain))
        while !candidate.isEmpty {
            if domains.contains(String(candidate)) { return true }
            guard let dot = candidate.firstIndex(of: ".") else { return false }
            candidate = candidate[candidate.index(after: dot)...]
        }
        return false
    }

    private static func normalizedEntry(_ entry: String) -> String? {
        var text = Substring(entry.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.isEmpty || text.hasPrefix("#") { return nil }
        if text.hasSuffix(".") { text = text.dropLast() }
        if text.hasPrefix("*.") { text = text.dropFirst(2) }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            let lowered = asciiLowercased(String(text))
            return lowered.isEmpty || lowered.contains(" ") ? nil : lowered
        }
        guard case .success(let ascii) = EmailIDNA.toASCII(String(text)) else { return nil }
        return ascii
    }

    private static func asciiLowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return text }
        return String(decoding: text.utf8.map(EmailASCII.lowercased), as: UTF8.self)
    }
}

/// A disposable-domain list file could not be loaded.
public struct DisposableDomainListError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that was asked for.
    public let path: String
    /// What went wrong, for operators.
    public let reason: String

    /// Creates the error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// "disposable domain list '<path>': <reason>".
    public var description: String { "disposable domain list '\(path)': \(reason)" }
}
