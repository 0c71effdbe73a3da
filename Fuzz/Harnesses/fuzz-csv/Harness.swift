import FuzzDriver
import HeraldImport

/// libFuzzer entry point: parses the input as an import CSV (whole, and again cut into two chunks
/// at a point chosen by the first byte), checks that chunking changes nothing, and that records
/// written by `CSVWriter` (formula neutralising included) parse back to the same fields.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let whole = records(of: [bytes[...]])
    let cut = bytes.isEmpty ? 0 : Int(bytes[0]) % (bytes.count + 1)
    let chunked = records(of: [bytes[..<cut], bytes[cut...]])
    require(
        whole.count == chunked.count && zip(whole, chunked).allSatisfy { $0 == $1 },
        "chunking at \(cut) changes the records")
    for record in whole where record.problem == nil {
        require(record.fields.count <= 1000, "more fields than the limit")
        let fields = record.fields.map { String(decoding: $0, as: UTF8.self) }
        var writer = CSVWriter()
        writer.write(fields)
        // As `subscribers export` writes it: after a byte order mark, so a field starting with U+FEFF stays.
        let again = records(of: [(CSVWriter.byteOrderMark + writer.drain())[...]])
        require(again.count == 1 || fields.allSatisfy(\.isEmpty), "a written record reads as \(again.count) records")
        if let first = again.first, again.count == 1 {
            let read = first.fields.map { CSVWriter.unneutralised(String(decoding: $0, as: UTF8.self)) }
            require(
                read == fields,
                "written record does not read back: \(String(reflecting: fields)) -> \(String(reflecting: read))")
        }
    }
    return 0
}

struct ParsedRecord: Equatable {
    var line: Int
    var problem: CSVProblem?
    var fields: [[UInt8]]
}

func records(of chunks: [ArraySlice<UInt8>]) -> [ParsedRecord] {
    var parser = CSVParser(maxRecordBytes: 4096, maxFields: 1000)
    var result: [ParsedRecord] = []
    let emit = { (record: CSVRecord) in
        result.append(
            ParsedRecord(
                line: record.line, problem: record.problem, fields: (0..<record.count).map { Array(record[$0]) }))
    }
    for chunk in chunks {
        Array(chunk).withUnsafeBufferPointer { parser.feed($0, emit) }
    }
    parser.finish(emit)
    return result
}
