import Foundation
import HeraldFeeds
import Testing

@Suite("Reading feeds from local files")
struct FeedFetcherFileTests {
    private let fetcher = FeedFetcher()

    private func temporaryFile(_ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("herald-feed-\(UUID().uuidString).xml")
        try Data(contents.utf8).write(to: url)
        return url
    }

    @Test func readsAPathAndAFileURL() async throws {
        let file = try temporaryFile(RSSFixtures.rdf)
        defer { try? FileManager.default.removeItem(at: file) }
        for source in [file.path, file.absoluteString] {
            let result = try await fetcher.fetch(source, previous: nil)
            guard case .fetched(let data, let validators, let finalURL) = result else {
                Issue.record("expected the file's contents")
                return
            }
            #expect(data == Array(RSSFixtures.rdf.utf8))
            #expect(finalURL == file.absoluteString)
            #expect(validators.lastModified?.hasSuffix(" GMT") == true)
        }
    }

    @Test func anUnchangedFileIsNotModified() async throws {
        let file = try temporaryFile(RSSFixtures.rdf)
        defer { try? FileManager.default.removeItem(at: file) }
        guard case .fetched(_, let validators, _) = try await fetcher.fetch(file.path, previous: nil) else {
            Issue.record("expected the file's contents")
            return
        }
        #expect(try await fetcher.fetch(file.path, previous: validators) == .notModified)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: file.path)
        guard case .fetched = try await fetcher.fetch(file.path, previous: validators) else {
            Issue.record("a touched file must be read again")
            return
        }
    }

    @Test func aMissingFileSaysWhichPath() async throws {
        do {
            _ = try await fetcher.fetch("/nonexistent/herald/feed.xml", previous: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unreadableSource)
            #expect(error.description == "feed: cannot read feed file /nonexistent/herald/feed.xml: no such file")
        }
    }

    @Test func filesOverTheLimitAreNotRead() async throws {
        let file = try temporaryFile("")
        defer { try? FileManager.default.removeItem(at: file) }
        let handle = try FileHandle(forWritingTo: file)
        try handle.truncate(atOffset: UInt64(FeedParser.maximumBytes + 1))
        try handle.close()
        do {
            _ = try await fetcher.fetch(file.path, previous: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .tooLarge)
        }
    }

    @Test func otherSchemesAreRefused() async throws {
        do {
            _ = try await fetcher.fetch("ftp://example.org/feed.xml", previous: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .unreadableSource)
            #expect(error.description.contains("unsupported scheme 'ftp'"))
        }
    }
}
