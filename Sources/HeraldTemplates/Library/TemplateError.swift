import HeraldLocalization

/// Why a ``TemplateLibrary`` could not start: every case names the file or folder to fix.
///
/// Compare with `==` in tests; read ``description`` for the message an operator sees.
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    private enum Kind: Equatable, Sendable {
        case directoryMissing
        case templateMissing(name: String)
        case unreadable
        case syntax(line: Int, column: Int, reason: String, text: String)
        case partialMissing(partial: String)
        case htmlPartialInText(partial: String)
        case catalog(line: Int, reason: String)
    }

    private let kind: Kind
    /// The template file (or, for a missing folder, the folder) the problem is in.
    public let path: String

    private init(_ kind: Kind, path: String) {
        self.kind = kind
        self.path = path
    }

    /// The template folder does not exist or is not a folder.
    public static func directoryMissing(_ path: String) -> TemplateError {
        .init(.directoryMissing, path: path)
    }

    /// A template the library renders (`name`, e.g. `pages/thank_you`) has no file at `path`.
    public static func templateMissing(_ name: String, path: String) -> TemplateError {
        .init(.templateMissing(name: name), path: path)
    }

    /// The file exists but could not be read as text.
    public static func unreadable(_ path: String) -> TemplateError {
        .init(.unreadable, path: path)
    }

    /// The file is not valid Mustache: `line` and `column` are 1-based, `text` is the offending line.
    public static func syntax(_ path: String, line: Int, column: Int, reason: String, text: String) -> TemplateError {
        .init(.syntax(line: line, column: column, reason: reason, text: text), path: path)
    }

    /// The file includes or extends a partial (`{{> name}}`, `{{< name}}`) that no file provides.
    public static func partialMissing(_ partial: String, in path: String) -> TemplateError {
        .init(.partialMissing(partial: partial), path: path)
    }

    /// A plain-text template includes an HTML partial, whose values would be HTML-escaped.
    public static func htmlPartialInText(_ partial: String, in path: String) -> TemplateError {
        .init(.htmlPartialInText(partial: partial), path: path)
    }

    /// A message catalog (`locales/*.po`) or the plural rules are malformed.
    public static func catalog(_ error: CatalogError) -> TemplateError {
        .init(.catalog(line: error.line, reason: error.reason), path: error.file)
    }

    public var description: String {
        switch kind {
        case .directoryMissing:
            "templates: folder \(path) does not exist (set the templates directory in the configuration)"
        case .templateMissing(let name):
            "templates: template '\(name)' is missing: expected file \(path)"
        case .unreadable:
            "templates: cannot read \(path) as UTF-8 text"
        case .syntax(let line, let column, let reason, let text):
            "templates: syntax error in \(path) at line \(line), column \(column): \(reason)\n    \(text)"
        case .partialMissing(let partial):
            "templates: \(path) uses partial '\(partial)', but there is no file \(partial).mustache"
        case .htmlPartialInText(let partial):
            "templates: plain-text template \(path) includes HTML partial '\(partial)'; "
                + "text templates may only include partials whose name ends in .txt or .subject"
        case .catalog(let line, let reason):
            CatalogError(file: path, line: line, reason: reason).description
        }
    }
}
