/// A streaming RFC 4180 parser over bytes: feed chunks of any size, get each record once complete.
///
/// Accepts a UTF-8 byte order mark at the start, LF, CRLF or lone CR line breaks, quoted fields
/// with commas, line breaks and doubled quotes. Memory is bounded by the longest record (at most
/// `maxRecordBytes`), never by the input. Syntax problems are attached to the record they occur
/// in and parsing carries on; an unclosed quote swallows at most `maxRecordBytes` (or the rest of
/// the file) and is then reported on its first line, and the lines after it are parsed again.
/// Empty lines are skipped.
public struct CSVParser {
    enum State { case recordStart, fieldStart, unquoted, quoted, quoteInQuoted, skipLine }

    /// The longest record accepted, in bytes.
    public let maxRecordBytes: Int
    /// The most fields a record may have.
    public let maxFields: Int

    var state = State.recordStart
    var record = CSVRecord(line: 1)
    /// The raw bytes of the current record while a quoted field is open, to parse again after an unclosed quote.
    var raw: [UInt8] = []
    var line = 1
    var previousWasCR = false
    var swallowLF = false
    var atFileStart = true
    /// The first bytes, held until there are enough to tell whether they are a byte order mark.
    var fileStart: [UInt8] = []

    public init(maxRecordBytes: Int = 64 * 1024, maxFields: Int = 1000) {
        self.maxRecordBytes = maxRecordBytes
        self.maxFields = maxFields
    }

    /// Parses `chunk`, calling `emit` for every record completed by it.
    public mutating func feed(_ chunk: UnsafeBufferPointer<UInt8>, _ emit: (CSVRecord) throws -> Void) rethrows {
        if atFileStart {
            fileStart.append(contentsOf: chunk)
            guard fileStart.count >= 3 else { return }
            try consumeFileStart(emit)
            return
        }
        for byte in chunk {
            if let replay = try step(byte, emit) {
                try replay.withUnsafeBufferPointer { try feed($0, emit) }
            }
        }
    }

    /// Ends the input: completes the last record (a missing final line break is fine).
    public mutating func finish(_ emit: (CSVRecord) throws -> Void) rethrows {
        if atFileStart { try consumeFileStart(emit) }
        switch state {
        case .recordStart:
            return
        case .quoted:
            record.problem = record.problem ?? .unterminatedQuote
            let replay = replayAfterFirstLine()
            try emitRecord(emit)
            if !replay.isEmpty {
                try replay.withUnsafeBufferPointer { try feed($0, emit) }
                try finish(emit)
            }
        case .skipLine:
            try emitRecord(emit)
        case .fieldStart, .unquoted, .quoteInQuoted:
            endField()
            try emitRecord(emit)
        }
    }

    /// Drops a UTF-8 byte order mark from the first bytes, then parses them.
    private mutating func consumeFileStart(_ emit: (CSVRecord) throws -> Void) rethrows {
        atFileStart = false
        let bytes = fileStart.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(fileStart.dropFirst(3)) : fileStart
        fileStart = []
        try bytes.withUnsafeBufferPointer { try feed($0, emit) }
    }
}
