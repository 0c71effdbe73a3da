import ArgumentParser

/// The `herald` command: a self-hosted newsletter subscription service.
@main
struct Herald: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "herald",
        abstract: "Herald: self-hosted newsletter signups with double opt-in, confirmation mail and digests.",
        discussion: """
            Configuration comes from ./herald.yml (if present), --config PATH or HERALD_CONFIG, \
            with HERALD_* environment variables overriding single keys. See README.md.
            """,
        subcommands: [Serve.self, Migrate.self, CheckEmail.self, Outbox.self, Digest.self, Subscribers.self]
    )
}
