import Foundation
import HeraldCore
import Hummingbird

/// `POST /api/v1/bounces`: bounce and complaint reports from a mail provider's webhook or a
/// script. Every report is attributed (by the VERP tag of `sent_to` first, then by `email`),
/// stored and applied (suppressions) in one transaction with an audit entry; the answer lists each
/// report's outcome in order.
struct BounceReportsController: Sendable {
    let intake: BounceReportIntake
    let verp: VERPSigner?
    let maxBodyBytes: Int
    let now: @Sendable () -> Date

    func register(on group: RouterGroup<HeraldRequestContext>) {
        group.post("/bounces") { request, context in try await receive(request, actor: context.actor) }
    }

    private func receive(_ request: Request, actor: String) async throws -> Response {
        let body = try await AdminRequestBody.read(request, limit: maxBodyBytes, allowed: ["reports"])
        let messages = try BounceReportInput.reports(body, now: now())
        let attributions = try await intake.receive(messages, signer: verp, actor: actor)
        return AdminJSON.response(BounceReportsView(attributions))
    }
}

/// `{"recorded": N, "forged_tags": N, "results": [{"outcome", "reason"?, "attributed_by"?}]}`.
struct BounceReportsView: Encodable {
    struct Result: Encodable {
        let outcome: String
        let reason: String?
        /// `tag` when the VERP tag of `sent_to` named the recipient, `email` when the report's own address did.
        let attributedBy: String?

        enum CodingKeys: String, CodingKey {
            case outcome, reason
            case attributedBy = "attributed_by"
        }
    }

    let recorded: Int
    let forgedTags: Int
    let results: [Result]

    enum CodingKeys: String, CodingKey {
        case recorded, results
        case forgedTags = "forged_tags"
    }

    init(_ attributions: [BounceAttribution]) {
        results = attributions.map { attribution in
            let by: String = if case .attributed = attribution.tag { "tag" } else { "email" }
            guard let outcome = attribution.outcomes.first else {
                return Result(outcome: "unattributed", reason: nil, attributedBy: nil)
            }
            switch outcome {
            case .suppressed(let reason):
                return Result(outcome: "suppressed", reason: reason.rawValue, attributedBy: by)
            case .alreadySuppressed(let reason):
                return Result(outcome: "already_suppressed", reason: reason.rawValue, attributedBy: by)
            case .recorded: return Result(outcome: "recorded", reason: nil, attributedBy: by)
            case .duplicate: return Result(outcome: "duplicate", reason: nil, attributedBy: by)
            case .invalidAddress: return Result(outcome: "invalid_address", reason: nil, attributedBy: by)
            }
        }
        recorded = results.filter { ["suppressed", "already_suppressed", "recorded"].contains($0.outcome) }.count
        forgedTags = attributions.filter { $0.tag == .forged }.count
    }

}
