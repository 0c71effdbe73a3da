import HeraldCore

extension Newsletter {
    /// Keys `slug`, `title`, `description` (null when empty) and `content_language` (the
    /// newsletter's language, in which its title and description are written; see
    /// ``FragmentLanguage``).
    var templateValues: TemplateValues {
        ["slug": slug, "title": title, "description": nullable(description), "content_language": language]
    }
}
