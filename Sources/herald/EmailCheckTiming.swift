import Foundation
import HeraldCore

/// `check-email --measure`: the validator's own throughput, for `scripts/bench-email`.
///
/// Reads every input first (arguments, or standard input for `-`), then validates them all in
/// one loop with no output per input, so the time printed is validation alone — what one core
/// does, without the command's reading and formatting.
enum EmailCheckTiming {
    /// Validates `addresses` (`-` meaning standard input) and prints one summary line.
    static func run(_ addresses: [String], policy: EmailValidationPolicy) -> (checked: Int, valid: Int) {
        var storage: [UInt8] = []
        var lines: [Range<Int>] = []
        for address in addresses {
            if address == "-" {
                StandardInputLines.forEach { append($0, to: &storage, lines: &lines) }
            } else {
                append(ArraySlice(address.utf8), to: &storage, lines: &lines)
            }
        }
        var valid = 0
        let elapsed = ContinuousClock().measure {
            storage.withUnsafeBufferPointer { bytes in
                for range in lines {
                    // Not `try? … != nil`: comparing the optional with nil costs a generic
                    // destroy of the address that is no part of validating it.
                    do {
                        _ = try EmailAddress(validatingUTF8: bytes[range], policy: policy)
                        valid += 1
                    } catch {}
                }
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Int((Double(lines.count) / seconds).rounded()) : 0
        print("checked=\(lines.count) valid=\(valid) seconds=\(String(format: "%.3f", seconds)) per_second=\(rate)")
        return (lines.count, valid)
    }

    private static func append(_ line: ArraySlice<UInt8>, to storage: inout [UInt8], lines: inout [Range<Int>]) {
        let start = storage.count
        storage.append(contentsOf: line)
        lines.append(start..<storage.count)
    }
}
