import Foundation

/// What Python's `email` package (policy=default) makes of a message, from Tests/integration/check_mail.py.
struct CheckedMail: Decodable {
    struct Address: Decodable, Equatable {
        var display_name: String
        var addr_spec: String
    }

    var defects: [String]
    var subject: String?
    var from: [Address]
    var to: [Address]
    var reply_to: [Address]
    var message_id: String?
    var date: String?
    var content_type: String
    var text: String?
    var html: String?
    var headers: [String: [String]]
    var raw_header_lines: [String]
    var max_line_length: Int
    var max_header_line_length: Int
    var bare_line_breaks: Int
    var ends_with_crlf: Bool

    /// Parses the message file at `path`.
    static func check(path: String) async throws -> CheckedMail {
        let script = TestEnvironment.integrationDirectory.appendingPathComponent("check_mail.py").path
        let output = try await runProcess(TestEnvironment.python, [script, path])
        guard output.status == 0 else { throw ProcessFailure(description: "check_mail.py failed: \(output.stderr)") }
        return try JSONDecoder().decode(CheckedMail.self, from: output.stdout)
    }

    /// Parses message bytes (written to a temporary file first).
    static func check(bytes: [UInt8]) async throws -> CheckedMail {
        let directory = try TestEnvironment.makeTemporaryDirectory("check")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("message.eml")
        try Data(bytes).write(to: file)
        return try await check(path: file.path)
    }
}
