import Foundation

/// The operator's outbox review in memory; a failed row's `nextAttemptAt` is when it failed.
extension InMemoryTransaction {
    func mailNeedingAttention(beforeID: Int64?, limit: Int) async throws -> [OutboxMessage] {
        read { state in
            state.outbox.values
                .filter { message in
                    message.id < (beforeID ?? .max)
                        && ((message.state == .failed && !state.outboxDiscarded.contains(message.id))
                            || (message.state == .pending && message.attempts > 0))
                }
                .sorted { $0.id > $1.id }
                .prefix(limit)
                .map { $0 }
        }
    }

    func retryMail(id: Int64, at now: Date) async throws -> Bool {
        write { state in
            guard var message = state.outbox[id], !state.outboxDiscarded.contains(id),
                message.state == .pending || (message.state == .failed && !message.mail.data.isEmpty)
            else { return false }
            message.state = .pending
            message.attempts = 0
            message.nextAttemptAt = now
            state.outbox[id] = message
            return true
        }
    }

    func discardMail(id: Int64, at time: Date) async throws -> Bool {
        write { state in
            guard var message = state.outbox[id], !state.outboxDiscarded.contains(id),
                message.state == .pending || message.state == .failed
            else { return false }
            message.state = .failed
            message.mail.data = []
            message.nextAttemptAt = time
            state.outbox[id] = message
            state.outboxDiscarded.insert(id)
            return true
        }
    }

    func forgetFailedMail(before cutoff: Date) async throws -> Int {
        write { state in
            let stale = state.outbox.values.filter {
                $0.state == .failed && !$0.mail.data.isEmpty && $0.nextAttemptAt < cutoff
            }
            for message in stale { state.outbox[message.id]?.mail.data = [] }
            return stale.count
        }
    }
}
