import Foundation
import Testing

/// Keeps the contract suite organised per operations protocol: every `…Operations` protocol
/// declared in `Sources/HeraldCore/Store/` has `Operations/<Protocol>ContractTests.swift`, run
/// against every backend (`@Test(arguments: StoreBackend.all)`).
@Suite("Store contract: every operations protocol has its suite")
struct OperationsCoverageTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let storeFolder = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/HeraldCore/Store")

    /// Names of the public `…Operations` protocols in the store folder.
    static func declaredProtocols() throws -> [String] {
        let files = try FileManager.default.contentsOfDirectory(atPath: storeFolder.path).filter {
            $0.hasSuffix(".swift")
        }
        let pattern = try Regex(#"public protocol (\w+Operations)\b"#)
        var names: [String] = []
        for file in files {
            let text = try String(contentsOf: storeFolder.appendingPathComponent(file), encoding: .utf8)
            names += text.matches(of: pattern).compactMap { $0.output[1].substring.map(String.init) }
        }
        return names.sorted()
    }

    @Test func everyOperationsProtocolHasAContractSuiteRunAgainstEveryBackend() throws {
        let protocols = try Self.declaredProtocols()
        #expect(protocols.count >= 17, "found only \(protocols)")
        for name in protocols {
            let suite = Self.testsFolder.appendingPathComponent("Operations/\(name)ContractTests.swift")
            let text = try? String(contentsOf: suite, encoding: .utf8)
            #expect(text != nil, "\(name) has no Tests/StoreContractTests/Operations/\(name)ContractTests.swift")
            #expect(
                text?.contains("@Test(arguments: StoreBackend.all)") == true,
                "\(name)ContractTests runs no test against every backend")
        }
    }

    @Test func theCompositeTransactionIsExactlyTheDeclaredProtocols() throws {
        let text = try String(
            contentsOf: Self.storeFolder.appendingPathComponent("SubscriberStore.swift"), encoding: .utf8)
        let start = try #require(text.range(of: "public protocol StoreTransaction:"))
        let end = try #require(text.range(of: "{", range: start.upperBound..<text.endIndex))
        let refined = text[start.upperBound..<end.lowerBound].split(whereSeparator: { ",\n ".contains($0) })
            .map(String.init).filter { $0.hasSuffix("Operations") }
        #expect(refined.sorted() == (try Self.declaredProtocols()))
    }
}
