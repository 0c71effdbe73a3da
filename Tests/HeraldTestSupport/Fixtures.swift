import Foundation
import HeraldCore

/// Small builders for test data.
public enum Fixtures {
    /// A fixed instant with whole milliseconds, so it survives every backend's time columns.
    public static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A new subscriber for `address` (canonical key: the address lower-cased).
    public static func newSubscriber(_ address: String, name: String? = nil, at time: Date = now) -> NewSubscriber {
        NewSubscriber(
            email: address, smtpAddress: address, canonicalKey: address.lowercased(), name: name, createdAt: time)
    }

    /// A small message addressed to `recipient`.
    public static func mail(to recipient: String, body: String = "Hello") -> OutgoingMail {
        OutgoingMail(
            sender: "news@example.org", recipients: [recipient],
            data: Array("Subject: Test\r\n\r\n\(body)\r\n".utf8))
    }

    /// The test newsletters.
    public static let newsletters = [
        Newsletter(slug: "news", title: "Newsletter"),
        Newsletter(slug: "daily", title: "Daily Briefing", timeZone: "Europe/Kyiv"),
    ]
}
