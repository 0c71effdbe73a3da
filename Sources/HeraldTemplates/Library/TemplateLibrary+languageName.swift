import HeraldLocalization

extension TemplateLibrary {
    /// The name of language `code` written in that language (its catalog's `language.name`:
    /// "Українська", "English"); the tag itself when no catalog of that language names it.
    public func languageName(_ code: String) -> String {
        guard case .text(let name) = catalogs.catalog(code)?.messages["language.name"] else { return code }
        return name
    }
}
