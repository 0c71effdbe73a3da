import Foundation
import HeraldCore
import HeraldMail
import Testing

/// Builds configurations and mail for the tests that talk to `SMTPTestServer`.
enum SMTPTesting {
    static func configuration(
        _ server: SMTPTestServer,
        starttls: StartTLSPolicy = .never,
        username: String? = nil,
        password: String? = nil,
        caFile: String? = nil
    ) throws -> SMTPConfiguration {
        try SMTPConfiguration(
            url: "smtp://127.0.0.1:\(server.port)?starttls=\(starttls.rawValue)",
            username: username, password: password, caFile: caFile,
            connectTimeout: .seconds(5), totalTimeout: .seconds(20), ehloName: "herald.test"
        )
    }

    static func mail(to recipient: String = "reader@example.org", number: Int = 1) throws -> OutgoingMail {
        try MessageAssembler().assemble(Fixtures.simple(to: recipient, number: number))
    }

    /// Runs `body` and returns the `MailDeliveryError` it must throw.
    static func deliveryError(
        _ body: () async throws(MailDeliveryError) -> MailReceipt,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async -> MailDeliveryError? {
        do {
            let receipt = try await body()
            Issue.record("expected a delivery error, got \(receipt)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }
}
