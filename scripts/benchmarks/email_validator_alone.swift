// The email validator alone (scripts/benchmarks/email-validator-alone): validates every line of a file
// as `herald check-email --measure` does (inputs read first, no output) and prints wall-clock and
// CPU-time rates; `FILE dump` prints every verdict, suggestion and form instead, for comparing builds.
import Foundation
import HeraldCore



let data = FileManager.default.contents(atPath: CommandLine.arguments[1])!
let storage = [UInt8](data)
var lines: [Range<Int>] = []
var start = 0
for (i, b) in storage.enumerated() where b == 10 { lines.append(start..<i); start = i + 1 }
if start < storage.count { lines.append(start..<storage.count) }
if CommandLine.arguments.count > 2 && CommandLine.arguments[2] == "dump" { dumpVerdicts(storage, lines); exit(0) }
let reps = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2])! : 1
var valid = 0
func cpuSeconds() -> Double { var t = timespec(); clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
let clock = ContinuousClock()
let c0 = cpuSeconds()
let t0 = clock.now
@inline(never) func timedValidationLoop(_ storage: [UInt8], _ lines: [Range<Int>], _ reps: Int) -> Int {
  var valid = 0
  storage.withUnsafeBufferPointer { bytes in
    for _ in 0..<reps {
        for range in lines {
            do {
                _ = try EmailAddress(validatingUTF8: bytes[range], policy: .default)
                valid += 1
            } catch {}
        }
    }
  }
  return valid
}
valid = timedValidationLoop(storage, lines, reps)
let el = clock.now - t0
let cpu = cpuSeconds() - c0
let s = Double(el.components.seconds) + Double(el.components.attoseconds) / 1e18
print("checked=\(lines.count * reps) valid=\(valid) seconds=\(s) per_second=\(Int(Double(lines.count * reps) / s)) cpu_per_second=\(Int(Double(lines.count * reps) / cpu))")



@inline(never) func dumpVerdicts(_ storage: [UInt8], _ lines: [Range<Int>]) {
    var out = ""
    storage.withUnsafeBufferPointer { bytes in
        for range in lines {
            do throws(EmailValidationError) {
                let a = try EmailAddress(validatingUTF8: bytes[range], policy: .default)
                out += "V \(a.typed)|\(a.smtpAddress)|\(a.displayAddress)|\(a.canonicalKey)|\(a.requiresSMTPUTF8)\n"
            } catch {
                out += "I \(error.code.rawValue)|\(error.suggestion ?? "-")\n"
            }
            if out.utf8.count > 1 << 16 { FileHandle.standardOutput.write(out.data(using: .utf8)!); out = "" }
        }
    }
    FileHandle.standardOutput.write(out.data(using: .utf8)!)
}
