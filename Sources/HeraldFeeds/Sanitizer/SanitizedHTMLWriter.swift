import Foundation

/// Builds the sanitised output from tokens: applies ``HTMLPolicy``, escapes everything it
/// writes, and keeps a stack of open elements so that the result is balanced.
struct SanitizedHTMLWriter {
    private let urls: WebURL
    private var output = ""
    private var open: [String] = []
    private var dropped = DroppedContent()
    /// Deeper nesting than this is flattened (tags dropped, text kept).
    private let maximumDepth = 64

    init(baseURL: String?) {
        urls = WebURL(base: baseURL)
    }

    mutating func consume(_ token: HTMLToken) {
        guard dropped.admits(token) else { return }
        switch token {
        case .text(let text): output += HTMLEscaping.text(text)
        case .startTag(let name, let attributes, _): start(name, attributes)
        case .endTag(let name): end(name)
        }
    }

    mutating func finish() -> String {
        while let name = open.popLast() { output += "</\(name)>" }
        return output
    }

    private mutating func start(_ rawName: String, _ attributes: [HTMLAttribute]) {
        let name = HTMLPolicy.canonicalName(rawName)
        guard let allowedAttributes = HTMLPolicy.allowed[name], open.count < maximumDepth else { return }
        guard let kept = keptAttributes(of: name, attributes, allowed: allowedAttributes) else { return }
        closeImplied(by: name)
        output += "<\(name)"
        for attribute in kept { output += " \(attribute.name)=\"\(HTMLEscaping.attribute(attribute.value))\"" }
        output += ">"
        if !HTMLPolicy.void.contains(name) { open.append(name) }
    }

    private mutating func end(_ rawName: String) {
        let name = HTMLPolicy.canonicalName(rawName)
        if name == "br" {  // browsers read `</br>` as `<br>`
            output += "<br>"
            return
        }
        guard let index = open.lastIndex(of: name) else { return }
        close(downTo: index)
    }

    private mutating func close(downTo index: Int) {
        while open.count > index, let name = open.popLast() { output += "</\(name)>" }
    }

    /// Closes what HTML closes implicitly: a `p` before a block, an `li` before the next `li`,
    /// a link before another link.
    private mutating func closeImplied(by name: String) {
        if HTMLPolicy.closesParagraph.contains(name), let index = open.lastIndex(of: "p") {
            close(downTo: index)
        } else if name == "li", let index = open.lastIndex(of: "li"),
            !open[index...].contains(where: { $0 == "ul" || $0 == "ol" })
        {
            close(downTo: index)
        } else if name == "a", let index = open.lastIndex(of: "a") {
            close(downTo: index)
        }
    }

    /// The attributes to write for `name`, or nil when the element must be dropped (a link or
    /// image whose URL is unsafe).
    private func keptAttributes(
        of name: String, _ attributes: [HTMLAttribute], allowed: Set<String>
    ) -> [HTMLAttribute]? {
        var kept: [HTMLAttribute] = []
        for attribute in attributes where allowed.contains(attribute.name) {
            switch attribute.name {
            case "href", "src":
                guard let url = urls.resolve(attribute.value) else { continue }
                kept.append(HTMLAttribute(name: attribute.name, value: url))
            case "width", "height":
                let value = attribute.value.trimmingCharacters(in: .whitespaces)
                guard (1...4).contains(value.count), value.allSatisfy(\.isASCIIDigit) else { continue }
                kept.append(HTMLAttribute(name: attribute.name, value: value))
            default:
                kept.append(attribute)
            }
        }
        if name == "a", kept["href"] == nil { return nil }
        if name == "img", kept["src"] == nil { return nil }
        // An image the feed gave no text for is marked decorative, so screen readers skip it
        // instead of reading out its file name (WCAG 1.1.1).
        if name == "img", kept["alt"] == nil { kept.append(HTMLAttribute(name: "alt", value: "")) }
        return kept
    }
}
