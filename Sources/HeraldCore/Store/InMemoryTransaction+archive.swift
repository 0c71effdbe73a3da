import Foundation

/// Archive queries of the reference store.
extension InMemoryTransaction {
    func archivedIssues(newsletter: String, language: String, offset: Int, limit: Int) async throws -> [DigestIssue] {
        read { state in
            let done = state.digestIssues.values.filter {
                $0.newsletter == newsletter && $0.language == language && $0.completedAt != nil
            }
            let ordered = done.sorted { ($0.completedAt!, $0.id) > ($1.completedAt!, $1.id) }
            return Array(ordered.dropFirst(max(offset, 0)).prefix(max(limit, 0)))
        }
    }

    func archivedIssueCount(newsletter: String, language: String) async throws -> Int {
        read {
            $0.digestIssues.values.count {
                $0.newsletter == newsletter && $0.language == language && $0.completedAt != nil
            }
        }
    }

    func archivedIssue(newsletter: String, language: String, period: String) async throws -> DigestIssue? {
        read { state in
            state.digestIssues.values.first {
                $0.newsletter == newsletter && $0.language == language && $0.period == period
                    && $0.completedAt != nil
            }
        }
    }
}
