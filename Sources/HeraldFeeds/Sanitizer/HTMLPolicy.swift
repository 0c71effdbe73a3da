/// Which elements and attributes survive sanitising, and which elements are dropped with
/// everything inside them.
enum HTMLPolicy {
    /// Elements kept (after ``canonicalName(_:)``), with the attributes each may keep.
    static let allowed: [String: Set<String>] = [
        "p": [], "br": [], "a": ["href"], "strong": [], "b": [], "em": [], "i": [], "ul": [], "ol": [], "li": [],
        "blockquote": [], "h2": [], "h3": [], "h4": [], "img": ["src", "alt", "width", "height"], "figure": [],
        "figcaption": [], "code": [], "pre": [],
    ]

    /// Elements without content or end tag.
    static let void: Set<String> = ["br", "img"]

    /// Elements removed together with their content: active content, embedded documents, forms,
    /// foreign markup, and raw text that is not meant to be read. (Void elements such as `embed`,
    /// `input` or `meta` have no content; not being allowed, they are simply dropped.)
    static let dropsContent: Set<String> = [
        "script", "style", "iframe", "object", "applet", "form", "svg", "math", "noscript", "template",
        "textarea", "select", "title", "head", "frameset", "noframes", "noembed", "xmp", "audio", "video",
        "canvas", "map",
    ]

    /// Elements whose start closes an open `p`, as in HTML.
    static let closesParagraph: Set<String> = [
        "p", "ul", "ol", "blockquote", "h2", "h3", "h4", "pre", "figure",
    ]

    /// The name an element is kept under: `h1` becomes `h2`, `h5`/`h6` become `h4`.
    static func canonicalName(_ name: String) -> String {
        switch name {
        case "h1": "h2"
        case "h5", "h6": "h4"
        default: name
        }
    }
}
