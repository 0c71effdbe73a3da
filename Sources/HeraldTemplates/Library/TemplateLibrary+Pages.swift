extension TemplateLibrary {
    /// The demo news-site page with a signup form for every newsletter (`pages/index`).
    public func indexPage(_ page: IndexPage) -> String {
        render(PageTemplate.index.name, page.templateValues)
    }

    /// The signup form shown again with its errors, sent with HTTP 422 (`pages/subscribe_form`).
    public func signupFormPage(_ page: SignupFormPage) -> String {
        render(PageTemplate.subscribeForm.name, page.templateValues)
    }

    /// The page after a successful signup (`pages/thank_you`).
    public func thankYouPage(_ page: ThankYouPage) -> String {
        render(PageTemplate.thankYou.name, page.templateValues)
    }

    /// The page a confirmation link opens, with the "Confirm subscription" button (`pages/confirm`).
    public func confirmPage(_ page: ConfirmPage) -> String {
        render(PageTemplate.confirm.name, page.templateValues)
    }

    /// The page after confirming (`pages/confirmed`).
    public func confirmedPage(_ page: ConfirmedPage) -> String {
        render(PageTemplate.confirmed.name, page.templateValues)
    }

    /// The page for an unknown, expired or used link (`pages/token_invalid`).
    public func tokenInvalidPage(_ page: TokenInvalidPage) -> String {
        render(PageTemplate.tokenInvalid.name, page.templateValues)
    }

    /// The page an unsubscribe link opens, with its button (`pages/unsubscribe`).
    public func unsubscribePage(_ page: UnsubscribePage) -> String {
        render(PageTemplate.unsubscribe.name, page.templateValues)
    }

    /// The page after unsubscribing (`pages/unsubscribed`).
    public func unsubscribedPage(_ page: UnsubscribedPage) -> String {
        render(PageTemplate.unsubscribed.name, page.templateValues)
    }

    /// A subscriber's preferences (`pages/preferences`).
    public func preferencesPage(_ page: PreferencesPage) -> String {
        render(PageTemplate.preferences.name, page.templateValues(name: languageName))
    }

    /// The copy-paste form snippet page (`pages/embed`, snippet from `partials/embed_snippet`).
    public func embedPage(_ page: EmbedPage) -> String {
        let snippet = embedSnippet(page)
        return render(PageTemplate.embed.name, page.templateValues(snippet: snippet))
    }

    /// Only the HTML of the embeddable signup form for `page.newsletter` (`partials/embed_snippet`).
    public func embedSnippet(_ page: EmbedPage) -> String {
        var snippet = render(PartTemplate.embedSnippet.name, page.snippetValues)
        while snippet.last?.isNewline == true { snippet.removeLast() }
        return snippet
    }

    /// A generic error page (`pages/error`).
    public func errorPage(_ page: ErrorPage) -> String {
        render(PageTemplate.error.name, page.templateValues)
    }
}
