import Foundation
import HeraldCore
import Testing

/// Pagination cursors are opaque, tamper-evident and bound to one listing.
@Suite("Page cursors")
struct PageCursorTests {
    private let codec = PageCursor(secret: "server-secret")

    @Test(arguments: [Int64(0), 1, 42, 9_007_199_254_740_993, .max])
    func roundTrips(_ id: Int64) throws {
        let cursor = codec.encode(id, scope: "subscribers")
        #expect(try codec.decode(cursor, scope: "subscribers") == id)
        #expect(!cursor.contains(String(id)) || id < 10, "the id is not shown in clear")
        #expect(cursor.utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "=") && $0 != UInt8(ascii: "+") })
    }

    @Test func anotherListingOrSecretRefusesIt() {
        let cursor = codec.encode(7, scope: "subscribers")
        #expect(throws: PageCursor.Invalid.self) { try codec.decode(cursor, scope: "audit") }
        #expect(throws: PageCursor.Invalid.self) {
            try PageCursor(secret: "other-secret").decode(cursor, scope: "subscribers")
        }
    }

    @Test func tamperedAndMalformedCursorsAreRefused() {
        let cursor = codec.encode(7, scope: "subscribers")
        let parts = cursor.split(separator: ".").map(String.init)
        let forgedPayload = Data("8".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
        var flipped = Array(parts[1])
        flipped[0] = flipped[0] == "A" ? "B" : "A"
        for bad in [
            "", ".", "..", "garbage", cursor + "x", cursor + ".", forgedPayload + "." + parts[1],
            parts[0] + "." + String(flipped), parts[0], "\(parts[0]).\(parts[1])==", String(repeating: "A", count: 500),
            "<script>.x", "Jw.Jw", "%00.%00",
        ] {
            #expect(throws: PageCursor.Invalid.self, "\(bad)") { try codec.decode(bad, scope: "subscribers") }
        }
    }

    @Test func negativePositionsAreRefusedEvenWhenSigned() {
        let cursor = codec.encode(-5, scope: "subscribers")
        #expect(throws: PageCursor.Invalid.self) { try codec.decode(cursor, scope: "subscribers") }
    }
}
