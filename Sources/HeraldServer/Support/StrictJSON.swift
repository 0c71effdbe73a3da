/// A JSON value from `StrictJSON`.
enum JSONValue: Equatable {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)), (.number(let a), .number(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
        default: return false
        }
    }
}

/// A small, strict JSON reader (RFC 8259) that, unlike Foundation's, rejects duplicate keys
/// and invalid UTF-8, and bounds nesting depth.
struct StrictJSON {
    struct Malformed: Error, Equatable {
        let reason: String
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    /// Parses one JSON document.
    static func parse(_ bytes: [UInt8]) throws(Malformed) -> JSONValue {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw Malformed(reason: "body is not valid UTF-8")
        }
        var parser = StrictJSON(bytes: bytes)
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw Malformed(reason: "unexpected data after the JSON value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private mutating func value() throws(Malformed) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw Malformed(reason: "unexpected end of JSON") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try number())
        }
    }

    private mutating func nested<T>(_ body: (inout StrictJSON) throws(Malformed) -> T) throws(Malformed) -> T {
        depth += 1
        guard depth <= 32 else { throw Malformed(reason: "JSON nested too deeply") }
        defer { depth -= 1 }
        return try body(&self)
    }

    private mutating func object() throws(Malformed) -> JSONValue {
        try nested { (parser: inout StrictJSON) throws(Malformed) -> JSONValue in
            parser.index += 1
            var members: [(key: String, value: JSONValue)] = []
            var seen = Set<String>()
            parser.skipWhitespace()
            if parser.peek(UInt8(ascii: "}")) { parser.index += 1; return .object(members) }
            while true {
                parser.skipWhitespace()
                guard parser.peek(UInt8(ascii: "\"")) else { throw Malformed(reason: "expected a member name") }
                let key = try parser.string()
                guard seen.insert(key).inserted else { throw Malformed(reason: "duplicate key '\(key.prefix(40))'") }
                parser.skipWhitespace()
                try parser.expect(UInt8(ascii: ":"))
                members.append((key, try parser.value()))
                parser.skipWhitespace()
                if parser.peek(UInt8(ascii: "}")) { parser.index += 1; return .object(members) }
                try parser.expect(UInt8(ascii: ","))
            }
        }
    }

    private mutating func array() throws(Malformed) -> JSONValue {
        try nested { (parser: inout StrictJSON) throws(Malformed) -> JSONValue in
            parser.index += 1
            var items: [JSONValue] = []
            parser.skipWhitespace()
            if parser.peek(UInt8(ascii: "]")) { parser.index += 1; return .array(items) }
            while true {
                items.append(try parser.value())
                parser.skipWhitespace()
                if parser.peek(UInt8(ascii: "]")) { parser.index += 1; return .array(items) }
                try parser.expect(UInt8(ascii: ","))
            }
        }
    }

    private mutating func string() throws(Malformed) -> String {
        index += 1
        var scalars = String.UnicodeScalarView()
        var start = index
        var raw: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                raw.append(contentsOf: bytes[start..<index])
                index += 1
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                return String(scalars)
            }
            if byte < 0x20 { throw Malformed(reason: "control character inside a JSON string") }
            if byte == UInt8(ascii: "\\") {
                raw.append(contentsOf: bytes[start..<index])
                scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars)
                raw.removeAll()
                scalars.append(try escape())
                start = index
                continue
            }
            index += 1
        }
        throw Malformed(reason: "unterminated JSON string")
    }

    private mutating func escape() throws(Malformed) -> Unicode.Scalar {
        index += 1
        guard index < bytes.count else { throw Malformed(reason: "unterminated escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let first = try hex4()
            if (0xD800...0xDBFF).contains(first) {
                guard peek(UInt8(ascii: "\\")), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw Malformed(reason: "unpaired surrogate in JSON string")
                }
                index += 2
                let second = try hex4()
                guard (0xDC00...0xDFFF).contains(second) else { throw Malformed(reason: "unpaired surrogate") }
                let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                return Unicode.Scalar(combined)!
            }
            guard let scalar = Unicode.Scalar(first) else { throw Malformed(reason: "unpaired surrogate") }
            return scalar
        default: throw Malformed(reason: "invalid escape in JSON string")
        }
    }

    private mutating func hex4() throws(Malformed) -> UInt32 {
        guard index + 4 <= bytes.count,
            let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw Malformed(reason: "invalid \\u escape") }
        index += 4
        return value
    }

    /// RFC 8259 `number`: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` — no `+1`, `01`, `.5` or `1.`.
    private mutating func number() throws(Malformed) -> String {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) { index += 1 } else { try digits() }
        if peek(UInt8(ascii: ".")) { index += 1; try digits() }
        if peek(UInt8(ascii: "e")) || peek(UInt8(ascii: "E")) {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            try digits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func digits() throws(Malformed) {
        let start = index
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
        guard index > start else { throw Malformed(reason: "invalid JSON value") }
    }

    private mutating func literal(_ word: String) throws(Malformed) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw Malformed(reason: "invalid JSON value")
        }
        index += expected.count
    }

    private mutating func expect(_ byte: UInt8) throws(Malformed) {
        guard peek(byte) else { throw Malformed(reason: "expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private mutating func skipWhitespace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }
}
