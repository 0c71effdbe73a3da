/// The pages the library renders, each from `pages/<rawValue>.mustache`.
enum PageTemplate: String, CaseIterable {
    case index
    case subscribeForm = "subscribe_form"
    case thankYou = "thank_you"
    case confirm
    case confirmed
    case tokenInvalid = "token_invalid"
    case unsubscribe
    case unsubscribed
    case preferences
    case embed
    case error
    case archive
    case archiveIssue = "archive_issue"
    case archiveFeed = "archive_feed.xml"
    case consoleSignIn = "console_sign_in"
    case consoleDashboard = "console_dashboard"
    case consoleSubscribers = "console_subscribers"
    case consoleSubscriber = "console_subscriber"
    case consoleDigests = "console_digests"
    case consoleDigest = "console_digest"
    case consoleErase = "console_erase"
    case consoleImport = "console_import"
    case consoleImportJob = "console_import_job"
    case consoleDigestNext = "console_digest_next"
    case consoleSubscriberNew = "console_subscriber_new"
    case consoleMail = "console_mail"
    case consoleAudit = "console_audit"
    case consoleSettings = "console_settings"

    /// Name the template is registered under.
    var name: String { "pages/\(rawValue)" }
}

/// The mails the library renders, each from three files:
/// `mail/<rawValue>.subject.mustache`, `.txt.mustache` and `.html.mustache`.
enum MailTemplate: String, CaseIterable {
    case confirmation
    case alreadySubscribed = "already_subscribed"
    case welcome
    case reminder
    case doctorTest = "doctor_test"
    case digest

    var subject: String { "mail/\(rawValue).subject" }
    var text: String { "mail/\(rawValue).txt" }
    var html: String { "mail/\(rawValue).html" }
}

/// Templates rendered per subscriber into a shared digest, and other direct entry points.
enum PartTemplate: String, CaseIterable {
    case digestGreetingText = "mail/digest_greeting.txt"
    case digestGreetingHTML = "mail/digest_greeting.html"
    case digestFooterText = "mail/digest_footer.txt"
    case digestFooterHTML = "mail/digest_footer.html"
    case embedSnippet = "partials/embed_snippet"
    case archiveArticles = "partials/archive_articles"

    var name: String { rawValue }
}

/// Every template name the library renders directly; start-up fails if one has no file.
let requiredTemplateNames: [String] =
    PageTemplate.allCases.map(\.name)
    + MailTemplate.allCases.flatMap { [$0.subject, $0.text, $0.html] }
    + PartTemplate.allCases.map(\.name)

/// Whether a template renders plain text (no HTML escaping): names ending in `.txt` or `.subject`.
func isPlainTextTemplate(_ name: String) -> Bool {
    name.hasSuffix(".txt") || name.hasSuffix(".subject")
}
