/// Renders HTML tokens as plain text for the text part of a mail (see ``HTMLSanitizer/plainText(_:)``).
struct PlainTextRenderer {
    private var text = PlainTextBuilder()
    private var dropped = DroppedContent()
    /// One entry per open list: nil for `ul`, the next number for `ol`.
    private var lists: [Int?] = []
    private var preDepth = 0
    /// The open link's URL (only `http`/`https`) and the text written inside it so far.
    private var link: (url: String?, text: String)?

    private static let paragraphs: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "aside", "nav", "main", "blockquote", "figure",
        "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "pre", "hr", "address",
        "details", "center",
    ]
    private static let lines: Set<String> = ["li", "dt", "dd", "tr", "summary", "caption"]

    /// A cheap check for display purposes: plain text cannot run a script, so the full checks
    /// of ``WebURL`` (which the sanitiser has applied already) are not needed here.
    private static func looksLikeWebURL(_ url: String) -> Bool {
        let lowered = url.prefix(8).lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }

    mutating func consume(_ token: HTMLToken) {
        guard dropped.admits(token) else { return }
        switch token {
        case .text(let content): write(content)
        case .startTag(let name, let attributes, _): start(name, attributes)
        case .endTag(let name): end(name)
        }
    }

    mutating func finish() -> String {
        if link != nil { end("a") }
        return text.finish()
    }

    private mutating func write(_ content: String) {
        text.append(content, preserveWhitespace: preDepth > 0)
        link?.text += content
    }

    private mutating func start(_ name: String, _ attributes: [HTMLAttribute]) {
        switch name {
        case "br": text.lineBreak()
        case "a":
            if link != nil { end("a") }
            link = (attributes["href"].flatMap { Self.looksLikeWebURL($0) ? $0 : nil }, "")
        case "ul", "ol":
            lists.isEmpty ? text.paragraphBreak() : text.blockLineBreak()
            lists.append(name == "ol" ? 1 : nil)
        case "li":
            text.blockLineBreak()
            if case .some(.some(let number)) = lists.last {
                lists[lists.count - 1] = number + 1
                text.appendMarker("\(number). ")
            } else {
                text.appendMarker("- ")
            }
        case "td", "th": text.append(" ", preserveWhitespace: false)
        default:
            if name == "pre" { preDepth += 1 }
            if Self.paragraphs.contains(name) {
                text.paragraphBreak()
            } else if Self.lines.contains(name) {
                text.blockLineBreak()
            }
        }
    }

    private mutating func end(_ name: String) {
        switch name {
        case "br": text.lineBreak()
        case "a":
            guard let open = link else { return }
            link = nil
            guard let url = open.url else { return }
            let label = open.text.trimmingHTMLWhitespace
            if label.isEmpty {
                text.append(url, preserveWhitespace: false)
            } else if label != url {
                text.append(" (\(url))", preserveWhitespace: false)
            }
        case "ul", "ol":
            if !lists.isEmpty { lists.removeLast() }
            lists.isEmpty ? text.paragraphBreak() : text.blockLineBreak()
        case "td", "th": text.append(" ", preserveWhitespace: false)
        default:
            if name == "pre" { preDepth = max(0, preDepth - 1) }
            if Self.paragraphs.contains(name) {
                text.paragraphBreak()
            } else if Self.lines.contains(name) {
                text.blockLineBreak()
            }
        }
    }
}
