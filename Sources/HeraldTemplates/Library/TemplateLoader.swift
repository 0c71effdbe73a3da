import Foundation
import HeraldDefaults
import Mustache

/// Parses and cross-checks the `.mustache` files of the built-in set, an override folder or one whole folder.
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

    /// All templates in `folder` alone (no built-in ones), checked for syntax, required names
    /// and partial references.
    static func load(folder: TemplateFolder) throws(TemplateError) -> MustacheLibrary {
        try compile(folder.texts, missingIn: folder.root + "/")
    }

    /// The built-in templates with every file of `overrides` (when given) replacing the built-in
    /// one of the same relative path, or adding to them.
    static func load(overrides: TemplateFolder?) throws(TemplateError) -> MustacheLibrary {
        var texts = try builtInTexts()
        for (relative, file) in overrides?.texts ?? [:] { texts[relative] = file }
        return try compile(texts, missingIn: overrides.map { $0.root + "/" } ?? "")
    }

    /// The embedded `.mustache` files keyed by relative path, named `(built-in) PATH` in errors.
    static func builtInTexts() throws(TemplateError) -> [String: TemplateFolder.Text] {
        var texts: [String: TemplateFolder.Text] = [:]
        for (relative, bytes) in BuiltInFiles.templates where relative.hasSuffix(".mustache") {
            let path = "(built-in) \(relative)"
            guard let text = String(validating: bytes, as: UTF8.self) else { throw .unreadable(path) }
            texts[relative] = .init(path: path, text: text)
        }
        return texts
    }

    /// Parses every text (keyed by relative path) and checks required names and partials.
    private static func compile(
        _ texts: [String: TemplateFolder.Text], missingIn prefix: String
    ) throws(TemplateError) -> MustacheLibrary {
        let sources = try texts.sorted { $0.key < $1.key }.map { entry throws(TemplateError) in
            try parse(relative: entry.key, file: entry.value)
        }
        var byName: [String: Source] = [:]
        for source in sources { byName[source.name] = source }
        for name in requiredTemplateNames where byName[name] == nil {
            throw .templateMissing(name, path: "\(prefix)\(name).mustache")
        }
        for source in sources {
            try checkPartials(of: source, available: byName)
        }
        return MustacheLibrary(templates: byName.mapValues(\.template))
    }

    private static func parse(relative: String, file: TemplateFolder.Text) throws(TemplateError) -> Source {
        let (path, text) = (file.path, file.text)
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
        for partial in PartialTags.names(in: source.text) {
            guard available[partial] != nil else {
                throw .partialMissing(partial, in: source.path)
            }
            if isPlainTextTemplate(source.name), !isPlainTextTemplate(partial) {
                throw .htmlPartialInText(partial, in: source.path)
            }
        }
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
