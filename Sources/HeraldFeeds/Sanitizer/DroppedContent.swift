/// Tracks elements that are removed together with their content (``HTMLPolicy/dropsContent``),
/// so consumers of tokens can ignore everything inside them, nested copies included.
struct DroppedContent {
    /// The element being dropped and how many copies of it are open.
    private var skipping: (name: String, depth: Int)?

    /// Whether `token` should be processed: false inside dropped content and for the tags that
    /// open and close it. A self-closing `<svg/>` drops nothing more; raw-text elements such as
    /// `<script/>` still swallow their content, as in browsers.
    mutating func admits(_ token: HTMLToken) -> Bool {
        if let skip = skipping {
            switch token {
            case .startTag(let name, _, let selfClosing) where name == skip.name && !selfClosing:
                skipping = (name, skip.depth + 1)
            case .endTag(let name) where name == skip.name:
                skipping = skip.depth > 1 ? (name, skip.depth - 1) : nil
            default: break
            }
            return false
        }
        guard case .startTag(let name, _, let selfClosing) = token, HTMLPolicy.dropsContent.contains(name) else {
            return true
        }
        if !selfClosing || HTMLTokenizer.rawTextElements.contains(name) { skipping = (name, 1) }
        return false
    }
}
