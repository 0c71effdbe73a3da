import Foundation

/// Why an operator's retry of an issue's deliveries was not done.
public enum DigestIssueRetryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The newsletter has no issue with this id.
    case issueNotFound(Int64)

    public var description: String {
        switch self {
        case .issueNotFound(let id): "this newsletter has no issue \(id)"
        }
    }
}

/// What ``DigestIssueRetry`` touches: issues (read by id and reopened) and the audit log.
public typealias DigestIssueRetryOperations = DigestIssueOperations & ClickOperations & AuditOperations

/// An operator's "send the failed and deferred deliveries of this issue again": they go back to
/// pending and the next `herald digest send` of the newsletter (cron) finishes the issue. Rows
/// being sent or sent are untouched, so the exactly-once guarantee stays. Audited `digest.retry`.
public struct DigestIssueRetry: Sendable {
    let store: ScopedStore<any DigestIssueRetryOperations>
    let now: @Sendable () -> Date

    public init(store: any SubscriberStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = ScopedStore(store) { $0 }
        self.now = now
    }

    /// Reopens issue `issueID` of `newsletter`; returns how many deliveries will be tried again.
    ///
    /// - Throws: ``DigestIssueRetryError/issueNotFound(_:)``; store errors.
    public func retry(issueID: Int64, newsletter: String, actor: String) async throws -> Int {
        let time = now()
        return try await store.transaction { tx in
            guard let issue = try await tx.digestIssue(id: issueID), issue.newsletter == newsletter else {
                throw DigestIssueRetryError.issueNotFound(issueID)
            }
            let count = try await tx.reopenDigestDeliveries(issueID: issueID, at: time)
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "digest.retry", target: "digest_issue:\(issueID)",
                    detailJSON: AuditDetail.json([
                        "newsletter": newsletter, "period": issue.period, "reopened": "\(count)",
                    ]),
                    occurredAt: time))
            return count
        }
    }
}
