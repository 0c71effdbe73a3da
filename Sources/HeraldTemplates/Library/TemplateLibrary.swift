import Mustache

/// Every page and mail template, loaded and checked once at start-up, with one typed method
/// per page and per mail.
///
/// Templates live in one folder (see `templates/README.md` in the repository):
/// - `layout`, `partials/*` and `pages/<page>` render HTML pages;
/// - `mail/<mail>.subject`, `mail/<mail>.txt` and `mail/<mail>.html` render each mail.
///
/// `{{value}}` is HTML-escaped in HTML templates and left as is in plain-text templates,
/// which are those whose name ends in `.txt` or `.subject`. `{{{value}}}` is never escaped and is
/// used only for HTML the caller vouches for (digest summaries).
///
/// Rendering never fails: the library is only created when every template it renders exists,
/// parses and finds its partials.
public struct TemplateLibrary: Sendable {
    /// The folder the templates were loaded from.
    public let directory: String
    let mustache: MustacheLibrary

    /// Loads every `*.mustache` file under `directory`.
    ///
    /// - Throws: ``TemplateError`` naming the file when the folder is missing, a template the
    ///   library renders has no file, a file is not valid Mustache, a partial it uses does not
    ///   exist, or a plain-text template includes an HTML partial.
    public init(directory: String = "templates") throws(TemplateError) {
        self.directory = directory
        self.mustache = try TemplateLoader.load(directory: directory)
    }

    /// `name` rendered with `values`; `name` is one of the templates checked at start-up.
    func render(_ name: String, _ values: TemplateValues) -> String {
        guard let output = mustache.render(values, withTemplate: name) else {
            preconditionFailure("template '\(name)' was checked at start-up but is missing")
        }
        return output
    }

    /// The three parts of `mail` rendered with `values`; the subject is put on one line.
    func renderMail(_ mail: MailTemplate, _ values: TemplateValues) -> RenderedMail {
        RenderedMail(
            subject: render(mail.subject, values).singleLine,
            text: render(mail.text, values),
            html: render(mail.html, values))
    }
}
