extension CSVParser {
    static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"),
        cr = UInt8(ascii: "\r")

    /// Consumes one byte; returns bytes to parse again when an unclosed quote was given up on.
    @inline(__always)
    mutating func step(_ byte: UInt8, _ emit: (CSVRecord) throws -> Void) rethrows -> [UInt8]? {
        let isBreak = byte == Self.lf || byte == Self.cr
        let byteLine = line
        if byte == Self.cr || (byte == Self.lf && !previousWasCR) { line += 1 }
        previousWasCR = byte == Self.cr
        if state == .recordStart {
            if isBreak { return nil }
            record.line = byteLine
            state = .fieldStart
        }
        if state != .skipLine {
            raw.append(byte)
            if raw.count > maxRecordBytes { return try overflow(atBreak: isBreak, emit) }
        }
        switch state {
        case .recordStart, .fieldStart:
            if byte == Self.quote {
                state = .quoted
            } else if try !separate(byte, isBreak: isBreak, emit) {
                record.bytes.append(byte)
                state = .unquoted
            }
        case .unquoted:
            if try !separate(byte, isBreak: isBreak, emit) {
                if byte == Self.quote { note(.quoteInUnquotedField) }
                record.bytes.append(byte)
            }
        case .quoted:
            if byte == Self.quote { state = .quoteInQuoted } else { record.bytes.append(byte) }
        case .quoteInQuoted:
            if byte == Self.quote {
                record.bytes.append(byte)
                state = .quoted
            } else if try !separate(byte, isBreak: isBreak, emit) {
                note(.textAfterClosingQuote)
                record.bytes.append(byte)
                state = .unquoted
            }
        case .skipLine:
            if isBreak { try emitRecord(emit) }
        }
        return nil
    }

    /// Outside quotes: a comma ends the field, a line break the record. False when `byte` is neither.
    @inline(__always)
    private mutating func separate(_ byte: UInt8, isBreak: Bool, _ emit: (CSVRecord) throws -> Void) rethrows
        -> Bool
    {
        if byte == Self.comma {
            endFieldChecked()
        } else if isBreak {
            endField()
            try emitRecord(emit)
        } else {
            return false
        }
        return true
    }

    /// Ends the current field and starts the next one, or gives up on the record past `maxFields`.
    private mutating func endFieldChecked() {
        endField()
        if record.ends.count >= maxFields {
            note(.tooManyFields)
            state = .skipLine
            raw.removeAll(keepingCapacity: true)
        } else {
            state = .fieldStart
        }
    }

    mutating func endField() {
        record.ends.append(record.bytes.count)
    }

    mutating func note(_ problem: CSVProblem) {
        if record.problem == nil { record.problem = problem }
    }

    /// Hands the record over and starts the next one.
    mutating func emitRecord(_ emit: (CSVRecord) throws -> Void) rethrows {
        try emit(record)
        record.bytes.removeAll(keepingCapacity: true)
        record.ends.removeAll(keepingCapacity: true)
        record.problem = nil
        raw.removeAll(keepingCapacity: true)
        state = .recordStart
    }

    /// The record outgrew `maxRecordBytes`. Inside an open quote the cause is most likely an
    /// unbalanced quote: the record is reported and its lines after the first are parsed again.
    /// Otherwise the rest of the line is skipped.
    private mutating func overflow(atBreak: Bool, _ emit: (CSVRecord) throws -> Void) rethrows -> [UInt8]? {
        note(.recordTooLong)
        guard state == .quoted else {
            if atBreak {
                try emitRecord(emit)
            } else {
                state = .skipLine
                raw.removeAll(keepingCapacity: true)
            }
            return nil
        }
        let replay = replayAfterFirstLine()
        endField()
        try emitRecord(emit)
        return replay
    }

    /// The raw bytes of the current record after its first line break; resets the line counter
    /// to the line they start on.
    mutating func replayAfterFirstLine() -> [UInt8] {
        line = record.line + 1
        previousWasCR = false
        guard let breakIndex = raw.firstIndex(where: { $0 == Self.lf || $0 == Self.cr }) else { return [] }
        var start = breakIndex + 1
        if raw[breakIndex] == Self.cr, start < raw.count, raw[start] == Self.lf { start += 1 }
        return Array(raw[start...])
    }
}
