import Foundation
import HeraldFeeds
import Testing

@Test func zzDebugDump() async throws {
    let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY e SYSTEM "file:///etc/passwd">]>
        <rss><channel><title>T&e;</title>
        <item><title>Leak: &e;</title><description>&e;</description></item></channel></rss>
        """
    do { print("XXE", try FeedParser.parse(Array(xxe.utf8), baseURL: nil)) } catch { print("XXE error", error) }
    let pe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;
        <!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <rss><channel><title>&c;</title></channel></rss>
        """
    do { print("PE", try FeedParser.parse(Array(pe.utf8), baseURL: nil)) } catch { print("PE error", error) }
    let server = try await FeedTestServer.start()
    defer { server.stop() }
    let f = FeedFetcher()
    let clock = ContinuousClock()
    for _ in 0..<3 {
        let t = await clock.measure { _ = try? await f.fetch(server.url("/feed.xml"), previous: nil) }
        print("single fetch", t)
    }
}
