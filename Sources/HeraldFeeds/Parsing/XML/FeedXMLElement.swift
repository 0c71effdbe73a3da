/// An element of a parsed XML feed document: a small read-only tree, enough for RSS and Atom.
struct FeedXMLElement {
    /// Local name (without prefix).
    var name: String
    /// Namespace URI, "" for none; known namespaces are canonicalised (see ``XMLNamespace``).
    var namespace: String
    /// Attributes by qualified name as written (`href`, `xml:base`, `rdf:about`).
    var attributes: [String: String]
    /// The base URL set by `xml:base` on this element or its nearest ancestor that has one,
    /// resolved; nil when none does (then the document's URL applies).
    var base: String?
    /// Text and child elements in document order.
    var children: [Content] = []

    /// A piece of element content.
    enum Content {
        case text(String)
        case element(FeedXMLElement)
    }

    /// The first child element with this local name and namespace.
    func child(_ name: String, _ namespace: String = "") -> FeedXMLElement? {
        for case .element(let element) in children where element.name == name && element.namespace == namespace {
            return element
        }
        return nil
    }

    /// All child elements with this local name and namespace.
    func children(_ name: String, _ namespace: String = "") -> [FeedXMLElement] {
        children.compactMap { content in
            guard case .element(let element) = content, element.name == name, element.namespace == namespace else {
                return nil
            }
            return element
        }
    }

    /// All child elements.
    var elements: [FeedXMLElement] {
        children.compactMap { content in
            guard case .element(let element) = content else { return nil }
            return element
        }
    }

    /// The concatenated text of this element and its descendants.
    var text: String {
        var result = ""
        appendText(to: &result)
        return result
    }

    private func appendText(to result: inout String) {
        for content in children {
            switch content {
            case .text(let text): result += text
            case .element(let element): element.appendText(to: &result)
            }
        }
    }

    /// `text`, trimmed; nil when empty.
    var trimmedText: String? {
        let value = text.trimmingHTMLWhitespace
        return value.isEmpty ? nil : value
    }
}
