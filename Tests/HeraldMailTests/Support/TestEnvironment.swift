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

struct ProcessFailure: Error, CustomStringConvertible {
    var description: String
}

/// The result of a finished child process.
struct ProcessOutput {
    var status: Int32
    var stdout: Data
    var stderr: String
}

/// Runs a program to completion without blocking a cooperative thread; output goes through files
/// so that large output cannot fill a pipe and stall the child.
func runProcess(_ executable: String, _ arguments: [String]) async throws -> ProcessOutput {
    let directory = try TestEnvironment.makeTemporaryDirectory("process")
    defer { try? FileManager.default.removeItem(at: directory) }
    let outURL = directory.appendingPathComponent("stdout")
    let errURL = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let outHandle = try FileHandle(forWritingTo: outURL)
    let errHandle = try FileHandle(forWritingTo: errURL)

    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = outHandle
    process.standardError = errHandle
    let status: Int32 = try await withCheckedThrowingContinuation { continuation in
        process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
        do { try process.run() } catch {
            process.terminationHandler = nil
            continuation.resume(throwing: error)
        }
    }
    try outHandle.close()
    try errHandle.close()
    return ProcessOutput(
        status: status,
        stdout: try Data(contentsOf: outURL),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
    )
}
