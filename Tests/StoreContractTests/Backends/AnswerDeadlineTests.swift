import HeraldCore
import Testing

@testable import HeraldPostgres

/// A PostgreSQL statement that never gets an answer fails as `.unavailable` instead of hanging
/// the caller (the digest run that hung after PostgreSQL terminated its connection).
@Suite("PostgreSQL: unanswered statements")
struct AnswerDeadlineTests {
    @Test func anOperationThatNeverAnswersFailsAsUnavailableAndClosesItsConnection() async throws {
        let closed = LockedBox(false)
        let started = ContinuousClock.now
        await #expect(throws: StoreError.self) {
            try await AnswerDeadline.race(.milliseconds(200), what: "a query") {
                // never resumed
                try await withCheckedThrowingContinuation { (_: CheckedContinuation<Int, any Error>) in }
            } onExpiry: {
                closed.value = true
            }
        }
        // Not a timing test: the bound only tells "the 200 ms deadline fired" from "waited for an
        // answer that never comes"; it is loose because the whole suite starts at once on 2 cores
        // (a loaded machine kept this 200 ms timer from running for 65 s while the suites' CPU-bound
        // set-up held both cooperative threads).
        #expect(ContinuousClock.now - started < .seconds(300))
        #expect(closed.value)
    }

    @Test func anAnswerInTimeIsReturnedAndNothingIsClosed() async throws {
        let closed = LockedBox(false)
        let answer = try await AnswerDeadline.race(.seconds(60), what: "a query") {
            try await Task.sleep(for: .milliseconds(10))
            return 42
        } onExpiry: {
            closed.value = true
        }
        #expect(answer == 42)
        try await Task.sleep(for: .milliseconds(50))
        #expect(!closed.value)
    }

    @Test func cancellingTheCallerEndsTheWaitAtOnceAndClosesTheConnection() async throws {
        let closed = LockedBox(false)
        let started = ContinuousClock.now
        let caller = Task {
            try await AnswerDeadline.race(.seconds(600), what: "a query") {
                // never resumed
                try await withCheckedThrowingContinuation { (_: CheckedContinuation<Int, any Error>) in }
            } onExpiry: {
                closed.value = true
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        caller.cancel()
        await #expect(throws: CancellationError.self) { try await caller.value }
        #expect(
            ContinuousClock.now - started < .seconds(300), "well under the 600 s deadline: the cancellation ended it")
        #expect(closed.value)
    }

    @Test func manyQuickAnswersAllArriveAndCloseNothing() async throws {
        let closed = LockedBox(0)
        let answers = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<2_000 {
                group.addTask {
                    try await AnswerDeadline.race(.seconds(600), what: "a query") {
                        index
                    } onExpiry: {
                        closed.withValue { $0 += 1 }
                    }
                }
            }
            return try await group.reduce(into: Set<Int>()) { $0.insert($1) }
        }
        #expect(answers == Set(0..<2_000))
        #expect(closed.value == 0)
    }

    @Test func anOperationsOwnErrorPassesThrough() async {
        struct Refused: Error {}
        await #expect(throws: Refused.self) {
            try await AnswerDeadline.race(.seconds(5), what: "a query") { () async throws -> Int in
                throw Refused()
            } onExpiry: {
            }
        }
    }
}
