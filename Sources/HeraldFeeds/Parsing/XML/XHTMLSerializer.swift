/// Writes the children of an inline XHTML element (Atom `type="xhtml"`) back out as HTML text,
/// for the sanitiser to read. Prefixes are dropped; text and attribute values are escaped.
enum XHTMLSerializer {
    static func innerHTML(of element: FeedXMLElement) -> String {
        var output = ""
        write(element.children, to: &output)
        return output
    }

    /// HTML elements that take no end tag (in XHTML they are written `<br/>`).
    private static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ]

    private static func write(_ children: [FeedXMLElement.Content], to output: inout String) {
        for child in children {
            switch child {
            case .text(let text):
                output += HTMLEscaping.text(text)
            case .element(let element):
                output += "<\(element.name)"
                for (name, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
                    output += " \(name)=\"\(HTMLEscaping.attribute(value))\""
                }
                output += ">"
                guard !voidElements.contains(element.name) else { continue }
                write(element.children, to: &output)
                output += "</\(element.name)>"
            }
        }
    }
}
