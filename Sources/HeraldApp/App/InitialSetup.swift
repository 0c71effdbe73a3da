import Foundation
import HeraldCore

/// Why `herald init` wrote nothing; names the folder or file.
public struct InitialSetupError: Error, Equatable, CustomStringConvertible {
    public let description: String
}

/// `herald init [DIR]`: a commented `herald.yml`, a fresh admin token and a secret key file
/// (mode 0600) in a new or empty folder; all or nothing, never overwriting a file.
public enum InitialSetup {
    /// What was written.
    public struct Result: Sendable {
        /// The configuration file.
        public var configuration: String
        /// The secret key file, when written.
        public var keyFile: String?
        /// The admin token written into the configuration, when one was.
        public var adminToken: String?
    }

    /// Writes `herald.yml` (and, `withSecrets`, an admin token in it and `herald.keys`) into
    /// `directory`, whose data (database, keys, mail) lives in `dataDirectory` (default: `directory`).
    ///
    /// - Throws: ``InitialSetupError`` when `directory` is a file, is not empty, holds a
    ///   `herald.yml`, or cannot be created or written; nothing is left behind then.
    public static func run(
        directory: String, dataDirectory: String? = nil, withSecrets: Bool = true
    ) throws(InitialSetupError) -> Result {
        let manager = FileManager.default
        let folder = URL(fileURLWithPath: directory).standardizedFileURL.path
        let configuration = folder + "/herald.yml"
        let keyFile = withSecrets ? folder + "/herald.keys" : nil
        var isDirectory: ObjCBool = false
        let existed = manager.fileExists(atPath: folder, isDirectory: &isDirectory)
        if existed {
            guard isDirectory.boolValue else { throw fail("\(folder) is a file, not a folder") }
            if manager.fileExists(atPath: configuration) {
                throw fail("\(configuration) already exists; herald init never overwrites a configuration")
            }
            let entries = (try? manager.contentsOfDirectory(atPath: folder)) ?? []
            guard entries.isEmpty else {
                throw fail(
                    "\(folder) is not empty (\(entries.count) entries); run herald init into a new or empty folder")
            }
            guard manager.isWritableFile(atPath: folder) else { throw fail("\(folder) is not writable") }
        }
        let token = withSecrets ? TokenSecret.generate().text : nil
        let settings = ConfigurationSample.Settings(dataDirectory: dataDirectory ?? folder, adminToken: token)
        do {
            if !existed { try manager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            if let keyFile { try SecretKeyStorage.createNew(keyFile) }
            try writePrivate(configuration, ConfigurationSample.text(settings))
        } catch {
            if existed {
                for file in [configuration, keyFile].compactMap({ $0 }) { try? manager.removeItem(atPath: file) }
            } else {
                try? manager.removeItem(atPath: folder)
            }
            throw fail("cannot write into \(folder): \(error)")
        }
        return Result(configuration: configuration, keyFile: keyFile, adminToken: token)
    }

    /// Creates `path` with mode 0600 (it holds the admin token); fails when it exists.
    private static func writePrivate(_ path: String, _ text: String) throws {
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        else { throw InitialSetupError(description: "\(path): cannot create the file") }
    }

    private static func fail(_ message: String) -> InitialSetupError { InitialSetupError(description: message) }
}
