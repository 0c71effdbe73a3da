import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real HTTP server (Python's `http.server`) in a child process on 127.0.0.1, serving the
/// routes described in ``script``. Stop it with `stop()`, typically in a `defer`.
final class FeedTestServer: @unchecked Sendable {
    let port: Int
    private let process: Process
    private let lifeline: Pipe
    private let directory: URL

    /// `http://127.0.0.1:<port><path>`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// Starts the server and waits until it listens.
    static func start() async throws -> FeedTestServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "herald-feed-server-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let portFile = directory.appendingPathComponent("port")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, portFile.path]
        let lifeline = Pipe()
        process.standardInput = lifeline
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Read once more after the last sleep: a loaded machine may resume this task after the deadline.
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                return FeedTestServer(port: port, process: process, lifeline: lifeline, directory: directory)
            }
            guard process.isRunning, ContinuousClock.now < deadline else { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        FeedTestServer(port: 0, process: process, lifeline: lifeline, directory: directory).stop()
        throw ServerFailure(description: "the feed test server (python3 http.server) did not start")
    }

    private init(port: Int, process: Process, lifeline: Pipe, directory: URL) {
        self.port = port
        self.process = process
        self.lifeline = lifeline
        self.directory = directory
    }

    /// Stops the server (closing its stdin, then SIGTERM, then SIGKILL) and removes its files.
    func stop() {
        try? lifeline.fileHandleForWriting.close()
        let deadline = ContinuousClock.now + .seconds(2)
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        let killDeadline = ContinuousClock.now + .seconds(2)
        while process.isRunning, ContinuousClock.now < killDeadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        try? FileManager.default.removeItem(at: directory)
    }
}

struct ServerFailure: Error, CustomStringConvertible {
    var description: String
}
