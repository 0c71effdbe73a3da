import Synchronization

/// A bounded, thread-safe memo of mails rendered once per shape (``HoledMail``): the shape is the
/// mail with its per-recipient values left out (site, newsletter, language, expiry), so a server
/// holds one entry per newsletter and language. `nil` is remembered too: a shape whose templates
/// cannot be rendered with holes is rendered per recipient without being tried again.
///
/// At `capacity` entries the oldest is dropped, so memory stays bounded whatever an operator
/// configures; lookups compare shapes one by one, which costs far less than one render at the
/// sizes a newsroom has (a few newsletters times its languages).
final class MailShapeMemo<Shape: Equatable & Sendable>: Sendable {
    private struct Entry: Sendable {
        let shape: Shape
        let mail: HoledMail?
    }

    private let entries = Mutex<[Entry]>([])
    private let capacity: Int

    /// A memo of at most `capacity` shapes.
    init(capacity: Int) {
        self.capacity = max(capacity, 1)
    }

    /// How many shapes are held now (at most the capacity).
    var count: Int { entries.withLock { $0.count } }

    /// The mail rendered with holes for `shape`, made with `make` on a miss.
    func mail(for shape: Shape, make: () -> HoledMail?) -> HoledMail? {
        if let known = entries.withLock({ $0.first { $0.shape == shape } }) { return known.mail }
        let made = make()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeFirst() }
            entries.append(Entry(shape: shape, mail: made))
        }
        return made
    }
}
