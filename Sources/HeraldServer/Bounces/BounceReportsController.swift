import Foundation
import HeraldCore
import Hummingbird

/// `POST /api/v1/bounces`: bounce and complaint reports from a mail provider's webhook or a
/// script. Every report is stored and applied (suppressions) in one transaction with an audit
/// entry; the answer lists each report's outcome in order.
struct BounceReportsController: Sendable {
    let store: any SubscriberStore
    let service: BounceService
    let maxBodyBytes: Int
    let now: @Sendable () -> Date

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.post("/bounces") { request, context in try await receive(request, actor: context.actor) }
    }

    private func receive(_ request: Request, actor: String) async throws -> Response {
        let body = try await AdminRequestBody.read(request, limit: maxBodyBytes, allowed: ["reports"])
        let time = now()
        let reports = try BounceReportInput.reports(body, now: time)
        let outcomes = try await store.transaction { [service] tx in
            var outcomes: [BounceOutcome] = []
            for report in reports { outcomes.append(try await service.record(report, in: tx)) }
            let suppressed = outcomes.filter { if case .suppressed = $0 { true } else { false } }.count
            _ = try await tx.appendAudit(
                NewAuditEntry(
                    actor: actor, action: "bounces.report", target: nil,
                    detailJSON: AuditDetail.json(["reports": "\(reports.count)", "suppressed": "\(suppressed)"]),
                    occurredAt: time))
            return outcomes
        }
        return AdminJSON.response(BounceReportsView(outcomes))
    }
}

/// `{"recorded": N, "results": [{"outcome": "suppressed|already_suppressed|recorded|duplicate", "reason"?}]}`.
struct BounceReportsView: Encodable {
    struct Result: Encodable {
        let outcome: String
        let reason: String?
    }

    let recorded: Int
    let results: [Result]

    init(_ outcomes: [BounceOutcome]) {
        results = outcomes.map { outcome in
            switch outcome {
            case .suppressed(let reason): Result(outcome: "suppressed", reason: reason.rawValue)
            case .alreadySuppressed(let reason): Result(outcome: "already_suppressed", reason: reason.rawValue)
            case .recorded: Result(outcome: "recorded", reason: nil)
            case .duplicate: Result(outcome: "duplicate", reason: nil)
            case .invalidAddress: Result(outcome: "invalid_address", reason: nil)
            }
        }
        recorded = results.filter { ["suppressed", "already_suppressed", "recorded"].contains($0.outcome) }.count
    }
}
