/// What is wrong with a record's CSV syntax (RFC 4180); the record is still delivered so the
/// caller can report it with its line number.
public enum CSVProblem: String, Sendable, Equatable {
    /// A `"` inside a field that did not start with one (`ab"c`).
    case quoteInUnquotedField = "quote_in_unquoted_field"
    /// Text after the closing quote of a quoted field (`"abc"x`).
    case textAfterClosingQuote = "text_after_closing_quote"
    /// A quoted field still open at the end of the file; the lines after the record's first line
    /// are parsed again as records of their own.
    case unterminatedQuote = "unterminated_quote"
    /// The record is longer than the parser's limit (an unclosed quote, or not a CSV file).
    case recordTooLong = "record_too_long"
    /// More fields than the parser's limit.
    case tooManyFields = "too_many_fields"

    /// A sentence for an operator.
    public var message: String {
        switch self {
        case .quoteInUnquotedField:
            "a double quote inside a field that is not quoted (quote the field and double the quote)"
        case .textAfterClosingQuote: "text after the closing double quote of a quoted field"
        case .unterminatedQuote: "a quoted field is never closed (an unbalanced double quote)"
        case .recordTooLong: "the record is too long (an unbalanced double quote, or not a CSV file)"
        case .tooManyFields: "too many fields"
        }
    }
}

/// One record: its fields' bytes (unquoted, `""` unescaped), the physical line it starts on, and
/// the first syntax problem found in it, if any.
///
/// The fields share one buffer; a record handed to a callback is valid only during the call
/// unless copied.
public struct CSVRecord: Sendable {
    /// 1-based number of the physical line the record starts on.
    public internal(set) var line: Int
    public internal(set) var problem: CSVProblem?
    var bytes: [UInt8] = []
    var ends: [Int] = []

    init(line: Int) { self.line = line }

    /// Number of fields.
    public var count: Int { ends.count }

    /// The bytes of field `index`.
    public subscript(index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Field `index` as text; nil when it is not valid UTF-8.
    public func text(_ index: Int) -> String? {
        let range = (index == 0 ? 0 : ends[index - 1])..<ends[index]
        return bytes.withUnsafeBufferPointer {
            String(validating: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self)
        }
    }
}
