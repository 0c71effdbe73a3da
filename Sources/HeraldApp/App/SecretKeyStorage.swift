import Foundation
import HeraldCore

#if canImport(Glibc)
    import Glibc
#endif

/// Why the secret keys could not be read or created; names the file and what to do.
public struct SecretKeyError: Error, CustomStringConvertible {
    public let description: String
}

/// Reads the installation's ``SecretKeyRing`` from `secret_keys` (the `HERALD_SECRET_KEYS`
/// variable) or `secret_key_file`, creating the file (mode 0600) on first start.
///
/// The first start of an installation that kept its keys in the database moves them into the new
/// file, so existing unsubscribe links and suppression entries keep working, and deletes them from
/// the database in the same transaction. A database that still holds a key the ring lacks is
/// refused rather than silently orphaning links.
public enum SecretKeyStorage {
    /// The key ring for `configuration`, with the database `store` cleared of keys.
    public static func load(_ configuration: HeraldConfiguration, store: any SubscriberStore) async throws
        -> SecretKeyRing
    {
        if let text = configuration.secretKeys {
            let ring = try parse(text, origin: "secret_keys (HERALD_SECRET_KEYS)")
            try await clearLegacyKeys(in: store, keeping: ring, origin: "secret_keys")
            return ring
        }
        let path = configuration.secretKeyFilePath
        if let ring = try read(path) {
            try await clearLegacyKeys(in: store, keeping: ring, origin: path)
            return ring
        }
        return try await create(path, store: store)
    }

    /// Reads the file at `path`; nil when there is none. Refuses a file others may read.
    public static func read(_ path: String) throws -> SecretKeyRing? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw SecretKeyError(
                description: "\(path): cannot read the secret key file (\(String(cString: strerror(errno))))")
        }
        guard status.st_mode & 0o077 == 0 else {
            throw SecretKeyError(
                description: "\(path): the secret key file may be read by others (mode "
                    + "\(String(status.st_mode & 0o777, radix: 8))); run chmod 600 on it")
        }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else { throw SecretKeyError(description: "\(path): cannot read the secret key file as UTF-8 text") }
        return try parse(text, origin: path)
    }

    /// Writes `ring` to `path` through a new file renamed into place (mode 0600), so a reader
    /// sees the old or the new keys, never half of them.
    public static func replace(_ path: String, with ring: SecretKeyRing) throws {
        let temporary = path + ".new"
        unlink(temporary)
        guard try writeExclusively(temporary, ring.text) else {
            throw SecretKeyError(description: "\(temporary): exists and cannot be replaced")
        }
        guard rename(temporary, path) == 0 else {
            throw SecretKeyError(description: "\(path): cannot replace the file (\(String(cString: strerror(errno))))")
        }
    }

    /// Creates a new key file at `path` (mode 0600) with fresh keys, for `herald init`.
    ///
    /// - Throws: ``SecretKeyError`` when the file exists or cannot be written.
    public static func createNew(_ path: String) throws {
        guard try writeExclusively(path, SecretKeyRing.generate().text) else {
            throw SecretKeyError(description: "\(path): already exists; not overwritten")
        }
    }

    private static func parse(_ text: String, origin: String) throws -> SecretKeyRing {
        do {
            return try SecretKeyRing(parsing: text)
        } catch {
            throw SecretKeyError(description: "\(origin): \(error)")
        }
    }

    /// Creates the file from the database's keys (or new ones) and removes them from the database,
    /// in one transaction; when another process created the file meanwhile, reads that one.
    private static func create(_ path: String, store: any SubscriberStore) async throws -> SecretKeyRing {
        struct CreatedByAnother: Error {}
        do {
            return try await LegacyKeySettings(store: store).move { legacy in
                let ring = SecretKeyRing.generate(
                    legacyManageLinkKey: legacy.manageLink, legacyErasureKey: legacy.erasure)
                guard try writeExclusively(path, ring.text) else { throw CreatedByAnother() }
                return ring
            }
        } catch is CreatedByAnother {
            guard let ring = try read(path) else { throw SecretKeyError(description: "\(path): vanished") }
            try await clearLegacyKeys(in: store, keeping: ring, origin: path)
            return ring
        }
    }

    /// Deletes keys older versions kept in the database; refuses (rolling back) when one of them
    /// is not in `ring`, since links or suppressions made with it would stop working.
    private static func clearLegacyKeys(in store: any SubscriberStore, keeping ring: SecretKeyRing, origin: String)
        async throws
    {
        try await LegacyKeySettings(store: store).move { legacy in
            if let key = legacy.manageLink, !ring.manageLinkKeys.contains(key) {
                throw SecretKeyError(description: mismatch(origin, what: "manage-link", line: "manage-link \(key)"))
            }
            if let key = legacy.erasure, key != ring.erasureKey {
                throw SecretKeyError(description: mismatch(origin, what: "erasure", line: "erasure \(key)"))
            }
        }
    }

    private static func mismatch(_ origin: String, what: String, line: String) -> String {
        "the database still holds a \(what) key that \(origin) lacks; add it to the keys (as '\(line)', in place "
            + "of the erasure line for an erasure key) or start once without secret_keys so it is moved into "
            + "secret_key_file"
    }

    /// Creates `path` with mode 0600 and `text`; false when it already exists.
    private static func writeExclusively(_ path: String, _ text: String) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw SecretKeyError(
                description: "\(path): cannot create the secret key file (\(String(cString: strerror(errno))))")
        }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw SecretKeyError(
                description: "\(path): cannot write the secret key file (\(String(cString: strerror(errno))))")
        }
        return true
    }
}
