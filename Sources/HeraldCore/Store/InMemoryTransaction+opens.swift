import Foundation

/// Open counters of the reference store.
extension InMemoryTransaction {
    func addOpenCounts(_ counts: [OpenCount]) async throws {
        write { state in
            for count in counts where state.digestIssues[count.issueID] != nil {
                let key = InMemoryState.OpenKey(issueID: count.issueID, hour: count.hour)
                var stored = state.openCounts[key] ?? (0, 0)
                stored.opens += count.opens
                stored.filtered += count.filtered
                state.openCounts[key] = stored
            }
        }
    }

    func openCounts(issueID: Int64) async throws -> [OpenCount] {
        read { state in
            state.openCounts.filter { $0.key.issueID == issueID }
                .map {
                    OpenCount(issueID: issueID, hour: $0.key.hour, opens: $0.value.opens, filtered: $0.value.filtered)
                }
                .sorted { $0.hour < $1.hour }
        }
    }
}
