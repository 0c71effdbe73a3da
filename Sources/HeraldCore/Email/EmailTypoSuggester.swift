/// Suggests a popular mailbox domain when the typed domain is a near miss of one
/// ("gmial.com", "gmail.con", "hotmial.com", "ukr.nte", or "gmail" with no top-level domain).
enum EmailTypoSuggester {
    private typealias Bytes = UnsafeBufferPointer<UInt8>
    private typealias Target = EmailTypoTargets.Target

    /// The whole suggested address (local part as typed), validated under `policy`, or `nil`.
    static func suggestion(for input: String, policy: EmailValidationPolicy) -> String? {
        guard input.utf8.count <= EmailValidator.maxTrimmedInputBytes else { return nil }
        let text = String(EmailValidator.trimmingWhitespace(input))
        return text.withEmailBytes { suggestion(forTrimmed: $0, policy: policy) }
    }

    /// ``suggestion(for:policy:)`` for the UTF-8 bytes of an input that is already trimmed and
    /// at most ``EmailValidator/maxTrimmedInputBytes`` long.
    static func suggestion(forTrimmed text: UnsafeBufferPointer<UInt8>, policy: EmailValidationPolicy) -> String? {
        guard let at = text.lastIndex(of: EmailASCII.at) else { return nil }
        let domain = Bytes(rebasing: text[(at + 1)...])
        guard !domain.isEmpty, domain.count <= 64, EmailASCII.isASCII(domain) else { return nil }
        let suggested = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: domain.count) { lowered in
            for index in domain.indices { lowered[index] = EmailASCII.lowercased(domain[index]) }
            return suggestedDomain(for: Bytes(lowered))
        }
        guard let suggested else { return nil }
        let candidate = String(emailBytes: Bytes(rebasing: text[...at])) + suggested
        guard (try? EmailValidator.validate(candidate, policy: policy, suggest: false)) != nil else { return nil }
        return candidate
    }

    /// The popular domain `domain` (lowercase ASCII) is most likely a typo of, or `nil`.
    private static func suggestedDomain(for domain: Bytes) -> String? {
        let table = EmailTypoTargets.shared
        let best = table.bytes.withUnsafeBufferPointer { all -> Int? in
            guard !table.isExact(domain, in: all) else { return nil }
            return table.targets.withUnsafeBufferPointer { targets in
                table.matchTables.withUnsafeBufferPointer { matchTables in
                    closestTarget(domain, targets: targets, bytes: all, matchTables: matchTables.baseAddress!)
                }
            }
        }
        return best.map { MailboxProviders.suggestionTargets[$0] }
    }

    /// The typed domain, split at its last dot, with the byte values it holds.
    private struct Typed {
        let whole: Bytes
        let name: Bytes
        let topLevel: Bytes?
        let masks: ByteValueMasks
    }

    /// The index of the target closest to `typed` (the earlier one on a tie), or `nil` when none is close.
    private static func closestTarget(
        _ typed: Bytes, targets: UnsafeBufferPointer<Target>, bytes: Bytes, matchTables: UnsafePointer<UInt64>
    ) -> Int? {
        let dot = typed.lastIndex(of: EmailASCII.dot)
        let domain = Typed(
            whole: typed, name: Bytes(rebasing: typed[..<(dot ?? typed.count)]),
            topLevel: dot.map { Bytes(rebasing: typed[($0 + 1)...]) }, masks: ByteValueMasks(typed))
        var best: (distance: Int, index: Int)?
        for index in targets.indices {
            let target = targets[index]
            // With a dot, a target is near only by its whole domain (at most 2 edits away) or by
            // the same name: when its length and its name's both differ, skip it unexamined.
            if domain.topLevel != nil, abs(typed.count - target.count) > 2, domain.name.count != target.nameLength {
                continue
            }
            let targetBytes = Bytes(rebasing: bytes[target.start..<(target.start + target.count)])
            let bound = best?.distance ?? .max
            let pattern = Pattern(target: target, bytes: targetBytes, matchTable: matchTables + 256 * index)
            if let distance = distance(domain, pattern, below: bound), distance < bound {
                best = (distance, index)
            }
        }
        return best?.index
    }

    /// One target as the distance functions need it: its place, its bytes and its match table.
    private struct Pattern {
        let target: Target
        let bytes: Bytes
        let matchTable: UnsafePointer<UInt64>
    }

    /// How far the typed domain is from a target, or `nil` when too far to be a typo. Distances
    /// of `below` or more may also come back as `nil` (a closer target was already found).
    private static func distance(_ typed: Typed, _ pattern: Pattern, below: Int) -> Int? {
        let name = typed.name
        let target = pattern.target
        let sameName =
            name.count == target.nameLength
            && EmailTypoTargets.equal(name.baseAddress!, pattern.bytes.baseAddress!, count: name.count)
        guard let topLevel = typed.topLevel else {
            // No dot at all: "gmail" or "gmial" stands for the provider's name.
            if sameName { return 1 }
            let limit = allowedDistance(nameLength: target.nameLength)
            // The edit distance's own refusals (length difference, byte values), with the masks at hand.
            let refused =
                abs(name.count - target.nameLength) > limit
                || typed.masks.differ(from: target.nameMasks, byMoreThan: limit)
            // The target's table serves for its name: bits past the name's length are ignored.
            let nameDistance =
                refused
                ? limit + 1
                : EditDistance.bitParallel(
                    name, patternLength: target.nameLength, table: pattern.matchTable, limit: limit)
            return nameDistance <= limit ? nameDistance + 1 : distanceOfWholeDomain(typed, pattern, below: below)
        }
        if sameName {
            // Same provider, different ending: only a one-key slip ("con", "co", "nte") counts,
            // so real regional domains such as yahoo.ca are left alone.
            let targetTopLevel = Bytes(rebasing: pattern.bytes[(target.nameLength + 1)...])
            let distance = EditDistance.optimalStringAlignment(topLevel, targetTopLevel, limit: 1)
            return distance <= 1 ? distance : nil
        }
        return distanceOfWholeDomain(typed, pattern, below: below)
    }

    private static func distanceOfWholeDomain(_ typed: Typed, _ pattern: Pattern, below: Int) -> Int? {
        let target = pattern.target
        // Only distances below `below` can matter to the caller, so the limit can shrink to them.
        let limit = min(allowedDistance(domainLength: target.count), below - 1)
        // The edit distance's two early refusals, with the masks computed once.
        guard limit >= 0, abs(typed.whole.count - target.count) <= limit,
            !typed.masks.differ(from: target.masks, byMoreThan: limit)
        else { return nil }
        let distance = EditDistance.bitParallel(
            typed.whole, patternLength: target.count, table: pattern.matchTable, limit: limit)
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
