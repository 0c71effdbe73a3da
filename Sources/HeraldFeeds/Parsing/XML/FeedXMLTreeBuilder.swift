import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Receives `XMLParser` events and builds a ``FeedXMLElement`` tree, stopping early when the
/// root is not a feed or the document has too many items or is nested too deeply.
final class FeedXMLTreeBuilder: NSObject, XMLParserDelegate {
    /// Why the builder stopped the parser, when it did.
    enum Stop {
        case notAFeed(root: String)
        case tooManyItems
        case tooDeep
    }

    private var stack: [FeedXMLElement] = []
    private var pendingText = ""
    private var itemCount = 0
    private let maximumItems: Int
    private let maximumDepth = 200
    private let documentBase: String?

    private(set) var root: FeedXMLElement?
    private(set) var stop: Stop?
    /// The first error libxml2 reported, with the line it was on.
    private(set) var firstError: (code: Int, line: Int)?
    /// Where the parser was when the first error occurred (innermost element last).
    private(set) var errorPath: [String] = []

    init(baseURL: String?, maximumItems: Int) {
        self.documentBase = baseURL
        self.maximumItems = maximumItems
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let namespace = XMLNamespace.canonical(namespaceURI ?? "")
        if stack.isEmpty, root == nil, !FeedFormat.isFeedRoot(elementName, namespace) {
            return halt(parser, .notAFeed(root: qualifiedName ?? elementName))
        }
        if elementName == "item" || (elementName == "entry" && namespace == XMLNamespace.atom) {
            itemCount += 1
            if itemCount > maximumItems { return halt(parser, .tooManyItems) }
        }
        guard stack.count < maximumDepth else { return halt(parser, .tooDeep) }
        flushText()
        let parentBase = stack.last?.base
        let base =
            attributes["xml:base"].flatMap { WebURL.resolve($0, against: parentBase ?? documentBase) } ?? parentBase
        stack.append(FeedXMLElement(name: elementName, namespace: namespace, attributes: attributes, base: base))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        flushText()
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].children.append(.element(element))
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        pendingText += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        pendingText += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil  // never load anything from outside the document
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        guard firstError == nil, stop == nil else { return }
        firstError = ((parseError as NSError).code, parser.lineNumber)
        errorPath = stack.map(\.name)
    }

    private func halt(_ parser: XMLParser, _ reason: Stop) {
        stop = reason
        parser.abortParsing()
    }

    private func flushText() {
        guard !pendingText.isEmpty else { return }
        if !stack.isEmpty { stack[stack.count - 1].children.append(.text(pendingText)) }
        pendingText = ""
    }
}
