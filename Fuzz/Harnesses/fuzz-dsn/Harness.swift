import Foundation
import FuzzDriver
import HeraldCore

@testable import HeraldMail

/// libFuzzer entry point: reads the input as a bounce or complaint report with
/// `DeliveryReportParser` (what `herald bounces ingest` does with a file) and checks what it promises:
///
/// - the message's lines are exactly its LF/CRLF-separated lines, at most `ReportLines.maximumLines`
///   of them (inputs starting with 0xFF whose length is a multiple of 8 are first amplified, past
///   that cap or the recipient cap, see `Amplified`);
/// - a refusal is a `DeliveryReportError` with a one-line message;
/// - at most `maximumRecipients` entries; a DSN entry is a hard or soft bounce, an ARF entry a
///   complaint; the ignored entries are printable lines (no control characters: `bounces ingest`
///   prints them); every recipient is trimmed and non-empty and gets the validator's verdict (what
///   `BounceService` asks before recording it); every DSN status group follows the documented table
///   (`StatusCheck`);
/// - the same report whether the lines end in LF or CRLF.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzDeliveryReport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // One input in eight of those starting with 0xFF is amplified (see `Amplified`): an amplified
    // run costs as much as a hundred plain ones, and its mutants would otherwise take over.
    if bytes.first == 0xFF, size % 8 == 0 { bytes = Amplified(bytes.dropFirst()).bytes }
    checkLines(bytes)
    // Past the line cap only the cap matters (`DeliveryReportHostileTests` parse millions of lines);
    // parsing 100,000 lines under the sanitizers would take most of the fuzzing time.
    guard bytes.count < 20_000 || bytes.lazy.filter({ $0 == 0x0A }).count < 20_000 else { return 0 }
    StatusCheck.verifyGroups(in: bytes)
    let received = Date(timeIntervalSince1970: 1_750_000_000)
    let report: DeliveryReport
    do {
        report = try DeliveryReportParser.parse(bytes, receivedAt: received)
    } catch {
        require(
            !error.message.isEmpty && !error.message.contains("\n"),
            "refusal message: \(String(reflecting: error.message))")
        return 0
    }
    let entries = report.bounces.count + report.ignored.count
    require(entries <= DeliveryReportParser.maximumRecipients, "\(entries) recipients read from one report")
    for bounce in report.bounces { checkBounce(bounce) }
    for reason in report.ignored {
        require(
            !reason.unicodeScalars.contains { $0.properties.generalCategory == .control },
            "an ignored entry is not one printable line: \(String(reflecting: reason))")
    }
    if bytes.count <= 16_384, !bytes.contains(0x0D) {
        let crlf = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
        require(
            (try? DeliveryReportParser.parse(crlf, receivedAt: received)) == report, "CRLF line ends change the report")
    }
    return 0
}

private func checkBounce(_ bounce: BounceReport) {
    switch bounce.source {
    case .dsn: require(bounce.kind == .hard || bounce.kind == .soft, "a DSN entry of kind \(bounce.kind)")
    case .arf: require(bounce.kind == .complaint, "an ARF entry of kind \(bounce.kind)")
    case .smtp, .api: fatalError("a report entry with source \(bounce.source)")
    }
    let address = bounce.address
    require(!address.isEmpty && address == address.trimmedSpaces, "recipient \(String(reflecting: address))")
    require(!address.contains("\n"), "a recipient spans lines: \(String(reflecting: address))")
    let shown = DeliveryReport.printable(address)
    require(!shown.unicodeScalars.contains { $0.properties.generalCategory == .control }, "printable(\(shown))")
    // The verdict BounceService gets before recording: a valid mailbox that validates again the
    // same, or a typed refusal (which `bounces ingest` prints as "not recorded: invalid address").
    if let valid = try? EmailAddress(validating: address) {
        let again = try? EmailAddress(validating: valid.smtpAddress)
        require(again?.canonicalKey == valid.canonicalKey, "a reported recipient changes on revalidation")
    }
}

/// The lines of a message: its LF-separated pieces with one trailing CR dropped, decoded as UTF-8
/// with replacement, at most `ReportLines.maximumLines`.
private func checkLines(_ bytes: [UInt8]) {
    let lines = ReportLines(bytes).lines
    var expected = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    if expected.last?.isEmpty == true { expected.removeLast() }
    let limit = ReportLines.maximumLines
    require(lines.count == min(expected.count, limit), "\(lines.count) lines read of \(expected.count) (cap \(limit))")
    for (line, raw) in zip(lines, expected) {
        let text = String(decoding: raw.last == 0x0D ? raw.dropLast() : raw, as: UTF8.self)
        guard line == text else { fatalError("line \(String(reflecting: text)) read as \(String(reflecting: line))") }
    }
}

/// A big input built from a small one: `head NUL unit NUL tail` becomes head, unit repeated, tail,
/// so the line cap (100,000) and the recipient cap (1,000) are reached: up to 100,100 lines, with
/// at most 4,200 non-empty ones (each costs a string; 4-line recipient groups still pass 1,000), and at most 120 kB.
struct Amplified {
    let bytes: [UInt8]

    init(_ input: ArraySlice<UInt8>) {
        let pieces = input.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        let head = pieces.first ?? []
        let unit = pieces.count > 1 && !pieces[1].isEmpty ? pieces[1] : [0x0A]
        let tail = pieces.count > 2 ? pieces[2] : []
        let lines = unit.split(separator: 0x0A, omittingEmptySubsequences: false)
        let breaks = lines.count - 1
        let filled = lines.filter { !$0.isEmpty }.count
        var repeats = 120_000 / unit.count
        if breaks > 0 { repeats = min(repeats, 100_100 / breaks + 1) }
        if filled > 0 { repeats = min(repeats, 4_200 / filled) }
        var bytes = Array(head)
        bytes.reserveCapacity(head.count + repeats * unit.count + tail.count)
        for _ in 0..<repeats { bytes += unit }
        bytes += tail
        self.bytes = bytes
    }
}
