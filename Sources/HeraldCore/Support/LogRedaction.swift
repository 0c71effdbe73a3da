import Foundation

/// What log lines may say about a person: at info level and above, the domain of an address,
/// never the address itself.
public enum LogRedaction {
    /// The lowercased part after the last `@` of `address` (`"example.org"`), or `"?"` when there is none.
    public static func domain(of address: String) -> String {
        guard let at = address.lastIndex(of: "@"), address.index(after: at) < address.endIndex else { return "?" }
        return address[address.index(after: at)...].lowercased()
    }

    /// The domains of `addresses`, deduplicated, in first-seen order, joined with commas.
    public static func domains(of addresses: [String]) -> String {
        var seen: [String] = []
        for domain in addresses.map(domain(of:)) where !seen.contains(domain) { seen.append(domain) }
        return seen.joined(separator: ",")
    }

    /// `text` with every case-insensitive occurrence of each address replaced by `<recipient>`
    /// (a server's reply often quotes the recipient).
    public static func removing(_ addresses: [String], from text: String) -> String {
        var result = text
        for address in addresses where !address.isEmpty {
            var output = ""
            var rest = result[...]
            while let range = rest.range(of: address, options: .caseInsensitive) {
                output += rest[..<range.lowerBound]
                output += "<recipient>"
                rest = rest[range.upperBound...]
            }
            result = output + rest
        }
        return result
    }
}
