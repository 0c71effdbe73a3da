import Foundation
import HeraldCore
import HeraldMail
import HeraldTemplates

/// Configuration, templates, database and addresses.
extension Doctor {
    func checkTemplates(_ checks: inout [DoctorCheck]) -> TemplateLibrary? {
        do {
            let library = try TemplateLibrary(overrides: configuration.templates)
            let source =
                library.directory.map { "built in, \(library.overridden.count) file(s) overridden from \($0)" }
                ?? "built in, no overrides"
            checks.append(DoctorCheck(.ok, "templates", "every template found and compiled (\(source))"))
            return library
        } catch {
            checks.append(
                DoctorCheck(
                    .failure, "templates", "\(error)",
                    fix:
                        "fix the override named above, or remove it to use the built-in one (herald templates export DIR)"
                ))
            return nil
        }
    }

    func checkDatabase(_ checks: inout [DoctorCheck]) async -> (any SubscriberStore)? {
        do {
            let (store, _) = try await StoreFactory.open(configuration)
            try await store.ping()
            let count = try await SubscriberDirectory(store: store).count()
            checks.append(
                DoctorCheck(.ok, "database", "reachable and migrated to the current schema; \(count) subscriber(s)"))
            return store
        } catch {
            checks.append(
                DoctorCheck(
                    .failure, "database", "cannot open \(databaseName): \(error)",
                    fix: "check database_url and that the database server is running and reachable from here"))
            return nil
        }
    }

    private var databaseName: String {
        switch configuration.database {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): (URL(string: url)?.host).map { "PostgreSQL at \($0)" } ?? "PostgreSQL"
        }
    }

    func checkAddresses() -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        let url = URL(string: configuration.baseURL)
        let host = url?.host ?? ""
        if url?.scheme == "https" {
            checks.append(DoctorCheck(.ok, "base_url", "\(configuration.baseURL) uses https"))
        } else if LoopbackHost.isLoopback(host) {
            checks.append(
                DoctorCheck(
                    .warning, "base_url", "\(configuration.baseURL) is plain http on this machine (fine for a trial)",
                    fix: "set base_url to the public https:// address before sending to readers"))
        } else {
            checks.append(
                DoctorCheck(
                    .failure, "base_url", "\(configuration.baseURL) is not https",
                    fix: "serve Herald behind TLS and set base_url: https://…; links in mail must be https"))
        }
        do {
            let from = try Mailbox(parsing: configuration.mailFrom)
            checks.append(DoctorCheck(.ok, "mail_from", "From: \(from.address)"))
        } catch {
            checks.append(
                DoctorCheck(
                    .failure, "mail_from", "'\(configuration.mailFrom)' is not a usable address: \(error)",
                    fix: "set mail_from to \"Name <news@your-domain>\""))
        }
        if let bounce = configuration.bounceAddress {
            checks.append(
                DoctorCheck(
                    .ok, "bounce_address", "envelope senders are \(bounce.localPart)+TAG@\(bounce.domain) (VERP)"))
        } else {
            checks.append(
                DoctorCheck(
                    .warning, "bounce_address", "not set: bounces are attributed only by what they say",
                    fix: "set bounce_address to a mailbox piped to herald bounces ingest (see README, VERP)"))
        }
        return checks
    }
}
