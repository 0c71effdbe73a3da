/// One piece of an HTML document as ``HTMLTokenizer`` reads it. Comments, doctypes and
/// processing instructions produce no token.
enum HTMLToken: Equatable {
    /// Character data, with character references already decoded (raw for `script`/`style`).
    case text(String)
    /// `<name attr=value …>`; the name is lower-cased, attribute values are decoded, the first
    /// of repeated attributes wins.
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    /// `</name>`, name lower-cased.
    case endTag(name: String)
}
