import Synchronization

/// A bounded, thread-safe memo of the Mustache text `MessageLambda` builds for one catalog message.
///
/// That text is a pure function of the message and of whether the template is HTML, and a digest or
/// a confirmation mail asks for the same few messages for every recipient: building it (escaping,
/// placeholder splitting, tag filtering) was about a quarter of rendering one personalised mail
/// (BENCHMARKS.md, issue #21). Keys compare by UTF-8 bytes, so canonically equivalent spellings of
/// a message are kept apart exactly as they would be built. At `capacity` entries the memo is
/// emptied and refilled, so memory stays bounded whatever catalogs an operator ships.
final class MessageTemplateMemo: Sendable {
    private struct Key: Hashable {
        let message: String
        let html: Bool

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.html == rhs.html && lhs.message.utf8.elementsEqual(rhs.message.utf8)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(html)
            var message = message
            message.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private let entries = Mutex<[Key: String]>([:])
    private let capacity: Int

    /// A memo of at most `capacity` entries.
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// How many templates are held now (at most the capacity).
    var count: Int { entries.withLock { $0.count } }

    /// The memoized text for `message`, building and storing it with `build` on a miss.
    func template(for message: String, html: Bool, build: (String, Bool) -> String) -> String {
        let key = Key(message: message, html: html)
        if let known = entries.withLock({ $0[key] }) { return known }
        let built = build(message, html)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = built
        }
        return built
    }
}
