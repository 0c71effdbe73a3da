import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses the bytes of an XML feed into a ``FeedXMLElement`` tree with `XMLParser` (libxml2),
/// namespaces on and external entities off.
enum FeedXMLDocument {
    /// The root element. Throws ``FeedError`` for invalid UTF-8, malformed XML, a root that is
    /// not RSS or Atom, or more than `maximumItems` items.
    static func parse(_ bytes: [UInt8], baseURL: String?, maximumItems: Int) throws(FeedError) -> FeedXMLElement {
        var bytes = bytes
        if XMLPrologue.isASCIICompatible(bytes) {
            if let encoding = XMLPrologue.declaredEncoding(bytes) {
                if !XMLPrologue.declaresUTF8(bytes) {
                    bytes = try XMLTranscoder.utf8(from: bytes, encoding: encoding)
                } else if XMLPrologue.isWide(encoding) {
                    bytes = XMLTranscoder.relabelledUTF8(bytes)
                }
            }
            if let offset = UTF8Check.firstInvalidByte(in: bytes) {
                throw FeedError(
                    .invalidDocument,
                    "invalid UTF-8 at line \(UTF8Check.line(of: offset, in: bytes)) (byte offset \(offset)); "
                        + "the document declares no other encoding")
            }
            bytes = try XMLParserHazards.repairingUTF8(bytes)
            bytes = XMLEntityRepair.replacingHTMLEntities(in: bytes)
        } else if UTF16Check.isValidDocument(bytes), let units = UTF16Check.codeUnits(bytes) {
            try XMLParserHazards.checkUTF16(units)
        } else {
            throw FeedError(
                .invalidDocument, "the document is neither UTF-8 nor well-formed UTF-16 (it has NUL bytes at its start)"
            )
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = FeedXMLTreeBuilder(baseURL: baseURL, maximumItems: maximumItems)
        parser.delegate = builder
        _ = parser.parse()  // on Linux it may return true despite an error; the builder records errors
        return try result(of: builder, parser)
    }

    private static func result(of builder: FeedXMLTreeBuilder, _ parser: XMLParser) throws(FeedError) -> FeedXMLElement
    {
        switch builder.stop {
        case .notAFeed(let root)?:
            let hint =
                root.lowercased() == "html" ? " (this looks like a web page; point Herald at the feed's own URL)" : ""
            throw FeedError(.notAFeed, "neither RSS, Atom nor JSON Feed: the root element is <\(root)>\(hint)")
        case .tooManyItems?:
            throw FeedError(.tooLarge, "more than \(FeedParser.maximumItems) items; refusing to read the feed")
        case .tooDeep?:
            throw FeedError(.invalidDocument, "elements nested too deeply (over 200 levels)")
        case nil:
            break
        }
        let error = builder.firstError ?? parser.parserError.map { (($0 as NSError).code, parser.lineNumber) }
        if let (code, line) = error {
            let path = builder.errorPath.suffix(3).map { "<\($0)>" }.joined()
            let context = path.isEmpty ? "" : " (inside \(path))"
            throw FeedError(
                .invalidDocument, "not well-formed XML at line \(line): \(XMLErrorText.describe(code))\(context)")
        }
        guard let root = builder.root else {
            throw FeedError(.invalidDocument, "not well-formed XML: the document has no root element")
        }
        return root
    }
}
