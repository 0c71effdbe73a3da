import Foundation

/// What kind of delivery problem a report describes.
public enum BounceKind: String, Sendable, Codable, CaseIterable, Equatable {
    /// The mailbox does not exist or refuses mail for good (SMTP 5xx, DSN status 5.x.x).
    case hard
    /// A passing problem (mailbox full, greylisting; DSN status 4.x.x).
    case soft
    /// The recipient marked a message as spam (an ARF feedback report or a provider's callback).
    case complaint
}

/// Where a bounce report came from.
public enum BounceSource: String, Sendable, Codable, CaseIterable, Equatable {
    /// A permanent SMTP rejection while Herald was sending.
    case smtp
    /// `POST /api/v1/bounces`.
    case api
    /// A delivery status notification fed to `herald bounces ingest`.
    case dsn
    /// An RFC 5965 feedback report fed to `herald bounces ingest`.
    case arf
}

/// One reported bounce or complaint, before it is stored.
public struct BounceReport: Sendable, Equatable {
    /// The address the report is about, as reported (validated when recorded).
    public var address: String
    public var kind: BounceKind
    public var source: BounceSource
    /// The server's reply or the report's diagnostic text (the address itself is removed before storing).
    public var diagnostic: String
    /// When the problem happened (the report's time, else when Herald learned of it).
    public var occurredAt: Date

    public init(address: String, kind: BounceKind, source: BounceSource, diagnostic: String, occurredAt: Date) {
        self.address = address
        self.kind = kind
        self.source = source
        self.diagnostic = diagnostic
        self.occurredAt = occurredAt
    }
}

/// A stored bounce, keyed by a keyed hash of the address (never the address itself).
public struct BounceRecord: Sendable, Equatable {
    /// Store-assigned id; 0 before insertion.
    public var id: Int64
    /// The keyed hash of the canonical address (the suppression list's key).
    public var addressHash: String
    /// The subscriber with this address when the bounce was recorded, if any.
    public var subscriberID: Int64?
    public var kind: BounceKind
    public var source: BounceSource
    public var diagnostic: String
    public var occurredAt: Date
    public var recordedAt: Date

    public init(
        id: Int64 = 0, addressHash: String, subscriberID: Int64?, kind: BounceKind, source: BounceSource,
        diagnostic: String, occurredAt: Date, recordedAt: Date
    ) {
        self.id = id
        self.addressHash = addressHash
        self.subscriberID = subscriberID
        self.kind = kind
        self.source = source
        self.diagnostic = diagnostic
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
    }
}
