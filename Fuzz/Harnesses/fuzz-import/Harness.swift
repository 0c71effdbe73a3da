import Foundation
import FuzzDriver

@testable import HeraldCore
@testable import HeraldImport

/// libFuzzer entry point: runs the input through the validating half of `herald subscribers import`
/// as `ImportRun` does (CSV parser → `ImportRecordSink` → `ImportBatchBuilder`, fed in chunks, a batch
/// taken whenever it is full) and checks what the import promises:
///
/// - every data record is either accepted or reported once, on the line it starts on (within the
///   file's physical lines, in file order), with a known reason code and a one-line message;
/// - the counts add up: rows = accepted + invalid, accepted = batched + merged;
/// - every batched row re-validates to the same mailbox, is unique in its batch, names a configured
///   newsletter, and carries a clean name, attributes that read back as a JSON object of strings,
///   and dates the export writes in a form the import reads back.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzImport(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The batch size, chunk size and default status come from the input's length, so the seeds
    // stay plain CSV files and every file is tried with several batchings as the fuzzer grows it.
    let batchSize = size % 5 + 1
    let chunkSize = size % 13 + 1
    var sink = ImportRecordSink(
        newsletters: ImportCheck.newsletters, defaultNewsletter: "news",
        defaultStatus: size % 2 == 0 ? .confirmed : .pending, emailPolicy: .default,
        importedAt: ImportCheck.importedAt, collectsRows: true)
    var check = ImportCheck(file: bytes)
    var parser = CSVParser()
    var headerError: ImportFileError?
    func take(_ record: CSVRecord) {
        guard headerError == nil else { return }
        check.recordLines.append(record.line)
        for index in 0..<record.count { record.text(index).map(ImportCheck.verifyDateCell) }
        do throws(ImportFileError) {
            try sink.take(record) { check.errors.append($0) }
        } catch {
            require(check.recordLines.count == 1, "a data record (line \(record.line)) failed the whole file: \(error)")
            headerError = error
        }
    }
    var offset = 0
    while offset < bytes.count {
        let end = min(offset + chunkSize, bytes.count)
        bytes[offset..<end].withUnsafeBufferPointer { parser.feed($0, take) }
        offset = end
        if sink.builder.count >= batchSize { check.batches.append(sink.builder.take()) }
    }
    parser.finish(take)
    if sink.builder.count > 0 { check.batches.append(sink.builder.take()) }
    if let headerError {
        check.requireOneLine(headerError.description, "header error")
        return 0
    }
    check.verify(sink.summary, hasHeader: sink.hasHeader)
    return 0
}
