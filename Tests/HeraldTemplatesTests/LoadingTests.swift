import Foundation
import HeraldTemplates
import Testing

/// Start-up fails with an error naming the file when templates are missing or broken.
@Suite("Loading templates")
struct LoadingTests {
    /// A fresh copy of the repository's templates in a temporary folder, removed afterwards.
    private func withTemplateCopy(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-templates-\(UUID().uuidString)").path
        // Copy the real folder, not a symlink to it, so the tests never edit the repository's templates.
        let source = URL(fileURLWithPath: Fixtures.templatesDirectory).resolvingSymlinksInPath().path
        try FileManager.default.copyItem(atPath: source, toPath: directory)
        var isDirectory: ObjCBool = false
        let isSymlink = (try? FileManager.default.destinationOfSymbolicLink(atPath: directory)) != nil
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue,
            !isSymlink
        else {
            Issue.record("could not make a private copy of the templates at \(directory)")
            return
        }
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    private func write(_ text: String, to file: String, in directory: String) throws {
        try text.write(toFile: "\(directory)/\(file)", atomically: true, encoding: .utf8)
    }

    @Test func repositoryTemplatesLoad() throws {
        _ = try Fixtures.library()
    }

    @Test func missingDirectoryIsNamed() {
        let error = #expect(throws: TemplateError.self) {
            try TemplateLibrary(directory: "/nonexistent/herald-templates")
        }
        #expect(error == .directoryMissing("/nonexistent/herald-templates"))
        #expect(error?.description.contains("/nonexistent/herald-templates") == true)
    }

    @Test func missingTemplateIsNamed() throws {
        try withTemplateCopy { directory in
            try FileManager.default.removeItem(atPath: "\(directory)/pages/thank_you.mustache")
            let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory) }
            #expect(error == .templateMissing("pages/thank_you", path: "\(directory)/pages/thank_you.mustache"))
            #expect(error?.description.contains("pages/thank_you.mustache") == true)
        }
    }

    @Test func syntaxErrorNamesFileAndLine() throws {
        try withTemplateCopy { directory in
            try write("<p>ok</p>\n{{#newsletter}}\n<p>{{title}}</p>\n", to: "pages/confirmed.mustache", in: directory)
            let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory) }
            #expect(error?.path == "\(directory)/pages/confirmed.mustache")
            #expect(error?.description.contains("syntax error in \(directory)/pages/confirmed.mustache") == true)
        }
    }

    @Test func syntaxErrorInTextTemplateReportsTheFilesOwnLine() throws {
        try withTemplateCopy { directory in
            try write("Hello\n{{#name}}Hi{{/nam}}\n", to: "mail/welcome.txt.mustache", in: directory)
            let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory) }
            #expect(error?.path == "\(directory)/mail/welcome.txt.mustache")
            #expect(error?.description.contains("at line 2,") == true)
        }
    }

    @Test func missingPartialIsNamed() throws {
        try withTemplateCopy { directory in
            try write("{{>partials/nope}}\n", to: "pages/error.mustache", in: directory)
            let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory) }
            #expect(error == .partialMissing("partials/nope", in: "\(directory)/pages/error.mustache"))
        }
    }

    @Test func htmlPartialInTextTemplateIsRejected() throws {
        try withTemplateCopy { directory in
            try write("{{>partials/footer}}\n", to: "mail/welcome.txt.mustache", in: directory)
            let error = #expect(throws: TemplateError.self) { try TemplateLibrary(directory: directory) }
            #expect(error == .htmlPartialInText("partials/footer", in: "\(directory)/mail/welcome.txt.mustache"))
        }
    }

    @Test func operatorTemplatesOverrideTexts() throws {
        try withTemplateCopy { directory in
            try write(
                "Bitte bestätigen: {{newsletter.title}}\n", to: "mail/confirmation.subject.mustache", in: directory)
            let library = try TemplateLibrary(directory: directory)
            let mail = library.confirmationMail(
                ConfirmationMail(
                    site: Fixtures.site, newsletter: Fixtures.morning, confirmURL: "https://x", expiryHours: 1))
            #expect(mail.subject == "Bitte bestätigen: Morning Briefing")
        }
    }
}
