import Foundation

/// Paths and helpers shared by the mail tests.
enum TestEnvironment {
    /// The system interpreter, which has aiosmtpd installed (the `python3` on PATH may not).
    static let python = "/usr/bin/python3"

    /// `Tests/integration`, found from this file's location.
    static let integrationDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // HeraldMailTests
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("integration")

    /// A fresh, empty temporary directory.
    static func makeTemporaryDirectory(_ label: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("herald-mail-tests")
            .appendingPathComponent("\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
