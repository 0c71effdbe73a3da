import Foundation
import Mustache

/// Reads, parses and cross-checks every `.mustache` file under one folder.
enum TemplateLoader {
    /// The pragma put before every plain-text template so `{{x}}` is not HTML-escaped.
    ///
    /// swift-mustache starts every template and partial as HTML, so the loader adds this line
    /// itself instead of relying on each file to say it; a standalone tag line renders nothing.
    static let textPragma = "{{% CONTENT_TYPE: TEXT }}\n"

    /// One parsed file.
    struct Source {
        var name: String
        var path: String
        var text: String
        var template: MustacheTemplate
    }

    /// All templates in `directory`, checked for syntax, required names and partial references.
    static func load(directory: String) throws(TemplateError) -> MustacheLibrary {
        let root = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryMissing(root)
        }
        // Follow a symlinked folder (a common deployment layout); errors still name `root`.
        let resolved = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        let sources = try files(in: resolved).map { relative throws(TemplateError) in
            try parse(relative: relative, root: root, resolvedRoot: resolved)
        }
        var byName: [String: Source] = [:]
        for source in sources { byName[source.name] = source }
        for name in requiredTemplateNames where byName[name] == nil {
            throw .templateMissing(name, path: "\(root)/\(name).mustache")
        }
        for source in sources {
            try checkPartials(of: source, available: byName)
        }
        return MustacheLibrary(templates: byName.mapValues(\.template))
    }

    /// Relative paths of the `.mustache` files below `root`, sorted so errors are reproducible.
    private static func files(in root: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        for case let relative as String in enumerator where relative.hasSuffix(".mustache") {
            found.append(relative)
        }
        return found.sorted()
    }

    private static func parse(relative: String, root: String, resolvedRoot: String) throws(TemplateError) -> Source {
        let path = "\(root)/\(relative)"
        guard let data = FileManager.default.contents(atPath: "\(resolvedRoot)/\(relative)"),
            let text = String(data: data, encoding: .utf8)
        else {
            throw .unreadable(path)
        }
        let name = String(relative.dropLast(".mustache".count))
        let plain = isPlainTextTemplate(name)
        do {
            let template = try MustacheTemplate(string: plain ? textPragma + text : text)
            return Source(name: name, path: path, text: text, template: template)
        } catch let error as MustacheTemplate.ParserError {
            let context = error.context
            // The added pragma line shifts plain-text line numbers by one.
            let line = max(1, plain ? context.lineNumber - 1 : context.lineNumber)
            throw .syntax(
                path, line: line, column: context.columnNumber, reason: reason(error.error),
                text: context.line.trimmingCharacters(in: .whitespaces))
        } catch {
            throw .syntax(path, line: 1, column: 1, reason: "\(error)", text: "")
        }
    }

    /// Fails when `source` names a partial that does not exist, or a text template uses an HTML one.
    private static func checkPartials(of source: Source, available: [String: Source]) throws(TemplateError) {
        for partial in partialReferences(in: source.text) {
            guard available[partial] != nil else {
                throw .partialMissing(partial, in: source.path)
            }
            if isPlainTextTemplate(source.name), !isPlainTextTemplate(partial) {
                throw .htmlPartialInText(partial, in: source.path)
            }
        }
    }

    /// Names used in `{{> name}}` and `{{< name}}` tags (dynamic `*name` partials are skipped).
    static func partialReferences(in text: String) -> [String] {
        let pattern = #/\{\{\s*[<>]\s*([A-Za-z0-9._\/\-]+)\s*\}\}/#
        return text.matches(of: pattern).map { String($0.output.1) }
    }

    private static func reason(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "closing tag does not match the open section"
        case .unfinishedName: return "tag is not closed or its name has characters Mustache does not allow"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot be applied to an inheritance block"
        case .illegalTokenInsideInheritSection: return "only {{$block}} definitions may appear inside {{<parent}}"
        case .textInsideInheritSection: return "text found inside {{<parent}} outside a {{$block}}"
        case .invalidConfigVariableSyntax: return "invalid pragma, expected {{% NAME: VALUE }}"
        case .unrecognisedConfigVariable: return "unknown pragma or content type"
        }
    }
}
