import Foundation

/// What the suppression list says about a self signup through the web form.
enum SelfSignupAdmission {
    /// Not suppressed.
    case clear
    /// The address had been erased; the person signing up again lifts that (with a consent event).
    case liftedErasure
    /// Suppressed for a bounce, complaint or by an admin: the signup answers as usual but records
    /// and sends nothing.
    case refused
}

extension SubscriptionService {
    /// Checks the suppression list for a self signup and lifts an `erased` entry.
    func admitSelfSignup(_ request: SignupRequest, in tx: any SubscriptionServiceOperations) async throws
        -> SelfSignupAdmission
    {
        guard let entry = try await SuppressionList.entry(canonicalKey: request.email.canonicalKey, in: tx) else {
            return .clear
        }
        guard entry.reason.liftedBySelfSignup else { return .refused }
        try await tx.removeSuppression(addressHash: entry.addressHash)
        return .liftedErasure
    }

    /// Records that this signup lifted the erasure suppression of the person's address.
    func recordLiftedErasure(_ request: SignupRequest, in tx: any SubscriptionServiceOperations, at time: Date)
        async throws
    {
        guard let subscriber = try await tx.subscriber(canonicalKey: request.email.canonicalKey) else {
            throw StoreError.corrupt("the subscriber just signed up cannot be read back")
        }
        try await tx.appendConsent(consent(.suppressionLifted, subscriber, nil, request.origin, time))
    }
}
