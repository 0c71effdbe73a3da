import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The shortcuts of the validator's hot path must give exactly what the long way gives: the
/// ASCII fast path against the general path, the banded edit distance against the full table,
/// the NFC quick check against Foundation's normalizer, and the IDNA memo against no memo.
@Suite("EmailAddress fast paths agree with the general path")
struct EmailFastPathTests {
    private typealias Outcome = Result<EmailAddress, EmailValidationError>

    private static let blocking = EmailValidationPolicy(
        blockedDomains: DisposableDomainList(domains: ["mailinator.com", "Example.ORG", "bücher.de"]))

    @Test("Random ASCII inputs: fast path (String and bytes) and general path agree", arguments: [1, 2, 3])
    func randomASCIIInputsAgree(seed: UInt64) {
        var random = SeededRandomNumberGenerator(seed: 20_261_125 &* seed)
        var disagreements: [String] = []
        var valid = 0
        for round in 0..<12_000 {
            let input = ASCIIInputGenerator.input(using: &random)
            let policy = round % 4 == 0 ? Self.blocking : .default
            let general = Outcome { () throws(EmailValidationError) in
                try EmailAddress.validatedAlongGeneralPath(input, policy: policy)
            }
            let fast = Outcome { () throws(EmailValidationError) in try EmailAddress(validating: input, policy: policy)
            }
            let bytes = Outcome { () throws(EmailValidationError) in
                try EmailAddress(validatingUTF8: Array(input.utf8), policy: policy)
            }
            if case .success = general { valid += 1 }
            if fast != general || bytes != general { disagreements.append(input.debugDescription) }
        }
        #expect(disagreements.count == 0, "first disagreements: \(disagreements.prefix(5))")
        // The generator must exercise both outcomes, or the comparison proves little.
        #expect(valid > 1_000)
        #expect(valid < 11_000)
    }

