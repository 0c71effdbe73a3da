import Foundation
import Logging

/// One bounce message to record: what its report names, and where it was delivered.
public struct BounceMessage: Sendable, Equatable {
    /// Failures the report attributes to a recipient (`Original-Recipient`, `Final-Recipient`, or the API's `email`).
    public var named: [BounceReport]
    /// Failures that name no usable recipient; recorded only when a tag says whose they are.
    public var unnamed: [BounceReport]
    /// Addresses the bounce was delivered to (the VERP envelope sender of the original message).
    public var sentTo: [String]

    public init(named: [BounceReport], unnamed: [BounceReport] = [], sentTo: [String] = []) {
        self.named = named
        self.unnamed = unnamed
        self.sentTo = sentTo
    }
}

/// What the tag of a bounce's address contributed.
public enum BounceTagUse: Sendable, Equatable {
    /// No tag (or VERP not configured): the report's own recipients count.
    case untagged
    /// A valid tag named the recipient; every failure in the message is theirs.
    case attributed(BounceTag)
    /// A valid tag whose message is no longer known (outbox row or subscriber deleted).
    case unknownMessage(BounceTag)
    /// A tag that does not check: ignored (and counted); the report's own recipients count.
    case forged
}

/// The failures attributed and recorded for one ``BounceMessage``.
public struct BounceAttribution: Sendable, Equatable {
    public var tag: BounceTagUse
    /// The reports as recorded (addresses from the tag when it checked).
    public var reports: [BounceReport]
    /// One outcome per report.
    public var outcomes: [BounceOutcome]
}

extension BounceService {
    /// Attributes and records one bounce message in one transaction: by the tag of the address it
    /// was sent to first (``VERPSigner``), else by the recipients the report names. A forged tag
    /// changes nothing and is reported to `onForgedTag`.
    public func record(_ message: BounceMessage, signer: VERPSigner?) async throws -> BounceAttribution {
        try await store.transaction { [self] tx in try await record(message, signer: signer, in: tx) }
    }

    /// ``record(_:signer:)`` inside the caller's transaction.
    public func record(_ message: BounceMessage, signer: VERPSigner?, in tx: any BounceRecordingOperations) async throws
        -> BounceAttribution
    {
        let use = try await tagUse(message.sentTo, signer: signer, in: tx)
        var reports = message.named
        switch use.tag {
        case .attributed:
            if let address = use.address {
                reports = (message.named + message.unnamed).map { report in
                    var report = report
                    report.address = address
                    return report
                }
            }
        case .forged:
            logger.warning("a bounce carried a forged VERP tag; ignored the tag")
            onForgedTag()
        case .untagged, .unknownMessage:
            break
        }
        var outcomes: [BounceOutcome] = []
        for report in reports { outcomes.append(try await record(report, in: tx)) }
        return BounceAttribution(tag: use.tag, reports: reports, outcomes: outcomes)
    }

    private func tagUse(_ sentTo: [String], signer: VERPSigner?, in tx: any BounceRecordingOperations) async throws
        -> (tag: BounceTagUse, address: String?)
    {
        guard let signer else { return (.untagged, nil) }
        var sawForged = false
        for address in sentTo {
            switch signer.lookup(address) {
            case .untagged: continue
            case .forged: sawForged = true
            case .tagged(let tag):
                guard let recipient = try await recipient(of: tag, in: tx) else { return (.unknownMessage(tag), nil) }
                return (.attributed(tag), recipient)
            }
        }
        return (sawForged ? .forged : .untagged, nil)
    }

    /// The address the message tagged `tag` was sent to; nil when Herald no longer knows it.
    func recipient(of tag: BounceTag, in tx: any BounceRecordingOperations) async throws -> String? {
        switch tag {
        case .outbox(let id):
            guard let message = try await tx.outboxMessage(id: id), message.mail.recipients.count == 1 else {
                return nil
            }
            return message.mail.recipients[0]
        case .digest(_, let subscriberID):
            return try await tx.subscriber(id: subscriberID)?.smtpAddress
        }
    }
}
