import Synchronization

/// The header fields that are the same in every copy of a newsletter issue (From, Subject,
/// MIME-Version, Content-Language, List-Id and List-Unsubscribe-Post), validated and folded once.
///
/// Each is a pure function of the values in ``Key``, so a copy whose values equal the key's gets
/// the very bytes it would have got by rendering them again.
struct FixedHeaderFields: Sendable {
    /// The message values the fields are made from.
    struct Key: Hashable, Sendable {
        var from: Mailbox
        var subject: String
        var language: String?
        var listTitle: String?
        var listID: String?
        var oneClickUnsubscribe: Bool

        init(_ message: MailMessage) {
            from = message.from
            subject = message.subject
            language = message.language
            listTitle = message.list?.title
            listID = message.list?.id
            oneClickUnsubscribe = message.list?.oneClickUnsubscribe ?? false
        }
    }

    let key: Key
    let from: String
    let subject: String
    let contentLanguage: String?
    let listID: String?
    let listUnsubscribePost: String?
}

/// Remembers the fixed header fields of the last message assembled, so the copies of one issue
/// validate and fold them once. Shared by copies of a `MessageAssembler`; safe across threads.
final class FixedHeaderMemo: Sendable {
    private let last = Mutex<FixedHeaderFields?>(nil)

    /// The fields for `message`'s values: remembered ones when the values are the same, otherwise
    /// made by `make` (which validates the whole message) and remembered.
    func fields(
        for message: MailMessage, make: (FixedHeaderFields.Key) throws(MessageAssemblyError) -> FixedHeaderFields
    ) throws(MessageAssemblyError) -> (fields: FixedHeaderFields, remembered: Bool) {
        let key = FixedHeaderFields.Key(message)
        if let known = last.withLock({ $0 }), known.key == key { return (known, true) }
        let fields = try make(key)
        last.withLock { $0 = fields }
        return (fields, false)
    }
}
