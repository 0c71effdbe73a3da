import Synchronization

/// A bounded, thread-safe memo of one libidn2 conversion, keyed by its input.
///
/// The conversions are pure functions of their input, so answering from the memo gives exactly
/// what libidn2 would. Real lists repeat their domains (one internationalized domain typically
/// serves many subscribers), and a libidn2 call costs tens of thousands of instructions against
/// about a thousand for validating a whole ASCII address. At `capacity` entries the memo is
/// emptied and refilled, so memory stays bounded whatever the input.
package final class EmailIDNAMemo<Value: Sendable>: Sendable {
    /// The input, compared and hashed by its UTF-8 bytes: `String`'s own equality treats
    /// canonically equivalent spellings as equal, which libidn2's conversions need not do.
    private struct Key: Hashable {
        let text: String

        static func == (lhs: Key, rhs: Key) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }

    private let entries = Mutex<[Key: Value]>([:])
    private let capacity: Int

    /// A memo of at most `capacity` entries.
    package init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// How many results are held now (at most the capacity).
    package var count: Int { entries.withLock { $0.count } }

    /// The memoized result for `key`, computing and storing it with `convert` on a miss.
    package func value(for key: String, convert: (String) -> Value) -> Value {
        let memoKey = Key(text: key)
        if let known = entries.withLock({ $0[memoKey] }) { return known }
        let converted = convert(key)
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[memoKey] = converted
        }
        return converted
    }
}
