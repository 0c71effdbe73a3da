import Foundation

extension Duration {
    /// The duration in seconds, as a `TimeInterval` (for `Date` arithmetic).
    package var seconds: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
