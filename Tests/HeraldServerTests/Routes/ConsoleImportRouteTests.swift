import Foundation
import HTTPTypes
import HeraldCore
import HeraldTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import HeraldServer

/// The console's CSV import and export through the real router: a streamed multipart upload, the
/// CLI's importer in the background, the per-line report, and the refusals (forged, too large,
/// bad header, no file) that import nothing.
@Suite("Routes: console import and export")
struct ConsoleImportRouteTests {
    typealias Browser = ConsoleRouteTests.Browser
    static let boundary = "----herald-test-7MA4YWxkTrZu0gW"

    /// A multipart body with `fields` then the file part (as a browser sends the console's form).
    static func multipart(_ fields: [(String, String)], file: String?) -> ByteBuffer {
        var text = ""
        for (name, value) in fields {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        if let file {
            text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\n"
            text += "Content-Type: text/csv\r\n\r\n\(file)\r\n"
        }
        text += "--\(boundary)--\r\n"
        return ByteBuffer(string: text)
    }

    static func upload(
        _ browser: Browser, _ client: any TestClientProtocol, csrf: String, file: String?,
        extra: [(String, String)] = []
    )
        async throws -> TestResponse
    {
        var headers: HTTPFields = [
            .contentType: "multipart/form-data; boundary=\(boundary)",
            .cookie: browser.cookies.map { "\($0)=\($1)" }.joined(separator: "; "),
        ]
        headers[.accept] = "text/html"
        let fields = [("csrf", csrf), ("newsletter", "news"), ("status", "confirmed")] + extra
        return try await client.execute(
            uri: "/admin/import", method: .post, headers: headers, body: multipart(fields, file: file))
    }

    /// Follows the job page until the import has finished.
    static func finished(_ browser: Browser, _ location: String) async throws -> String {
        for _ in 0..<200 {
            let page = try await browser.get(String(location.dropFirst("https://news.example.org".count)))
            if !page.text.contains("Still importing") { return page.text }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("the import did not finish")
        return ""
    }

    @Test func anUploadedCSVIsImportedAndItsBadRowsReportedByLine() async throws {
        let harness = try RouteHarness()
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            let form = try await browser.get("/admin/import")
            #expect(form.text.contains(#"enctype="multipart/form-data""#) && form.text.contains(#"<label for="file">"#))
            let csv =
                "email,name,city\r\nolena@example.org,Олена,Київ\r\nnot-an-address,X,Y\r\n\"taras@example.org\",\"Тарас, Ш.\",Lviv\r\n"
            let response = try await Self.upload(browser, client, csrf: browser.csrf, file: csv)
            #expect(response.status == .seeOther)
            let location = try #require(response.headers[.location])
            let report = try await Self.finished(browser, location)
            #expect(report.contains("<dt>Imported</dt><dd>2</dd>") && report.contains("<dt>Bad rows</dt><dd>1</dd>"))
            #expect(report.contains("<td class=\"cell-wrap\">3</td>"), "line 3 is the bad row")
            #expect(report.contains("Import of list.csv"))
            let found = try await harness.store.transaction { try await $0.searchSubscribers(SubscriberSearch()) }
            #expect(Set(found.map(\.email)) == ["olena@example.org", "taras@example.org"])
            let audit = try await harness.store.transaction { try await $0.auditEntries(beforeID: nil, limit: 1) }
            #expect(audit.first?.action == "subscribers.import")
            let export = try await browser.get("/admin/export.csv?newsletter=news&status=confirmed")
            #expect(export.status == .ok && export.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(export.text.contains("olena@example.org") && export.text.contains("\"Тарас, Ш.\""))
            let badExport = try await browser.get("/admin/export.csv?newsletter=nope")
            #expect(badExport.status == .badRequest)
        }
    }

    @Test func refusedUploadsImportNothing() async throws {
        let harness = try RouteHarness("console_upload_max_bytes: 1024\n")
        try await harness.run { client in
            let browser = Browser(client)
            _ = try await browser.signIn()
            _ = try await browser.get("/admin/import")
            let csv = "email\r\nolena@example.org\r\n"
            let forged = try await Self.upload(browser, client, csrf: "forged", file: csv)
            #expect(forged.status == .forbidden)
            let big = "email\r\n" + String(repeating: "someone@example.org\r\n", count: 100)
            let tooLarge = try await Self.upload(browser, client, csrf: browser.csrf, file: big)
            #expect(tooLarge.status == .contentTooLarge && tooLarge.text.contains("larger than"))
            let noFile = try await Self.upload(browser, client, csrf: browser.csrf, file: nil)
            #expect(noFile.status == .badRequest)
            let badHeader = try await Self.upload(browser, client, csrf: browser.csrf, file: "name,city\r\nX,Y\r\n")
            let report = try await Self.finished(browser, try #require(badHeader.headers[.location]))
            #expect(report.contains("The file was refused and nothing was imported"))
            let strict = try await Self.upload(
                browser, client, csrf: browser.csrf, file: "email\r\nok@example.org\r\nbad\r\n",
                extra: [("strict", "1")])
            let strictReport = try await Self.finished(browser, try #require(strict.headers[.location]))
            #expect(strictReport.contains("nothing was imported (you asked for all or nothing)"))
            let found = try await harness.store.transaction { try await $0.searchSubscribers(SubscriberSearch()) }
            #expect(found.isEmpty)
            let signedOut = try await client.execute(
                uri: "/admin/import", method: .post,
                headers: [.contentType: "multipart/form-data; boundary=\(Self.boundary)"],
                body: Self.multipart([("csrf", "x")], file: csv))
            #expect(signedOut.status == .seeOther)
            let unknown = try await browser.get("/admin/import/not-a-job")
            #expect(unknown.status == .notFound)
        }
    }
}
