import Foundation
import HeraldLocalization

/// `lang` and `dir` for fragments written in another language than their page: a Ukrainian
/// newsletter's title on an English demo page, an archived issue's articles on a page in the
/// reader's language.
///
/// Every context (at any depth) that carries `content_language` (a BCP 47 tag, or null when not
/// known) gains
/// `content_lang` (that tag when it differs from the page's language, else null) and
/// `content_dir` (`ltr` or `rtl` when the direction differs from the page's, else null), so a
/// template writes `<h3{{#content_lang}} lang="{{content_lang}}"{{/content_lang}}>`. The nulls
/// are set, not left out, so a nested context never shows its parent's value.
enum FragmentLanguage {
    /// `values` with every `content_language` context marked against the page's `language`
    /// written in `direction`.
    static func mark(_ values: TemplateValues, language: String, direction: String) -> TemplateValues {
        var marked = values
        for (key, value) in values {
            if let nested = value as? TemplateValues {
                marked[key] = mark(nested, language: language, direction: direction)
            } else if let list = value as? [TemplateValues] {
                marked[key] = list.map { mark($0, language: language, direction: direction) }
            }
        }
        guard values.keys.contains("content_language") else { return marked }
        guard let content = values["content_language"] as? String else {
            marked["content_lang"] = NSNull()
            marked["content_dir"] = NSNull()
            return marked
        }
        let same = content.lowercased() == language.lowercased()
        let contentDirection = LocalizedFormat(language: content, timeZone: .gmt).direction
        marked["content_lang"] = same ? NSNull() : content
        marked["content_dir"] = contentDirection == direction ? NSNull() : contentDirection
        return marked
    }
}
