/// Follows the opening of an SMTP session (greeting, EHLO, optional STARTTLS and second EHLO) as
/// replies arrive, to learn which extensions the server offers once the mail transaction is about
/// to start. A transfer on a reused connection sees no greeting, and learns nothing.
package struct SMTPSessionTracker: Sendable {
    private enum Phase: Sendable {
        case start, greeted, awaitingTLS, established, reused
    }

    private var phase = Phase.start
    /// Whether the session runs in TLS (from the start, or after STARTTLS was accepted).
    package private(set) var tlsActive: Bool
    private let upgrades: Bool
    private var offered: Set<String> = []

    /// The EHLO keywords (upper-cased) in effect for the mail transaction; nil until known.
    package private(set) var capabilities: Set<String>?

    /// Tracks a session that starts in TLS (`smtps`) or upgrades with STARTTLS under `policy`.
    package init(security: SMTPConfiguration.Security) {
        switch security {
        case .implicitTLS:
            tlsActive = true
            upgrades = false
        case .startTLS(let policy):
            tlsActive = false
            upgrades = policy != .never
        }
    }

    /// Whether this transfer opened a new connection (the server greeted it).
    package var isNewConnection: Bool { phase != .start && phase != .reused }

    /// Feeds one reply; returns true when it made `capabilities` final.
    package mutating func observe(_ reply: SMTPReply) -> Bool {
        switch phase {
        case .start:
            phase = reply.code == 220 ? .greeted : .reused
        case .greeted:
            // A 5xx here is EHLO refused; libcurl then falls back to HELO, whose 250 lists nothing.
            guard reply.code == 250 else { return false }
            let keywords = Set(reply.lines.dropFirst().compactMap { $0.split(separator: " ").first?.uppercased() })
            if !tlsActive, upgrades, keywords.contains("STARTTLS") {
                offered = keywords
                phase = .awaitingTLS
                return false
            }
            return establish(keywords)
        case .awaitingTLS:
            if reply.code == 220 {
                tlsActive = true
                phase = .greeted
                return false
            }
            // STARTTLS refused: with `opportunistic` libcurl carries on in plain text.
            return establish(offered)
        case .established, .reused:
            break
        }
        return false
    }

    private mutating func establish(_ keywords: Set<String>) -> Bool {
        capabilities = keywords
        phase = .established
        return true
    }
}
