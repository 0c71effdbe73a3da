import Foundation
import HeraldCore
import HeraldTemplates

/// Shared inputs for the template tests: the repository's `templates/` folder and sample models.
enum Fixtures {
    /// `<repo>/templates`, found from this file's path (no SwiftPM resources, no working directory).
    static let templatesDirectory: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // HeraldTemplatesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("templates").path

    /// The built-in templates (compiled from the repository's `templates/`), loaded as the server loads them.
    static func library() throws -> TemplateLibrary {
        try TemplateLibrary(overrides: nil)
    }

    /// The built-in templates with `files` (path under the overrides folder → text) overriding
    /// theirs, loaded from a temporary overrides folder that is removed afterwards.
    static func library(overriding files: [String: String]) throws -> TemplateLibrary {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-overrides-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (relative, text) in files {
            let url = folder.appendingPathComponent(relative)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return try TemplateLibrary(overrides: folder.path)
    }

    static let site = SiteContext(siteName: "The Daily Example", baseURL: "https://news.example.org/")

    static let morning = Newsletter(
        slug: "morning", title: "Morning Briefing", description: "The news you need before 8 am, every weekday.",
        timeZone: "Europe/Kyiv")

    static let culture = Newsletter(slug: "culture", title: "Culture Weekly", description: "")

    /// Text that breaks out of HTML when not escaped.
    static let scriptAttack = "<script>alert(1)</script>"
    static let attributeAttack = "\"><img src=x onerror=alert(1)>"

    /// A site, newsletter and person whose every displayed text is hostile.
    static let hostileSite = SiteContext(siteName: "Site \(scriptAttack)", baseURL: "https://news.example.org")
    static let hostileNewsletter = Newsletter(
        slug: "morning", title: "Title \(scriptAttack)", description: "About \(attributeAttack)")
    static let hostileName = "Name \(scriptAttack) \(attributeAttack)"
    static let hostileEmail = "x\(attributeAttack)@example.org"

    /// 27 April 2025, 09:00 UTC.
    static let issueDate = Date(timeIntervalSince1970: 1_745_744_400)

    static let digest = DigestMail(
        site: site, newsletter: morning, date: issueDate,
        items: [
            DigestItem(
                title: "City approves riverside park", link: "https://news.example.org/park",
                summaryHTML: "<p>The council voted <em>yes</em> on Tuesday.</p>",
                summaryText: "The council voted yes on Tuesday.", author: "Olena Koval", date: issueDate,
                imageURL: "https://news.example.org/park.jpg"),
            DigestItem(
                title: "Trams run late again", link: "https://news.example.org/trams",
                summaryHTML: "<p>Repairs continue.</p>", summaryText: "Repairs continue."),
            DigestItem(
                title: "Weather: sunny week ahead", link: "javascript:alert(1)",
                summaryText: "Warm and dry.", date: issueDate),
        ])

    static let anna = DigestRecipient(
        name: "Anna", unsubscribeURL: "https://news.example.org/unsubscribe/tok-anna?n=morning&x=1",
        preferencesURL: "https://news.example.org/preferences/pref-anna")
}
