/// One line of `herald doctor`'s checklist.
public struct DoctorCheck: Sendable, Equatable, Encodable {
    /// ✓ met, ⚠ worth a look, ✗ broken (the command then exits non-zero).
    public enum Status: String, Sendable, Equatable, Encodable {
        case ok, warning, failure

        /// The checklist mark.
        public var mark: String {
            switch self {
            case .ok: "✓"
            case .warning: "⚠"
            case .failure: "✗"
            }
        }
    }

    public var status: Status
    /// A stable identifier for monitoring (`smtp.starttls`, `dns.dmarc`…).
    public var id: String
    /// What was found.
    public var message: String
    /// What to do about it, in one sentence; nil when nothing needs doing.
    public var fix: String?

    public init(_ status: Status, _ id: String, _ message: String, fix: String? = nil) {
        self.status = status
        self.id = id
        self.message = message
        self.fix = fix
    }

    /// `✓ smtp.connect: connected to …` plus `  → fix` on the next line.
    public var line: String {
        "\(status.mark) \(id): \(message)" + (fix.map { "\n    → \($0)" } ?? "")
    }
}

/// The whole checklist.
public struct DoctorReport: Sendable, Encodable {
    public var checks: [DoctorCheck]

    public init(checks: [DoctorCheck]) { self.checks = checks }

    /// Whether nothing is broken (warnings allowed).
    public var ok: Bool { !checks.contains { $0.status == .failure } }

    enum CodingKeys: String, CodingKey { case ok, checks }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ok, forKey: .ok)
        try container.encode(checks, forKey: .checks)
    }
}
