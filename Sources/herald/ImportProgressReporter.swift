import Foundation
import HeraldCore
import HeraldImport

/// Import progress on stderr: a bar on a terminal, a line every few seconds otherwise; invalid
/// rows as `line N: code: reason`.
final class ImportProgressReporter: @unchecked Sendable {
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private let started = ContinuousClock.now
    private var lastLine = ContinuousClock.now
    private var barShown = false
    private var pending: [UInt8] = []
    private var lastProgress: ImportProgress?
    private var printedProgress: ImportProgress?

    func invalid(_ error: ImportRowError) {
        clearBar()
        pending.append(contentsOf: "\(error)\n".utf8)
        if pending.count > 1 << 15 { flush() }
    }

    func progress(_ progress: ImportProgress) {
        flush()
        lastProgress = progress
        let rate = rate(progress.rows)
        let fraction = progress.totalBytes > 0 ? min(1, Double(progress.bytesRead) / Double(progress.totalBytes)) : 1
        if isTerminal {
            let filled = Int(fraction * 30)
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
            write("\r[\(bar)] \(Int(fraction * 100))% \(progress.rows) rows, \(rate) rows/s")
            barShown = true
        } else if ContinuousClock.now - lastLine > .seconds(5) {
            lastLine = .now
            printedProgress = progress
            write(line(progress))
        }
    }

    /// Ends the display; without a terminal, writes the last state as one more line.
    func finish() {
        flush()
        clearBar()
        if !isTerminal, let lastProgress, lastProgress != printedProgress { write(line(lastProgress)) }
    }

    private func line(_ progress: ImportProgress) -> String {
        let fraction = progress.totalBytes > 0 ? min(1, Double(progress.bytesRead) / Double(progress.totalBytes)) : 1
        return "import: \(Int(fraction * 100))% \(progress.rows) rows, \(rate(progress.rows)) rows/s\n"
    }

    private func rate(_ rows: Int) -> Int {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Int(Double(rows) / max(0.001, seconds))
    }

    private func clearBar() {
        if barShown { write("\n") }
        barShown = false
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardError.write(Data(pending))
        pending.removeAll(keepingCapacity: true)
    }

    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
