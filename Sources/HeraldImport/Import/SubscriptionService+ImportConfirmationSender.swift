import HeraldCore

/// The signup flow queues an import's confirmations (``SubscriptionService/queueImportConfirmation(subscriberID:newsletters:in:at:)``).
extension SubscriptionService: ImportConfirmationSender {}
