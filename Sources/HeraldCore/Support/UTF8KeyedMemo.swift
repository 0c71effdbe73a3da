import Synchronization

/// A bounded, thread-safe memo of a pure function of a string, keyed by the string's UTF-8 bytes.
///
/// Used where a result costs far more to compute than to look up and inputs repeat: libidn2's
/// conversions of a list's domains (``EmailIDNA``), and the Mustache text the templates' catalog
/// lambda builds from a message. Answering from the memo gives exactly what computing gives, because
/// the function is pure and keys that differ in any byte are kept apart. At `capacity` entries the
/// memo is emptied and refilled, so memory stays bounded whatever the input.
package final class UTF8KeyedMemo<Value: Sendable>: Sendable {
    /// The input, compared and hashed by its UTF-8 bytes: `String`'s own equality treats
    /// canonically equivalent spellings as equal, which the memoized function need not do.
    private struct Key: Hashable {
        let text: String

        static func == (lhs: Key, rhs: Key) -> Bool {
            // Over contiguous bytes: `utf8.elementsEqual` walks both views one generic step at a time.
            guard lhs.text.utf8.count == rhs.text.utf8.count else { return false }
            var left = lhs.text
            var right = rhs.text
            // Byte by byte: `elementsEqual` on the buffers steps generically, several times slower.
            return left.withUTF8 { left in right.withUTF8 { right in left.indices.allSatisfy { left[$0] == right[$0] } }
            }
        }

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
