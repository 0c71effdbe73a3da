import Foundation

/// `GET /admin/subscribers/{id}/erase`: the erasure's confirmation step (type the address again).
public struct ConsoleErasePage: Sendable, Equatable {
    public var frame: ConsoleFrame
    public var id: Int64
    public var email: String
    /// What the operator typed, when it did not match.
    public var typed: String
    public var mismatch: Bool

    public init(frame: ConsoleFrame, id: Int64, email: String, typed: String = "", mismatch: Bool = false) {
        self.frame = frame
        self.id = id
        self.email = email
        self.typed = typed
        self.mismatch = mismatch
    }

    var templateValues: TemplateValues {
        frame.context([
            "on_subscribers": true, "id": String(id), "email": email, "typed": typed, "mismatch": mismatch,
        ])
    }
}

/// What an operator's last action did, shown once on the page it redirected to (POST, redirect,
/// GET). The texts live in the templates (`notice_<case>`).
public enum ConsoleNotice: String, Sendable, CaseIterable {
    case changed
    case erased
    /// Erased, but the database could not be rewritten afterwards (the erasure receipt says so).
    case erasedNotRewritten = "erased_not_rewritten"
    case added
    case retried
    case queued
    case unqueued
    case reopened
    case discarded

    func mark(_ values: inout TemplateValues) {
        values["notice_\(rawValue)"] = true
        values["has_notice"] = true
    }
}
