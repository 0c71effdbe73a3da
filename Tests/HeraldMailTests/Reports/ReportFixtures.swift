import Foundation
import HeraldCore
import HeraldMail

/// The report fixtures in `Tests/fixtures/reports` (shared with the end-to-end tests).
enum ReportFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/reports")

    static let received = Date(timeIntervalSince1970: 1_750_000_000)

    static func bytes(_ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) ?? Data())
    }

    /// The fixture with LF line endings turned into CRLF.
    static func crlf(_ name: String) -> [UInt8] {
        var out: [UInt8] = []
        for byte in bytes(name) {
            if byte == 0x0A { out.append(0x0D) }
            out.append(byte)
        }
        return out
    }

    static func parse(_ bytes: [UInt8]) throws -> DeliveryReport {
        try DeliveryReportParser.parse(bytes, receivedAt: received)
    }
}
