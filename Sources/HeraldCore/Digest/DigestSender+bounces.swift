import Foundation
import Logging

extension DigestSender {
    /// Records a hard bounce when `failure` says the recipient's server refused them for good.
    /// A failure to record is logged: the delivery's own outcome is already stored.
    func recordBounce(_ failure: MailDeliveryError, to subscriber: Subscriber) async {
        guard let bounces, failure.isRecipientRejection else { return }
        do {
            try await store.transaction { tx in
                try await bounces.recordPermanentFailure(address: subscriber.email, reply: failure.message, in: tx)
            }
        } catch {
            logger.error("could not record a hard bounce", metadata: ["error": "\(error)"])
        }
    }
}
