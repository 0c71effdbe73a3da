import HeraldLocalization
import Mustache

/// The `t` value every template sees: `{{#t}}signup.title{{/t}}` writes the message of that key
/// in the page's language; `{{#t}}mail.expiry expiry_hours{{/t}}` picks the plural form for the
/// number `expiry_hours` (a top-level value, dots allowed).
///
/// A message's `{name}` placeholders become Mustache variables resolved where the section
/// stands (`{newsletter.title}`, `{suggestion}`), escaped as the template escapes. In HTML
/// templates the message's own text is HTML-escaped (but for `'`) except `<strong>`, `</strong>`, `<em>`,
/// `</em>`; in plain-text templates those tags are dropped. A key no catalog has is written as
/// itself, so it shows (the consistency test keeps that from shipping).
enum MessageLambda {
    /// The tags a message may carry into HTML.
    static let allowedTags = ["<strong>", "</strong>", "<em>", "</em>"]

    static func make(_ messages: LocalizedMessages, values: TemplateValues, html: Bool) -> MustacheLambda {
        MustacheLambda { body in template(body, messages: messages, values: values, html: html) }
    }

    /// The Mustache text (with its own delimiters U+0001/U+0002) for the section body `body`.
    static func template(_ body: String, messages: LocalizedMessages, values: TemplateValues, html: Bool) -> String {
        let words = body.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        guard let key = words.first else { return "" }
        let count = words.count > 1 ? operands(words[1], in: values) : nil
        let message = (count.flatMap { messages.text(key, count: $0) } ?? messages.text(key)) ?? key
        return memo.template(for: message, html: html, build: build)
    }

    /// The built texts, shared by every render: they depend only on the message and `html`.
    static let memo = MessageTemplateMemo(capacity: 4096)

    /// The Mustache text for one message: its text escaped (or plain), its placeholders as variables.
    static func build(_ message: String, html: Bool) -> String {
        var template = "{{=\u{1} \u{2}=}}"
        for piece in MessagePlaceholders.pieces(message) {
            switch piece {
            case .text(let text):
                let clean = text.filter { $0 != "\u{1}" && $0 != "\u{2}" }
                template += html ? markup(clean) : plain(clean)
            case .placeholder(let name):
                template += "\u{1}\(name)\u{2}"
            }
        }
        return template
    }

    /// `& < > "` escaped (templates quote every attribute with `"`, so `'` stays as written).
    private static func markup(_ text: String) -> String {
        var escaped = text.htmlEscaped.replacing("&#39;", with: "'")
        for tag in allowedTags { escaped = escaped.replacing(tag.htmlEscaped, with: tag) }
        return escaped
    }

    private static func plain(_ text: String) -> String {
        var plain = text
        for tag in allowedTags { plain = plain.replacing(tag, with: "") }
        return plain
    }

    /// The number at dotted path `path` of `values`.
    private static func operands(_ path: String, in values: TemplateValues) -> PluralOperands? {
        var current: Any? = values
        for part in path.split(separator: ".") {
            current = (current as? TemplateValues)?[String(part)]
        }
        switch current {
        case let number as Int: return PluralOperands(number)
        case let text as String: return PluralOperands(text)
        default: return nil
        }
    }
}
