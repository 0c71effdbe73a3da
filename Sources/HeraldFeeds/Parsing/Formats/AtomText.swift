/// Atom text constructs and content (`type="text"`, `"html"`, `"xhtml"` or a MIME type).
enum AtomText {
    /// Content as the reader should treat it.
    enum Body {
        case html(String)
        case text(String)
    }

    /// The element's content, or nil when it is empty or of a type that is not text.
    static func content(_ element: FeedXMLElement) -> Body? {
        switch (element.attributes["type"] ?? "text").lowercased() {
        case "html", "text/html":
            return element.trimmedText.map(Body.html)
        case "xhtml", "application/xhtml+xml":
            let html = XHTMLSerializer.innerHTML(of: element.child("div", XMLNamespace.xhtml) ?? element)
            return html.trimmingHTMLWhitespace.isEmpty ? nil : .html(html)
        case let type where type == "text" || type.hasPrefix("text/"):
            return element.trimmedText.map(Body.text)
        default:
            return nil
        }
    }

    /// The element as one line of plain text.
    static func plain(_ element: FeedXMLElement) -> String {
        switch content(element) {
        case .html(let html)?: FeedText.fromHTML(html)
        case .text(let text)?: FeedText.collapsed(text)
        case nil: ""
        }
    }
}
