/// Reduces untrusted HTML from feeds to a small, safe subset fit for a digest mail.
///
/// Kept: `p br a[href] strong b em i ul ol li blockquote h2 h3 h4 img[src alt width height]
/// figure figcaption code pre` (`h1` becomes `h2`, `h5`/`h6` become `h4`). Removed with their
/// content: `script style iframe object embed form svg math` and similar active or embedded
/// content. Every other element is removed but its text kept. Event handlers, `style` and all
/// other attributes are dropped; `href`/`src` must be `http`/`https` after resolving against
/// the base URL (``WebURL``). The output is balanced: every element opened is closed.
public enum HTMLSanitizer {
    /// `html` reduced to the safe subset, relative URLs resolved against `baseURL`.
    public static func sanitize(_ html: String, baseURL: String?) -> String {
        var writer = SanitizedHTMLWriter(baseURL: baseURL)
        for token in HTMLTokenizer(html) { writer.consume(token) }
        return writer.finish()
    }

    /// `html` rendered as readable plain text: block elements become line breaks (paragraphs are
    /// separated by a blank line, list items start with "- " or "1. "), links read "text (url)",
    /// character references are decoded and runs of whitespace collapsed.
    public static func plainText(_ html: String) -> String {
        var renderer = PlainTextRenderer()
        for token in HTMLTokenizer(html) { renderer.consume(token) }
        return renderer.finish()
    }
}
