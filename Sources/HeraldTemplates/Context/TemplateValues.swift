import Foundation

/// The values one template sees: Mustache keys (snake_case) to strings, numbers, flags,
/// nested contexts and lists of them.
///
/// An absent optional is stored as `NSNull`, not left out: a missing key would make Mustache
/// look it up in the enclosing context (an item without `date` would show the digest's date).
typealias TemplateValues = [String: Any]

/// `value`, or a null that renders nothing and counts as false in `{{#key}}` sections.
/// Empty strings count as absent.
func nullable(_ value: String?) -> Any {
    guard let value, !value.isEmpty else { return NSNull() }
    return value
}

/// Table rows for a `{{#rows}}<tr>{{#cells}}<td>{{text}}</td>{{/cells}}</tr>{{/rows}}` template.
func tableRows(_ rows: [[String]]) -> [TemplateValues] {
    rows.map { ["cells": $0.map { ["text": $0] as TemplateValues }] as TemplateValues }
}

/// `value` when positive, else a null (swift-mustache treats `0` as true in sections).
func nullableCount(_ value: Int) -> Any {
    value > 0 ? value : NSNull()
}

extension String {
    /// The text with `& < > " '` replaced by HTML entities, as `{{value}}` renders it.
    var htmlEscaped: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// The text on one line: every run of line breaks (and the space around them) becomes one space.
    ///
    /// Used on rendered subjects so neither a template nor a value can inject a mail header.
    var singleLine: String {
        let parts = split(whereSeparator: { $0.isNewline })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        return parts.joined(separator: " ")
    }
}
