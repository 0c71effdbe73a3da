import HeraldDefaults
import HeraldLocalization
import Mustache

/// Every page and mail template, loaded and checked once at start-up, with one typed method
/// per page and per mail.
///
/// The templates are built into the binary from the repository's `templates/` folder (see its
/// `README.md`); an optional overrides folder replaces any of them by relative path:
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
    /// The overrides folder (or, for ``init(directory:)``, the whole folder); `nil` when every
    /// template is the built-in one.
    public let directory: String?
    /// Relative paths (e.g. `pages/index.mustache`) taken from ``directory`` instead of the binary.
    public let overridden: [String]
    let mustache: MustacheLibrary
    private let assets: [String: [UInt8]]
    /// The message catalogs templates read through `{{#t}}key{{/t}}`: the shipped `locales/*.po`
    /// with the overrides folder's `locales/*.po` laid over them.
    public let catalogs: MessageCatalogs
    /// Confirmation mails rendered once per newsletter, language and expiry.
    let confirmationShapes = MailShapeMemo<ConfirmationMail>(capacity: 256)

    /// The built-in templates, with every file of the folder `overrides` (when given) replacing
    /// the built-in one of the same relative path.
    ///
    /// - Throws: ``TemplateError`` naming the file when the folder is missing, an override is
    ///   not valid Mustache (with its line), a partial it uses does not exist, or a plain-text
    ///   template includes an HTML partial.
    public init(overrides: String?) throws(TemplateError) {
        let folder = try overrides.map { path throws(TemplateError) in try TemplateFolder.read(path) }
        self.directory = folder?.root
        self.overridden = folder?.paths ?? []
        self.mustache = try TemplateLoader.load(overrides: folder)
        var assets = BuiltInFiles.templates.filter { !$0.key.hasSuffix(".mustache") }
        for (relative, bytes) in folder?.assets ?? [:] { assets[relative] = bytes }
        self.assets = assets
        self.catalogs = try Self.catalogs(overrides: folder)
    }

    /// Loads every file under `directory` alone, without the built-in set (every template the
    /// library renders must be there).
    ///
    /// - Throws: ``TemplateError`` as ``init(overrides:)``, and when a template the library
    ///   renders has no file.
    public init(directory: String) throws(TemplateError) {
        let folder = try TemplateFolder.read(directory)
        self.directory = folder.root
        self.overridden = folder.paths
        self.mustache = try TemplateLoader.load(folder: folder)
        self.assets = folder.assets
        self.catalogs = try Self.catalogs(overrides: folder)
    }

    private static func catalogs(overrides folder: TemplateFolder?) throws(TemplateError) -> MessageCatalogs {
        do {
            return try MessageCatalogs(
                shipped: BuiltInFiles.templates, overrides: folder?.assets ?? [:], overrideRoot: folder?.root ?? "")
        } catch {
            throw .catalog(error)
        }
    }

    /// A file that is not a template (e.g. `assets/challenge.js`): the override when there is
    /// one, else the built-in file; `nil` when neither exists.
    public func asset(_ relativePath: String) -> [UInt8]? {
        assets[relativePath]
    }

    /// `name` rendered with `values`; `name` is one of the templates checked at start-up.
    /// `values` gain `t` (the messages of their `language`), `dir` (`ltr` or `rtl`) and, where
    /// they carry `content_language`, the ``FragmentLanguage`` keys.
    func render(_ name: String, _ values: TemplateValues) -> String {
        let language = values["language"] as? String ?? MessageCatalogs.fallbackLanguage
        let messages = catalogs.messages(for: language)
        var values = FragmentLanguage.mark(values, language: language, direction: messages.direction)
        values["t"] = MessageLambda.make(messages, values: values, html: !isPlainTextTemplate(name))
        values["dir"] = messages.direction
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
            html: render(mail.html, values), language: values["language"] as? String)
    }
}
