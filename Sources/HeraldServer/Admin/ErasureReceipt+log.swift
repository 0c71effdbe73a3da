import HeraldCore
import Logging

extension ErasureReceipt {
    /// Logs why the database could not be rewritten after the erasure, when it could not: the admin
    /// API's answer and the console's notice only say that it was not. Used by both.
    func logFailedRewrite(_ logger: Logger) {
        guard case .failed(let reason) = databaseRewrite else { return }
        logger.error(
            "erasure committed, but the database could not be rewritten; herald serve rewrites it when it stops",
            metadata: ["subscriber": "\(subscriberID)", "error": "\(reason)"])
    }
}
