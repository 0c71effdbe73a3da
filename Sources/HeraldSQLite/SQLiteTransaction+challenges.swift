import Foundation
import HeraldCore

extension SQLiteTransaction {
    func spendChallenge(_ challenge: String, expiresAt: Date, at time: Date) async throws -> Bool {
        try connection.query(Q.forgetExpiredChallenges, [.date(time)])
        try connection.query(Q.spendChallenge, [.text(challenge), .date(expiresAt)])
        return connection.changes == 1
    }
}
