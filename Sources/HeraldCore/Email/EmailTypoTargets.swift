/// The typo suggester's domains as flat bytes: the targets (``MailboxProviders/suggestionTargets``)
/// with their byte-value masks, and every domain never to correct (targets and
/// ``MailboxProviders/knownGood``) grouped by length. Plain integers and one shared byte array,
/// so the suggester's loops retain nothing and hash nothing.
struct EmailTypoTargets: Sendable {
    /// Where a target domain sits in ``bytes``, split at its last dot ("gmail" + "com"), and
    /// which byte values it and its name hold.
    struct Target: Sendable {
        let start: Int
        let count: Int
        let nameLength: Int
        let masks: ByteValueMasks
        let nameMasks: ByteValueMasks
    }

    /// The targets, most popular first.
    let targets: [Target]
    /// The targets' bytes, then the exact domains' bytes.
    let bytes: [UInt8]
    /// For each target in turn, 256 words: bit `i` of word `v` is set when the target's byte
    /// `i` is `v` (the match table of ``EditDistance/bitParallel(_:patternLength:table:limit:)``;
    /// masked to the name's bits, it is the name's table too).
    let matchTables: [UInt64]
    /// Start offsets in ``bytes`` of the domains never to correct, sorted by length.
    private let exactStarts: [Int]
    /// `exactStarts[exactByLength[n]..<exactByLength[n + 1]]` are the ones `n` bytes long.
    private let exactByLength: [Int]

    /// The table for ``MailboxProviders``.
    static let shared = EmailTypoTargets(
        targets: MailboxProviders.suggestionTargets,
        exact: MailboxProviders.knownGood.union(MailboxProviders.suggestionTargets))

    /// The longest domain that can equal an exact one.
    private static let maxExactLength = 64

    private init(targets domains: [String], exact: Set<String>) {
        var bytes: [UInt8] = []
        targets = domains.map { domain in
            let domainBytes = Array(domain.utf8)
            let nameLength = domainBytes.lastIndex(of: EmailASCII.dot) ?? domainBytes.count
            let target = domainBytes.withUnsafeBufferPointer { all in
                Target(
                    start: bytes.count, count: all.count, nameLength: nameLength, masks: ByteValueMasks(all),
                    nameMasks: ByteValueMasks(UnsafeBufferPointer(rebasing: all[..<nameLength])))
            }
            bytes += domainBytes
            return target
        }
        var tables = [UInt64](repeating: 0, count: 256 * domains.count)
        for (number, target) in targets.enumerated() {
            for index in 0..<target.count {
                tables[256 * number + Int(bytes[target.start + index])] |= 1 &<< UInt64(index)
            }
        }
        matchTables = tables
        let sorted = exact.map { Array($0.utf8) }.filter { $0.count <= Self.maxExactLength }.sorted {
            $0.count != $1.count ? $0.count < $1.count : $0.lexicographicallyPrecedes($1)
        }
        var starts: [Int] = []
        for domain in sorted {
            starts.append(bytes.count)
            bytes += domain
        }
        exactStarts = starts
        // The number of exact domains shorter than n, for n from 0 to maxExactLength + 1.
        exactByLength = (0...(Self.maxExactLength + 1)).map { length in sorted.count { $0.count < length } }
        self.bytes = bytes
    }

    /// Whether `domain` (lowercase ASCII) is a target or a known good domain; `all` is ``bytes``.
    func isExact(_ domain: UnsafeBufferPointer<UInt8>, in all: UnsafeBufferPointer<UInt8>) -> Bool {
        guard domain.count <= Self.maxExactLength, let base = domain.baseAddress, let allBase = all.baseAddress else {
            return false
        }
        for entry in exactByLength[domain.count]..<exactByLength[domain.count + 1]
        where Self.equal(base, allBase + exactStarts[entry], count: domain.count) {
            return true
        }
        return false
    }

    /// Whether the `count` bytes at `a` and at `b` are the same.
    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, count: Int) -> Bool {
        for offset in 0..<count where a[offset] != b[offset] { return false }
        return true
    }
}
