import Logging
import PostgresNIO

/// Rows in the text format of PostgreSQL's `COPY … FROM STDIN` (tab-separated columns, one row per
/// line, `\N` for NULL), for `PostgresConnection.copy(_:into:columns:logger:answerWithin:)`.
///
/// Every value travels as data, never as SQL: a backslash, tab, line feed or carriage return in a
/// value is written as its backslash escape, so no value can end its column or its row early or be
/// read as `\N`. Other bytes, UTF-8 included, go as they are (the connection's encoding is UTF-8).
struct PostgresCopyText {
    private(set) var buffer: ByteBuffer
    private var startsRow = true

    /// The rows written so far.
    var bytes: [UInt8] { Array(buffer.readableBytesView) }

    init(capacity: Int) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
    }

    /// Appends the next column of the current row; nil is NULL.
    mutating func append(_ value: String?) {
        separate()
        guard var text = value else {
            buffer.writeStaticString("\\N")
            return
        }
        text.withUTF8 { bytes in
            guard bytes.contains(where: Self.needsEscape) else { return _ = buffer.writeBytes(bytes) }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case UInt8(ascii: "\t"): buffer.writeStaticString("\\t")
                case UInt8(ascii: "\n"): buffer.writeStaticString("\\n")
                case UInt8(ascii: "\r"): buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }

    /// Appends the next column of the current row as a decimal integer; nil is NULL.
    mutating func append(_ integer: Int64?) {
        separate()
        guard let integer else {
            buffer.writeStaticString("\\N")
            return
        }
        buffer.writeString(String(integer))
    }

    /// Ends the current row.
    mutating func endRow() {
        buffer.writeInteger(UInt8(ascii: "\n"))
        startsRow = true
    }

    private mutating func separate() {
        if !startsRow { buffer.writeInteger(UInt8(ascii: "\t")) }
        startsRow = false
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}

extension PostgresConnection {
    /// Copies `rows` into `table` (`COPY table (columns) FROM STDIN`, text format) inside the
    /// connection's open transaction. With `limit`, a copy that gets no answer in time fails as
    /// `.unavailable` and the connection is closed (see `AnswerDeadline`). `table` and `columns` are
    /// written into the statement as they are: only names from this module's SQL may be passed.
    func copy(
        _ rows: PostgresCopyText, into table: String, columns: [String], logger: Logger, answerWithin limit: Duration
    ) async throws {
        let data = rows.buffer
        try await answered(within: limit, what: "a copy") { [self] in
            try await copyFrom(table: table, columns: columns, logger: logger) { writer in
                try await writer.write(data)
            }
        }
    }
}
