/// Suggests a popular mailbox domain when the typed domain is a near miss of one
/// ("gmial.com", "gmail.con", "hotmial.com", "ukr.nte", or "gmail" with no top-level domain).
enum EmailTypoSuggester {
    private typealias Bytes = UnsafeBufferPointer<UInt8>

    /// A target domain split at its last dot: "gmail" + "com".
    private struct Target {
        let domain: String
        let bytes: [UInt8]
        let nameLength: Int
    }

    private static let targets: [Target] = MailboxProviders.suggestionTargets.map { domain in
        let bytes = Array(domain.utf8)
        return Target(domain: domain, bytes: bytes, nameLength: bytes.lastIndex(of: EmailASCII.dot) ?? bytes.count)
    }

    private static let exact: Set<[UInt8]> = Set(
        MailboxProviders.knownGood.union(MailboxProviders.suggestionTargets).map { Array($0.utf8) })

    /// The whole suggested address (local part as typed), validated under `policy`, or `nil`.
    static func suggestion(for input: String, policy: EmailValidationPolicy) -> String? {
        guard input.utf8.count <= EmailValidator.maxTrimmedInputBytes else { return nil }
        let text = EmailValidator.trimmingWhitespace(input)
        let utf8 = text.utf8
        guard let at = utf8.lastIndex(of: EmailASCII.at) else { return nil }
        let domain = utf8[utf8.index(after: at)...]
        guard !domain.isEmpty, domain.count <= 64, domain.allSatisfy({ $0 < 0x80 }),
            let suggested = suggestedDomain(for: domain.map(EmailASCII.lowercased))
        else { return nil }
        let candidate = String(text[..<at] + "@" + suggested)
        guard (try? EmailValidator.validate(candidate, policy: policy, suggest: false)) != nil else { return nil }
        return candidate
    }

    /// The popular domain `domain` (lowercase ASCII) is most likely a typo of, or `nil`.
    static func suggestedDomain(for domain: String) -> String? {
        suggestedDomain(for: Array(domain.utf8))
    }

    private static func suggestedDomain(for domain: [UInt8]) -> String? {
        guard !exact.contains(domain) else { return nil }
        return domain.withUnsafeBufferPointer { typed -> String? in
            let dot = typed.lastIndex(of: EmailASCII.dot)
            let name = Bytes(rebasing: typed[..<(dot ?? typed.count)])
            let topLevel = dot.map { Bytes(rebasing: typed[($0 + 1)...]) }
            var best: (distance: Int, domain: String)?
            for target in targets {
                let distance = target.bytes.withUnsafeBufferPointer { targetBytes in
                    Self.distance(typed, name: name, topLevel: topLevel, to: targetBytes, nameLength: target.nameLength)
                }
                if let distance, distance < best?.distance ?? .max { best = (distance, target.domain) }
            }
            return best?.domain
        }
    }

    /// How far the typed domain is from a target, or `nil` when too far to be a typo.
    private static func distance(
        _ typed: Bytes, name: Bytes, topLevel: Bytes?, to target: Bytes, nameLength: Int
    ) -> Int? {
        let targetName = Bytes(rebasing: target[..<nameLength])
        guard let topLevel else {
            // No dot at all: "gmail" or "gmial" stands for the provider's name.
            if name.count == targetName.count && name.elementsEqual(targetName) { return 1 }
            let limit = allowedDistance(nameLength: targetName.count)
            let nameDistance = EditDistance.optimalStringAlignment(name, targetName, limit: limit)
            return nameDistance <= limit ? nameDistance + 1 : distanceOfWholeDomain(typed, to: target)
        }
        if name.count == targetName.count && name.elementsEqual(targetName) {
            // Same provider, different ending: only a one-key slip ("con", "co", "nte") counts,
            // so real regional domains such as yahoo.ca are left alone.
            let targetTopLevel = Bytes(rebasing: target[(nameLength + 1)...])
            let distance = EditDistance.optimalStringAlignment(topLevel, targetTopLevel, limit: 1)
            return distance <= 1 ? distance : nil
        }
        return distanceOfWholeDomain(typed, to: target)
    }

    private static func distanceOfWholeDomain(_ typed: Bytes, to target: Bytes) -> Int? {
        let limit = allowedDistance(domainLength: target.count)
        let distance = EditDistance.optimalStringAlignment(typed, target, limit: limit)
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
}