    @Test("The NFC quick exit returns what Foundation's normalizer returns")
    func nfcMatchesFoundation() {
        var random = SeededRandomNumberGenerator(seed: 6_1530)
        let pools: [ClosedRange<UInt32>] = [
            0x41...0x7A, 0xC0...0x17F, 0x300...0x36F, 0x391...0x3CE, 0x400...0x4FF, 0x1100...0x1175,
            0xAC00...0xAC40, 0x0915...0x094D, 0x1E00...0x1EFF, 0x2126...0x212B, 0x4E00...0x4E20, 0x1D15E...0x1D164,
        ]
        var mismatches: [String] = []
        for _ in 0..<20_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let pool = pools.randomElement(using: &random)!
                if let scalar = Unicode.Scalar(UInt32.random(in: pool, using: &random)) { scalars.append(scalar) }
            }
            let text = String(scalars)
            let expected = text.precomposedStringWithCanonicalMapping
            if !EmailUnicodeText.nfc(text).utf8.elementsEqual(expected.utf8) {
                mismatches.append(text.debugDescription)
            }
        }
        #expect(mismatches.count == 0, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test("The banded edit distance equals the full table's, capped at limit + 1")
    func bandedEditDistanceMatchesFullTable() {
        var random = SeededRandomNumberGenerator(seed: 42)
        for _ in 0..<20_000 {
            let a = Self.randomWord(0...10, using: &random)
            let b = Self.randomWord(0...10, using: &random)
            let limit = Int.random(in: 0...3, using: &random)
            let banded = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in EditDistance.optimalStringAlignment(a, b, limit: limit) }
            }
            if !Self.expectFullTableDistance(banded, a, b, limit: limit) { return }
        }
    }

    @Test("The bit-parallel edit distance equals the full table's, capped at limit + 1")
    func bitParallelEditDistanceMatchesFullTable() {
        var random = SeededRandomNumberGenerator(seed: 7)
        for round in 0..<40_000 {
            // Mostly short, as domains are; sometimes up to the 64-byte limit of the pattern.
            let longest = round % 50 == 0 ? 64 : 16
            let a = Self.randomWord(0...longest, using: &random)
            let b = Self.randomWord(1...longest, using: &random)
            let limit = Int.random(in: 0...3, using: &random)
            let bits = a.withUnsafeBufferPointer { a in
                b.withUnsafeBufferPointer { b in EditDistance.bitParallel(a, b, limit: limit) }
            }
            if !Self.expectFullTableDistance(bits, a, b, limit: limit) { return }
        }
    }

    /// A word of `lengths` bytes from a small alphabet, so that near-matches are common.
    static func randomWord(_ lengths: ClosedRange<Int>, using random: inout SeededRandomNumberGenerator) -> [UInt8] {
        let alphabet = Array("abcd.".utf8)
        return (0..<Int.random(in: lengths, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
    }

    /// Expects `distance` to be the full table's distance of `a` and `b`, capped at `limit + 1`;
    /// returns whether it was.
    static func expectFullTableDistance(_ distance: Int, _ a: [UInt8], _ b: [UInt8], limit: Int) -> Bool {
        let expected = min(fullTableDistance(a, b), limit + 1)
        #expect(
            distance == expected,
            "\(String(decoding: a, as: UTF8.self)) / \(String(decoding: b, as: UTF8.self)), limit \(limit)")
        return distance == expected
    }

    @Test("The IDNA memo answers repeated keys without converting, compares bytes, and stays bounded")
    func idnaMemoIsExactAndBounded() {
        let memo = UTF8KeyedMemo<Int>(capacity: 3)
        var calls = 0
        let convert: (String) -> Int = { key in
            calls += 1
            return key.utf8.count
        }
        #expect(memo.value(for: "bücher.de", convert: convert) == 10)
        #expect(memo.value(for: "bücher.de", convert: convert) == 10)
        #expect(calls == 1)
        // Canonically equivalent to the key above, but other bytes: a separate entry.
        #expect(memo.value(for: "bu\u{308}cher.de", convert: convert) == 11)
        #expect(calls == 2)
        for key in ["a.de", "b.de", "c.de", "d.de"] { _ = memo.value(for: key, convert: convert) }
        #expect(memo.count <= 3)
        #expect(memo.value(for: "d.de", convert: convert) == 4)
        #expect(calls == 6)
    }

    @Test("Internationalized addresses give the same result the first time and when remembered")
    func idnaResultsRepeat() throws {
        for input in [
            "jane@bücher.de", "jane@xn--bcher-kva.de", "Олена@приклад.укр", "a@xn--zz.com", "a@ex\u{0301}ample.com",
        ] {
            let first = Outcome { () throws(EmailValidationError) in try EmailAddress(validating: input) }
            let again = Outcome { () throws(EmailValidationError) in try EmailAddress(validating: input) }
            #expect(first == again, "\(input)")
        }
    }

    @Test("Every ASCII byte is accepted in a local part or a domain exactly when the RFCs allow it")
    func asciiByteClassesMatchTheRFCs() {
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.".utf8)
        let label = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.".utf8)
        for byte in UInt8(0)..<0x80 {
            let inLocal =
                (try? EmailAddress(validatingUTF8: Array("a".utf8) + [byte] + Array("a@example.com".utf8))) != nil
            let inDomain =
                (try? EmailAddress(validatingUTF8: Array("jane@a".utf8) + [byte] + Array("a.com".utf8))) != nil
            #expect(inLocal == atext.contains(byte), "byte \(byte) in a local part")
            #expect(inDomain == label.contains(byte), "byte \(byte) in a domain")
        }
    }

    @Test("The shape scan's word test finds exactly the first byte that plays a part in the shape")
    func wordTestFindsFirstShapeByte() {
        let neutral = Set(UInt8(0x21)...UInt8(0x7E)).subtracting("@<>,;".utf8)
        // Mostly neutral bytes, with every other byte value mixed in, so words of each kind occur;
        // runs of two shape bytes check that a borrow from the first never hides or moves it.
        let others = (UInt8(0)...UInt8(255)).filter { !neutral.contains($0) }
        var random = SeededRandomNumberGenerator(seed: 20_261_204)
        var foundInWord = 0
        for _ in 0..<40_000 {
            let count = Int.random(in: 0...40, using: &random)
            var bytes = (0..<count).map { _ in
                Int.random(in: 0..<12, using: &random) == 0
                    ? others.randomElement(using: &random)! : neutral.randomElement(using: &random)!
            }
            if count > 1, Int.random(in: 0..<4, using: &random) == 0 {
                let at = Int.random(in: 0..<(count - 1), using: &random)
                bytes[at] = others.randomElement(using: &random)!
                bytes[at + 1] = others.randomElement(using: &random)!
            }
            let start = Int.random(in: 0...count, using: &random)
            let found = bytes.withUnsafeBufferPointer { EmailShapeWords.firstShapeByte($0, from: start) }
            let expected = bytes[start...].firstIndex { !neutral.contains($0) } ?? count
            #expect(found == expected, "\(bytes) from \(start)")
            if count >= 8, expected - start >= 8 { foundInWord += 1 }
        }
        #expect(foundInWord > 1_000)
    }

    /// The whole optimal-string-alignment table, as the reference.
    private static func fullTableDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
