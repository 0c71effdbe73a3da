/// Why a file could not be read as a bounce or complaint report.
public struct DeliveryReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem.
    public enum Code: String, Sendable, Equatable {
        /// Larger than ``DeliveryReportParser/maximumBytes``.
        case tooLarge = "too_large"
        /// Not a `multipart/report` message.
        case notAReport = "not_a_report"
        /// A `multipart/report` without a boundary, or without a delivery-status or feedback-report part.
        case malformed
    }

    public let code: Code
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
