import HeraldCore

extension Newsletter {
    /// Keys `slug`, `title`, `description` (null when empty).
    var templateValues: TemplateValues {
        ["slug": slug, "title": title, "description": nullable(description)]
    }
}
