/// Plain-English explanations of the libxml2 error codes `XMLParser` reports on Linux (its
/// `NSError` codes are libxml2's `xmlParserErrors`).
enum XMLErrorText {
    static func describe(_ code: Int) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "the document ends too early, or has content after the root element"
        case 6, 7, 8: "invalid character reference (&#…;)"
        case 9: "a character that XML does not allow (a control character or invalid byte)"
        case 22, 23, 24, 25: "'&' is not the start of an entity; write it as &amp;"
        case 26, 27: "undefined entity (only &amp; &lt; &gt; &quot; &apos; exist in XML)"
        case 31, 32: "unknown or unsupported character encoding"
        case 33, 34: "a quoted string is not closed"
        case 38: "'<' inside an attribute value"
        case 39, 40, 41, 43, 44: "an attribute value must be quoted"
        case 42: "the same attribute appears twice on one element"
        case 45: "a comment is not closed"
        case 46, 47: "a processing instruction is not closed"
        case 56, 57: "malformed XML declaration"
        case 61: "malformed DOCTYPE"
        case 62: "']]>' outside a CDATA section"
        case 63: "a CDATA section is not closed"
        case 64: "a name starting with 'xml' is reserved"
        case 65: "a space is missing"
        case 68: "'<' not followed by a tag name; write it as &lt;"
        case 73: "'>' expected"
        case 74: "'</' expected"
        case 75: "'=' expected after an attribute name"
        case 76: "the closing tag does not match the opening tag"
        case 77: "a tag is not finished"
        case 201, 202, 203: "an undeclared namespace prefix"
        default: "libxml2 error \(code)"
        }
    }
}
