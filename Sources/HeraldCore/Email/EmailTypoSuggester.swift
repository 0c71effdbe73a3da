/// Suggests a popular mailbox domain when the typed domain is a near miss of one
/// ("gmial.com", "gmail.con", "hotmial.com", "ukr.nte", or "gmail" with no top-level domain).
enum EmailTypoSuggester {
    private typealias Bytes = UnsafeBufferPointer<UInt8>

    /// Where a target domain sits in ``targetBytes``, split at its last dot ("gmail" + "com"), and
    /// which byte values it holds. Plain integers, so the loop over targets retains nothing.
    private struct Target {
        let start: Int
        let count: Int
        let nameLength: Int
        let masks: ByteValueMasks
    }

    /// Every target domain's bytes, one after another.
    private static let targetBytes: [UInt8] = MailboxProviders.suggestionTargets.flatMap { Array($0.utf8) }

    private static let targets: [Target] = {
        var start = 0
        return MailboxProviders.suggestionTargets.map { domain in
            let bytes = Array(domain.utf8)
            let masks = bytes.withUnsafeBufferPointer { ByteValueMasks($0) }
            let target = Target(
                start: start, count: bytes.count, nameLength: bytes.lastIndex(of: EmailASCII.dot) ?? bytes.count,
                masks: masks)
            start += bytes.count
            return target
        }
    }()

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
        let best = domain.withUnsafeBufferPointer { typed in
            targetBytes.withUnsafeBufferPointer { all in
                targets.withUnsafeBufferPointer { targets in closestTarget(typed, targets: targets, bytes: all) }
            }
        }
        return best.map { MailboxProviders.suggestionTargets[$0] }
    }

    /// The index of the target closest to `typed` (the earlier one on a tie), or `nil` when none is close.
    private static func closestTarget(
        _ typed: Bytes, targets: UnsafeBufferPointer<Target>, bytes: Bytes
    ) -> Int? {
        let dot = typed.lastIndex(of: EmailASCII.dot)
        let name = Bytes(rebasing: typed[..<(dot ?? typed.count)])
        let topLevel = dot.map { Bytes(rebasing: typed[($0 + 1)...]) }
        let typedMasks = ByteValueMasks(typed)
        var best: (distance: Int, index: Int)?
        for (index, target) in targets.enumerated() {
            let targetBytes = Bytes(rebasing: bytes[target.start..<(target.start + target.count)])
            let whole = WholeDomain(typed: typed, masks: typedMasks, target: targetBytes, targetMasks: target.masks)
            let distance = Self.distance(whole, name: name, topLevel: topLevel, nameLength: target.nameLength)
            if let distance, distance < best?.distance ?? .max { best = (distance, index) }
        }
        return best?.index
    }

    /// The typed domain and a target, whole, with the byte values each holds.
    private struct WholeDomain {
        let typed: Bytes
        let masks: ByteValueMasks
        let target: Bytes
        let targetMasks: ByteValueMasks
    }

    /// How far the typed domain is from a target, or `nil` when too far to be a typo.
    private static func distance(_ whole: WholeDomain, name: Bytes, topLevel: Bytes?, nameLength: Int) -> Int? {
        let target = whole.target
        let targetName = Bytes(rebasing: target[..<nameLength])
        guard let topLevel else {
            // No dot at all: "gmail" or "gmial" stands for the provider's name.
            if name.count == targetName.count && name.elementsEqual(targetName) { return 1 }
            let limit = allowedDistance(nameLength: targetName.count)
            let nameDistance = EditDistance.optimalStringAlignment(name, targetName, limit: limit)
            return nameDistance <= limit ? nameDistance + 1 : distanceOfWholeDomain(whole)
        }
        if name.count == targetName.count && name.elementsEqual(targetName) {
            // Same provider, different ending: only a one-key slip ("con", "co", "nte") counts,
            // so real regional domains such as yahoo.ca are left alone.
            let targetTopLevel = Bytes(rebasing: target[(nameLength + 1)...])
            let distance = EditDistance.optimalStringAlignment(topLevel, targetTopLevel, limit: 1)
            return distance <= 1 ? distance : nil
        }
        return distanceOfWholeDomain(whole)
    }

    private static func distanceOfWholeDomain(_ whole: WholeDomain) -> Int? {
        let limit = allowedDistance(domainLength: whole.target.count)
        // The same two early refusals the edit distance starts with, without recomputing the typed
        // domain's byte values for every target.
        guard abs(whole.typed.count - whole.target.count) <= limit,
            !whole.masks.differ(from: whole.targetMasks, byMoreThan: limit)
        else { return nil }
        let distance = EditDistance.optimalStringAlignment(whole.typed, whole.target, limit: limit)
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
