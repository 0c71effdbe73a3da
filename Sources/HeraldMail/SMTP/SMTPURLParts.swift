/// The pieces of an SMTP URL, split without ever echoing the user information.
struct SMTPURLParts {
    var scheme: String
    var user: String?
    var password: String?
    var host: String
    var port: String?
    /// The percent-decoded path without its leading `/`, nil when empty.
    var path: String?
    var query: [(String, String)]

    init(_ url: String) throws(SMTPConfigurationError) {
        guard let schemeEnd = url.firstRange(of: "://") else { throw .notAURL }
        scheme = url[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "smtp" || scheme == "smtps" else {
            let isScheme = scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
            guard isScheme, !scheme.isEmpty else { throw .notAURL }
            throw .unsupportedScheme(scheme)
        }
        var rest = url[schemeEnd.upperBound...]

        // Passwords often contain unescaped '/', '?' or '#', so the user information runs to the last '@'.
        if let at = rest.lastIndex(of: "@") {
            let userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
            let colon = userInfo.firstIndex(of: ":")
            user = try Self.percentDecoded(userInfo[..<(colon ?? userInfo.endIndex)])
            password = try colon.map { index throws(SMTPConfigurationError) in
                try Self.percentDecoded(userInfo[userInfo.index(after: index)...])
            }
        }

        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var remainder = rest[authorityEnd...]
        if remainder.hasPrefix("#") { throw .notAURL }
        (host, port) = try Self.hostAndPort(authority)

        let queryStart = remainder.firstIndex(of: "?")
        let pathText = remainder[..<(queryStart ?? remainder.endIndex)].dropFirst()
        path = pathText.isEmpty ? nil : try Self.percentDecodedPath(pathText)
        remainder = queryStart.map { remainder[remainder.index(after: $0)...] } ?? ""
        query = remainder.split(separator: "&").map { pair in
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (pieces[0].lowercased(), pieces.count > 1 ? String(pieces[1]) : "")
        }
    }

    private static func hostAndPort(_ authority: Substring) throws(SMTPConfigurationError) -> (String, String?) {
        guard !authority.isEmpty else { throw .missingHost }
        let host: Substring
        var port: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidHost }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidHost }
                port = after.dropFirst()
            }
            guard host.contains(":") else { throw .invalidHost }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            port = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw .missingHost }
        let allowed = host.unicodeScalars.allSatisfy {
            $0.value > 32 && $0.value != 127 && !"[]@/?#%\\".unicodeScalars.contains($0)
        }
        guard allowed, !HeaderCharacters.containsForbidden(host) else { throw .invalidHost }
        return (String(host), port.map(String.init))
    }

    private static func percentDecodedPath(_ text: Substring) throws(SMTPConfigurationError) -> String {
        do { return try percentDecoded(text) } catch { throw .invalidEHLOName }
    }

    static func percentDecoded(_ text: Substring) throws(SMTPConfigurationError) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .invalidPercentEncoding
            }
            bytes.append(high << 4 | low)
        }
        guard let decoded = String(validating: bytes, as: UTF8.self) else { throw .invalidPercentEncoding }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
