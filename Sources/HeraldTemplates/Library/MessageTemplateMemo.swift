import HeraldCore

/// The catalog lambda's memo of the Mustache text `MessageLambda` builds for one message: one
/// ``UTF8KeyedMemo`` for HTML templates and one for plain-text templates.
///
/// That text is a pure function of the message and of whether the template is HTML, and a page or
/// a mail asks for the same few messages again and again: building it (escaping, placeholder
/// splitting, tag filtering) was about a quarter of rendering one personalised mail (BENCHMARKS.md,
/// issue #21). Each memo holds at most `capacity` messages whatever catalogs an operator ships.
struct MessageTemplateMemo: Sendable {
    private let html: UTF8KeyedMemo<String>
    private let plain: UTF8KeyedMemo<String>

    /// A memo of at most `capacity` messages per kind of template.
    init(capacity: Int) {
        html = UTF8KeyedMemo(capacity: capacity)
        plain = UTF8KeyedMemo(capacity: capacity)
    }

    /// How many texts are held now, both kinds together.
    var count: Int { html.count + plain.count }

    /// The memoized text for `message`, building and storing it with `build` on a miss.
    func template(for message: String, html isHTML: Bool, build: (String, Bool) -> String) -> String {
        (isHTML ? html : plain).value(for: message) { build($0, isHTML) }
    }
}
