import HeraldCore
import HeraldCurl

/// A feed or webhook URL refused at start-up because its host resolves to a private address.
public struct OutboundURLError: Error, CustomStringConvertible {
    public let description: String
}

/// The start-up half of the SSRF guard: every configured feed and webhook URL whose host resolves
/// now to an address the policy refuses stops start-up. (The fetch-time half, in libcurl's
/// open-socket callback, checks the address actually connected to.)
enum OutboundURLCheck {
    /// Throws naming the first refused URL, what it is and why.
    static func verify(_ configuration: HeraldConfiguration) throws(OutboundURLError) {
        let feeds = configuration.newsletters.flatMap { newsletter in
            newsletter.digestFeed.map { [("digest_feed of \(newsletter.slug)", $0)] } ?? []
                + newsletter.digestFeeds.sorted { $0.key < $1.key }.map {
                    ("digest_feeds.\($0.key) of \(newsletter.slug)", $0.value)
                }
        }
        let hooks = configuration.webhooks.endpoints.map { ("webhook", $0.url) }
        for (what, url) in feeds + hooks {
            let lowered = url.lowercased()
            guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"),
                let host = CurlURLHost.host(ofURL: url),
                let reason = configuration.outboundAddresses.refusal(resolving: host)
            else { continue }
            throw OutboundURLError(
                description: "\(what) \(url): \(host) is a \(reason); list the host or network in "
                    + "allow_private_urls if it is meant to be reached")
        }
    }
}
