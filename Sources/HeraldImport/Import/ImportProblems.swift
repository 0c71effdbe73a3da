import HeraldCore

/// Why one data row of an import file was not imported.
public enum ImportRowProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case syntax(CSVProblem)
    case fieldCount(expected: Int, found: Int)
    case invalidUTF8(column: String)
    case email(EmailValidationError.Code)
    case nameTooLong(Int)
    case controlCharacters(column: String)
    case valueTooLong(column: String, limit: Int)
    case unknownNewsletter(String)
    case unknownStatus(String)
    /// A `language` the row's newsletter does not offer; `offered` lists what it does.
    case unknownLanguage(String, offered: [String])
    case badDate(column: String)

    /// A stable snake_case code, one per kind.
    public var code: String {
        switch self {
        case .syntax(let problem): "csv_\(problem.rawValue)"
        case .fieldCount: "field_count"
        case .invalidUTF8: "invalid_utf8"
        case .email(let code): "email_\(code.rawValue)"
        case .nameTooLong: "name_too_long"
        case .controlCharacters: "control_characters"
        case .valueTooLong: "value_too_long"
        case .unknownNewsletter: "unknown_newsletter"
        case .unknownStatus: "unknown_status"
        case .unknownLanguage: "unknown_language"
        case .badDate: "bad_date"
        }
    }

    public var description: String {
        switch self {
        case .syntax(let problem): "\(code): \(problem.message)"
        case .fieldCount(let expected, let found): "\(code): \(found) fields, the header has \(expected)"
        case .invalidUTF8(let column): "\(code): \(column) is not valid UTF-8 (save the file as UTF-8)"
        case .email(let code): "\(self.code): \(EmailValidationError(code).message)"
        case .nameTooLong(let limit): "\(code): name is longer than \(limit) characters"
        case .controlCharacters(let column): "\(code): \(column) contains control characters"
        case .valueTooLong(let column, let limit): "\(code): \(column) is longer than \(limit) characters"
        case .unknownNewsletter(let slug): "\(code): no configured newsletter has the slug \(Self.quoted(slug))"
        case .unknownStatus(let status):
            "\(code): status \(Self.quoted(status)) is not confirmed, pending or unsubscribed"
        case .unknownLanguage(let language, let offered):
            "\(code): language \(Self.quoted(language)) is not offered (use one of \(offered.joined(separator: ", ")) "
                + "or leave it empty for the newsletter's)"
        case .badDate(let column): "\(code): \(column) is not a date like 2026-11-25 or 2026-11-25T07:30:00Z"
        }
    }

    /// `text`, cut short and with control characters (C0, DEL and C1) shown as `?`, for an error line.
    static func quoted(_ text: String) -> String {
        let short = text.count > 40 ? String(text.prefix(40)) + "…" : text
        let shown = short.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : String($0) }
        return "\"" + shown.joined() + "\""
    }
}

/// One rejected row: where and why.
public struct ImportRowError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The physical line the record starts on.
    public var line: Int
    public var problem: ImportRowProblem

    public var description: String { "line \(line): \(problem)" }
}

/// Why a file cannot be imported at all.
public enum ImportFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case empty
    case badHeader(String)

    public var description: String {
        switch self {
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .empty: "the file has no header line (expected at least an email column)"
        case .badHeader(let reason): "header line: \(reason)"
        }
    }
}
