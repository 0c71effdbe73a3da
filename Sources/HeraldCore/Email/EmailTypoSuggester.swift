/// Suggests a popular mailbox domain when the typed domain is a near miss of one
/// ("gmial.com", "gmail.con", "hotmial.com", "ukr.nte", or "gmail" with no top-level domain).
enum EmailTypoSuggester {
    private struct Target {
        let domain: String
        let bytes: [UInt8]
        /// Everything before the last dot ("gmail"), and the top-level label ("com").
        let name: [UInt8]
        let topLevel: [UInt8]
    }

    private static let targets: [Target] = MailboxProviders.suggestionTargets.map { domain in
        let bytes = Array(domain.utf8)
        let (name, topLevel) = split(bytes)
        return Target(domain: domain, bytes: bytes, name: name, topLevel: topLevel ?? [])
    }

    private static let exact: Set<String> = MailboxProviders.knownGood.union(MailboxProviders.suggestionTargets)

    /// The whole suggested address (local part as typed), validated under `policy`, or `nil`.
    static func suggestion(for input: String, policy: EmailValidationPolicy) -> String? {
        guard input.utf8.count <= EmailValidator.maxTrimmedInputBytes else { return nil }
        let text = EmailValidator.trimmingWhitespace(input)
        guard let at = text.lastIndex(of: "@") else { return nil }
        let domain = text[text.index(after: at)...]
        guard !domain.isEmpty, domain.utf8.allSatisfy({ $0 < 0x80 }),
            let suggested = suggestedDomain(for: domain.lowercased())
        else { return nil }
        let candidate = text[..<at] + "@" + suggested
        guard (try? EmailValidator.validate(String(candidate), policy: policy, suggest: false)) != nil else {
            return nil
        }
        return String(candidate)
    }

    /// The popular domain `domain` (lowercase ASCII) is most likely a typo of, or `nil`.
    static func suggestedDomain(for domain: String) -> String? {
        guard domain.utf8.count <= 64, !exact.contains(domain) else { return nil }
        let bytes = Array(domain.utf8)
        let (name, topLevel) = split(bytes)
        var best: (distance: Int, domain: String)?
        for target in targets {
            guard let distance = distance(bytes, name: name, topLevel: topLevel, to: target) else { continue }
            if distance < best?.distance ?? .max { best = (distance, target.domain) }
        }
        return best?.domain
    }

    /// How far the typed domain is from `target`, or `nil` when too far to be a typo.
    private static func distance(_ bytes: [UInt8], name: [UInt8], topLevel: [UInt8]?, to target: Target) -> Int? {
        guard let topLevel else {
            // No dot at all: "gmail" or "gmial" stands for the provider's name.
            if name == target.name { return 1 }
            let nameLimit = allowedDistance(nameLength: target.name.count)
            let nameDistance = EditDistance.optimalStringAlignment(name, target.name, limit: nameLimit)
            if nameDistance <= nameLimit { return nameDistance + 1 }
            return distanceOfWholeDomain(bytes, to: target)
        }
        if name == target.name {
            // Same provider, different ending: only a one-key slip ("con", "co", "nte") counts,
            // so real regional domains such as yahoo.ca are left alone.
            let distance = EditDistance.optimalStringAlignment(topLevel, target.topLevel, limit: 1)
            return distance <= 1 ? distance : nil
        }
        return distanceOfWholeDomain(bytes, to: target)
    }

    private static func distanceOfWholeDomain(_ bytes: [UInt8], to target: Target) -> Int? {
        let limit = allowedDistance(domainLength: target.bytes.count)
        let distance = EditDistance.optimalStringAlignment(bytes, target.bytes, limit: limit)
        return distance <= limit ? distance : nil
    }

    /// Short domains tolerate fewer edits, or every short domain would look like a typo.
    private static func allowedDistance(domainLength: Int) -> Int {
        switch domainLength {
        case ..<6: 0
        case 6...8: 1
        default: 2
        }
    }

    private static func allowedDistance(nameLength: Int) -> Int {
        switch nameLength {
        case ..<4: 0
        case 4...6: 1
        default: 2
        }
    }

    private static func split(_ bytes: [UInt8]) -> (name: [UInt8], topLevel: [UInt8]?) {
        guard let dot = bytes.lastIndex(of: EmailASCII.dot) else { return (bytes, nil) }
        return (Array(bytes[..<dot]), Array(bytes[(dot + 1)...]))
    }
}
