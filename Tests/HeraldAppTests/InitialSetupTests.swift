import Foundation
import HeraldCore
import Testing

@testable import HeraldApp

/// `herald init`: the commented configuration lists every key and loads; bad folders leave nothing behind.
@Suite("herald init")
struct InitialSetupTests {
    private func withFolder(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-init-\(UUID())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func everyKeyTheParserAcceptsIsWrittenWithItsHelp() {
        let text = ConfigurationSample.text(.init(dataDirectory: "/var/lib/herald", adminToken: nil))
        let lines = text.split(separator: "\n").map(String.init)
        for key in ConfigurationKey.all {
            #expect(
                lines.contains { $0.hasPrefix("# \(key.name): ") || $0.hasPrefix("\(key.name): ") },
                "\(key.name) is missing from the sample")
            #expect(text.contains(key.help), "\(key.name)'s help is missing")
            #expect(ConfigurationSample.defaults[key.name] != nil, "\(key.name) has no default in the sample")
        }
        let known = Set(ConfigurationKey.all.map(\.name))
        #expect(Set(ConfigurationSample.defaults.keys).subtracting(known).isEmpty, "the sample names unknown keys")
    }

    @Test func writtenConfigurationLoadsWithTheFreshTokenAndKeyFile() throws {
        try withFolder { parent in
            let folder = parent + "/site"
            let result = try InitialSetup.run(directory: folder)
            #expect(result.configuration == folder + "/herald.yml")
            #expect(try mode(folder + "/herald.keys") == 0o600)
            #expect(try mode(folder + "/herald.yml") == 0o600)
            let (configuration, warnings) = try ConfigurationLoader.load(path: result.configuration, environment: [:])
            #expect(warnings.isEmpty)
            #expect(configuration.adminTokens["admin"] == result.adminToken)
            #expect((result.adminToken?.count ?? 0) >= 43)
            #expect(configuration.secretKeyFilePath == folder + "/herald.keys")
            #expect(configuration.database == .sqlite(path: folder + "/herald.sqlite"))
            #expect(try SecretKeyStorage.read(folder + "/herald.keys") != nil)
            let second = try InitialSetup.run(directory: parent + "/other")
            #expect(second.adminToken != result.adminToken)
        }
    }

    @Test func withoutSecretsWritesOnlyTheConfiguration() throws {
        try withFolder { folder in
            let result = try InitialSetup.run(directory: folder, dataDirectory: "/var/lib/herald", withSecrets: false)
            #expect(result.keyFile == nil && result.adminToken == nil)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["herald.yml"])
            let (configuration, _) = try ConfigurationLoader.load(path: result.configuration, environment: [:])
            #expect(configuration.adminTokens.isEmpty)
            #expect(configuration.database == .sqlite(path: "/var/lib/herald/herald.sqlite"))
        }
    }

    @Test func refusesExistingConfigurationNonEmptyFolderAndFile() throws {
        try withFolder { folder in
            try Data("listen: 1.2.3.4:1\n".utf8).write(to: URL(fileURLWithPath: folder + "/herald.yml"))
            let error = #expect(throws: InitialSetupError.self) { try InitialSetup.run(directory: folder) }
            #expect(error?.description.contains("already exists") == true)
            #expect(try String(contentsOfFile: folder + "/herald.yml", encoding: .utf8) == "listen: 1.2.3.4:1\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["herald.yml"])
        }
        try withFolder { folder in
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
            let error = #expect(throws: InitialSetupError.self) { try InitialSetup.run(directory: folder) }
            #expect(error?.description.contains("not empty") == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["notes.txt"])
            let onFile = #expect(throws: InitialSetupError.self) {
                try InitialSetup.run(directory: folder + "/notes.txt")
            }
            #expect(onFile?.description.contains("is a file") == true)
        }
    }

    @Test func hostileDataPathIsQuotedSoTheFileStillLoads() throws {
        try withFolder { folder in
            let data = folder + "/data \"x\": #y\\z"
            let result = try InitialSetup.run(directory: folder + "/cfg", dataDirectory: data)
            let (configuration, _) = try ConfigurationLoader.load(path: result.configuration, environment: [:])
            #expect(configuration.database == .sqlite(path: data + "/herald.sqlite"))
        }
    }

    @Test func unwritableFolderLeavesNothing() throws {
        guard getuid() != 0 else { return }  // root may write anywhere; the e2e test covers this as a user
        try withFolder { folder in
            let locked = folder + "/locked"
            try FileManager.default.createDirectory(atPath: locked, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked) }
            #expect(throws: InitialSetupError.self) { try InitialSetup.run(directory: locked) }
            #expect(throws: InitialSetupError.self) { try InitialSetup.run(directory: locked + "/new") }
            #expect(try FileManager.default.contentsOfDirectory(atPath: locked).isEmpty)
        }
    }
}
