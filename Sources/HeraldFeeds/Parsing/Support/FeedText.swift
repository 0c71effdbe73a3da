import Foundation

/// Small text conversions shared by the readers.
enum FeedText {
    /// Whitespace runs (including line breaks and no-break spaces) collapsed to one space, trimmed.
    static func collapsed(_ text: String) -> String {
        text.unicodeScalars.split(whereSeparator: \.isSpace)
            .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
    }

    /// A title from HTML: tags removed, references decoded, on one line.
    static func fromHTML(_ html: String) -> String {
        collapsed(HTMLSanitizer.plainText(html))
    }

    /// An RSS title, which may be plain text, entity-encoded or (against the spec) contain markup:
    /// references are decoded, and tags are removed when it visibly contains some.
    static func rssTitle(_ text: String) -> String {
        let looksLikeMarkup = text.contains("</") || text.contains("/>") || text.lowercased().contains("<br")
        return looksLikeMarkup ? fromHTML(text) : collapsed(HTMLEntities.decode(text))
    }

    /// Plain text as HTML: blank lines separate paragraphs, single line breaks become `<br>`.
    static func paragraphsHTML(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let paragraphs = normalized.components(separatedBy: "\n\n").map { $0.trimmingHTMLWhitespace }.filter {
            !$0.isEmpty
        }
        return paragraphs.map { paragraph in
            "<p>"
                + paragraph.split(separator: "\n").map { HTMLEscaping.text(collapsed(String($0))) }
                .joined(separator: "<br>") + "</p>"
        }.joined()
    }

    /// `title` if it has text; else the summary's first line cut to about 80 characters; else
    /// the link; else "Untitled".
    static func title(_ title: String?, fallback summary: String, link: String?) -> String {
        if let title, !title.isEmpty { return title }
        if let line = summary.split(separator: "\n").first.map(String.init), !line.isEmpty {
            guard line.count > 80 else { return line }
            let cut = line.prefix(80)
            let wordEnd = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
            return String(wordEnd).trimmingHTMLWhitespace + "…"
        }
        return link ?? "Untitled"
    }
}
