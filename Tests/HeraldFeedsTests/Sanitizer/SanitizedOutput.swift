import Foundation

/// A strict reading of sanitiser output, independent of the sanitiser's own tokenizer: the
/// output must be text without `<`/`>` and tags of exactly the form `<name attr="value">` or
/// `</name>`, balanced.
struct SanitizedOutput {
    struct Tag {
        var name: String
        var closing: Bool
        var attributes: [(name: String, value: String)]
    }

    let tags: [Tag]
    /// Why the output is not of the expected shape, if it is not.
    let problem: String?

    init(_ html: String) {
        let tagPattern = try! NSRegularExpression(pattern: #"<(/?)([a-z0-9]+)((?: [a-z]+="[^"<>]*")*)>"#)
        let attributePattern = try! NSRegularExpression(pattern: #" ([a-z]+)="([^"<>]*)""#)
        let text = html as NSString
        var tags: [Tag] = []
        var problem: String?
        var cursor = 0
        var open: [String] = []
        for match in tagPattern.matches(in: html, range: NSRange(location: 0, length: text.length)) {
            let between = text.substring(with: NSRange(location: cursor, length: match.range.location - cursor))
            if between.contains("<") || between.contains(">") {
                problem = "stray angle bracket in \(between.debugDescription)"
            }
            cursor = match.range.location + match.range.length
            let closing = match.range(at: 1).length > 0
            let name = text.substring(with: match.range(at: 2))
            let rawAttributes = text.substring(with: match.range(at: 3))
            let attributes = attributePattern.matches(
                in: rawAttributes, range: NSRange(location: 0, length: (rawAttributes as NSString).length)
            ).map {
                (
                    (rawAttributes as NSString).substring(with: $0.range(at: 1)),
                    (rawAttributes as NSString).substring(with: $0.range(at: 2))
                )
            }
            tags.append(Tag(name: name, closing: closing, attributes: attributes))
            if closing {
                if open.popLast() != name { problem = "unbalanced </\(name)>" }
            } else if name != "br", name != "img" {
                open.append(name)
            }
        }
        let rest = text.substring(from: cursor)
        if rest.contains("<") || rest.contains(">") { problem = "stray angle bracket in \(rest.debugDescription)" }
        if !open.isEmpty { problem = "unclosed \(open)" }
        self.tags = tags
        self.problem = problem
    }
}
