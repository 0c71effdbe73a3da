import Foundation
import HeraldCore

extension PostgresTransaction {
    func spendChallenge(_ challenge: String, expiresAt: Date, at time: Date) async throws -> Bool {
        _ = try await run(Q.forgetExpiredChallenges, [.date(time)])
        return try await run(Q.spendChallenge, [.text(challenge), .date(expiresAt)]).count == 1
    }
}
