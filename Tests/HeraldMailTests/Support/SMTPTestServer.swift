import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real SMTP server (Tests/integration/smtp_server.py on aiosmtpd) in a child process, on a free
/// 127.0.0.1 port. Stop it with `stop()`, typically in a `defer`.
final class SMTPTestServer: @unchecked Sendable {
    /// Optional behaviour, mapped to the script's command-line flags.
    struct Options {
        var certificate: TestCertificate?
        var requireStartTLS = false
        var implicitTLS = false
        var auth: (user: String, password: String)?
        var smtpUTF8 = false
        var failFirstData: Int?
        var rejectRecipients: String?
        var dropDuringData = false
        var idleTimeout: Double?
    }

    /// One message the server accepted.
    struct Received {
        var emlPath: String
        var data: Data
        var envelope: Envelope
    }

    /// The envelope the server recorded.
    struct Envelope: Decodable {
        var mail_from: String
        var rcpt_tos: [String]
        var mail_options: [String]
        var smtputf8: Bool
        var tls: Bool
        var authenticated: Bool
    }

    let port: Int
    let directory: URL
    private let process: Process
    private var spool: URL { directory.appendingPathComponent("spool") }

    /// Starts the server and waits until it accepts connections.
    static func start(_ options: Options = Options()) async throws -> SMTPTestServer {
        let directory = try TestEnvironment.makeTemporaryDirectory("smtp")
        let portFile = directory.appendingPathComponent("port")
        var arguments = [
            TestEnvironment.integrationDirectory.appendingPathComponent("smtp_server.py").path,
            "--port-file", portFile.path, "--spool", directory.appendingPathComponent("spool").path,
            "--exit-on-stdin-eof",
        ]
        if let certificate = options.certificate {
            arguments += ["--tls-cert", certificate.certificatePath, "--tls-key", certificate.keyPath]
        }
        if options.requireStartTLS { arguments.append("--require-starttls") }
        if options.implicitTLS { arguments.append("--implicit-tls") }
        if let auth = options.auth { arguments += ["--auth-user", auth.user, "--auth-password", auth.password] }
        if options.smtpUTF8 { arguments.append("--smtputf8") }
        if let code = options.failFirstData { arguments += ["--fail-first-data", String(code)] }
        if let pattern = options.rejectRecipients { arguments += ["--reject-rcpt", pattern] }
        if options.dropDuringData { arguments.append("--drop-during-data") }
        if let seconds = options.idleTimeout { arguments += ["--idle-timeout", String(seconds)] }

        guard FileManager.default.isExecutableFile(atPath: TestEnvironment.python) else {
            throw ProcessFailure(description: "\(TestEnvironment.python) not found; install python3-aiosmtpd")
        }
        let logURL = directory.appendingPathComponent("server.log")
        _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestEnvironment.python)
        process.arguments = arguments
        process.standardError = try FileHandle(forWritingTo: logURL)
        process.standardOutput = FileHandle.nullDevice
        let lifeline = Pipe()
        process.standardInput = lifeline
        try process.run()

        // The port file is read once more after the last sleep: on a loaded machine the task may resume
        // only after the deadline, when the server has long been listening.
        let deadline = ContinuousClock.now + .seconds(60)
        while true {
            if let text = try? String(contentsOf: portFile, encoding: .utf8), let port = Int(text) {
                return SMTPTestServer(port: port, directory: directory, process: process, lifeline: lifeline)
            }
            guard process.isRunning, ContinuousClock.now < deadline else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        try? lifeline.fileHandleForWriting.close()
        stopProcess(process)
        let log = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
        throw ProcessFailure(description: "smtp_server.py did not start (is python3-aiosmtpd installed?):\n\(log)")
    }

    private let lifeline: Pipe

    private init(port: Int, directory: URL, process: Process, lifeline: Pipe) {
        self.port = port
        self.directory = directory
        self.process = process
        self.lifeline = lifeline
    }

    /// Stops the server and removes its files.
    func stop() {
        try? lifeline.fileHandleForWriting.close()
        Self.stopProcess(process)
        try? FileManager.default.removeItem(at: directory)
    }

    /// Asks the process to exit (SIGTERM), and kills it if it has not within two seconds.
    private static func stopProcess(_ process: Process) {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = ContinuousClock.now + .seconds(2)
        while process.isRunning, ContinuousClock.now < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { usleep(10_000) }
    }

    /// How many TCP connections the server has accepted.
    var connectionCount: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: spool.appendingPathComponent("connections").path))?
            .filter { !$0.hasSuffix(".tmp") }.count ?? 0
    }

    /// The messages accepted so far, in order.
    func received() throws -> [Received] {
        let names = try FileManager.default.contentsOfDirectory(atPath: spool.path)
            .filter { $0.hasSuffix(".eml") }.sorted()
        return try names.map { name in
            let eml = spool.appendingPathComponent(name)
            let json = eml.deletingPathExtension().appendingPathExtension("json")
            return Received(
                emlPath: eml.path,
                data: try Data(contentsOf: eml),
                envelope: try JSONDecoder().decode(Envelope.self, from: Data(contentsOf: json))
            )
        }
    }

    /// The server's log, for failure messages.
    var log: String {
        (try? String(contentsOf: directory.appendingPathComponent("server.log"), encoding: .utf8)) ?? ""
    }
}
