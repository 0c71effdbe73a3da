import Foundation
import HeraldDefaults
import HeraldTemplates
import Testing

/// The built-in set matches `templates/`, and an overrides folder replaces single files.
@Suite("Built-in templates and overrides")
struct OverrideTests {
    /// An empty temporary folder, removed afterwards.
    private func withFolder(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-overrides-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    private func write(_ bytes: [UInt8], _ relative: String, in directory: String) throws {
        let url = URL(fileURLWithPath: directory).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    private let page = IndexPage(site: Fixtures.site, newsletters: [Fixtures.morning])

    @Test func builtInSetIsExactlyTheRepositoryFolder() throws {
        let root = URL(fileURLWithPath: Fixtures.templatesDirectory)
        var onDisk: [String: [UInt8]] = [:]
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let relative = walker?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = root.appendingPathComponent(relative).path
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") })
            else { continue }
            onDisk[relative] = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        }
        #expect(onDisk.count > 40)
        #expect(Set(BuiltInFiles.templates.keys) == Set(onDisk.keys))
        for (relative, bytes) in onDisk {
            #expect(BuiltInFiles.templates[relative] == bytes, "\(relative) differs from the built-in copy")
        }
    }

    @Test func noOverridesRendersTheBuiltInSet() throws {
        let library = try TemplateLibrary(overrides: nil)
        #expect(library.directory == nil && library.overridden.isEmpty)
        #expect(
            library.indexPage(page) == (try TemplateLibrary(directory: Fixtures.templatesDirectory)).indexPage(page))
        #expect(library.asset("assets/challenge.js") == BuiltInFiles.templates["assets/challenge.js"])
    }

    @Test func oneOverriddenPageChangesOnlyThatPage() throws {
        try withFolder { folder in
            try write(Array("<p>Our own front page for {{site_name}}</p>\n".utf8), "pages/index.mustache", in: folder)
            let library = try TemplateLibrary(overrides: folder)
            let builtIn = try TemplateLibrary(overrides: nil)
            #expect(library.overridden == ["pages/index.mustache"])
            #expect(library.indexPage(page) == "<p>Our own front page for The Daily Example</p>\n")
            let thanks = ThankYouPage(site: Fixtures.site, newsletters: [Fixtures.morning])
            #expect(library.thankYouPage(thanks) == builtIn.thankYouPage(thanks))
            let error = ErrorPage(site: Fixtures.site, status: 404, message: "<script>x</script>")
            #expect(library.errorPage(error) == builtIn.errorPage(error))
        }
    }

    @Test func overriddenPartialIsUsedByBuiltInPages() throws {
        try withFolder { folder in
            try write(Array("<footer>Custom footer</footer>\n".utf8), "partials/footer.mustache", in: folder)
            let library = try TemplateLibrary(overrides: folder)
            #expect(library.indexPage(page).contains("<footer>Custom footer</footer>"))
        }
    }

    @Test func overriddenAssetReplacesTheBuiltInOne() throws {
        try withFolder { folder in
            try write(Array("/* ours */\n".utf8), "assets/challenge.js", in: folder)
            let library = try TemplateLibrary(overrides: folder)
            #expect(library.asset("assets/challenge.js") == Array("/* ours */\n".utf8))
            #expect(library.asset("assets/missing.js") == nil)
        }
    }

    @Test func brokenOverrideNamesFileAndLine() throws {
        try withFolder { folder in
            try write(Array("<p>one</p>\n<p>{{#site_name}}unclosed</p>\n".utf8), "pages/confirmed.mustache", in: folder)
            let error = #expect(throws: TemplateError.self) { try TemplateLibrary(overrides: folder) }
            #expect(error?.path == "\(folder)/pages/confirmed.mustache")
            #expect(error?.description.contains("\(folder)/pages/confirmed.mustache") == true)
            #expect(error?.description.contains("line 2") == true || error?.description.contains("line 3") == true)
        }
    }

    @Test func hostileOverridesAreRefusedWithTheirName() throws {
        try withFolder { folder in
            try write([0x3C, 0x70, 0xFF, 0xFE, 0x0A], "pages/index.mustache", in: folder)
            let error = #expect(throws: TemplateError.self) { try TemplateLibrary(overrides: folder) }
            #expect(error == .unreadable("\(folder)/pages/index.mustache"))
        }
        try withFolder { folder in
            try write(Array("{{> partials/does_not_exist}}\r\n".utf8), "pages/index.mustache", in: folder)
            let error = #expect(throws: TemplateError.self) { try TemplateLibrary(overrides: folder) }
            #expect(error == .partialMissing("partials/does_not_exist", in: "\(folder)/pages/index.mustache"))
        }
        try withFolder { folder in
            try write(Array("{{> partials/footer}}\n".utf8), "mail/confirmation.txt.mustache", in: folder)
            let error = #expect(throws: TemplateError.self) { try TemplateLibrary(overrides: folder) }
            #expect(error == .htmlPartialInText("partials/footer", in: "\(folder)/mail/confirmation.txt.mustache"))
        }
    }

    @Test func emptyOrMissingOverrideFolders() throws {
        try withFolder { folder in
            let library = try TemplateLibrary(overrides: folder + "/")
            #expect(library.directory == folder && library.overridden.isEmpty)
        }
        let error = #expect(throws: TemplateError.self) { try TemplateLibrary(overrides: "/nonexistent/overrides") }
        #expect(error == .directoryMissing("/nonexistent/overrides"))
    }

    @Test func exportWritesTheBuiltInSetAndNeverOverwrites() throws {
        try withFolder { folder in
            let target = folder + "/new/sub"
            let written = try TemplateExport.write(to: target)
            #expect(written == BuiltInFiles.templatePaths)
            let exported = try TemplateLibrary(directory: target)
            #expect(exported.indexPage(page) == (try TemplateLibrary(overrides: nil)).indexPage(page))
            try write(Array("mine".utf8), "pages/index.mustache", in: target)
            #expect(throws: TemplateExportError.self) { try TemplateExport.write(to: target) }
            #expect(try Data(contentsOf: URL(fileURLWithPath: target + "/pages/index.mustache")) == Data("mine".utf8))
        }
    }
}
