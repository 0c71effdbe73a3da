// swift-tools-version: 6.1
// libFuzzer harnesses for Herald's parsers. A separate package so that normal builds are
// unaffected: it compiles only the code under test (symlinked from ../Sources, see
// Fuzz/README.md) with `-sanitize=fuzzer,address`, and none of Hummingbird, NIO or the stores.
// Build and run with `scripts/fuzz`.
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]
/// The modules under test also export their internal types to the harnesses (`@testable import`),
/// which drive internal pieces such as `ImportRecordSink` and `ReportLines` directly.
let testable: [SwiftSetting] = upcoming + [.unsafeFlags(["-enable-testing"])]

/// One executable per harness; its `@main` hands its test function to libFuzzer (`FuzzDriver`).
func harness(_ name: String, _ dependencies: [Target.Dependency]) -> Target {
    .executableTarget(
        name: name, dependencies: ["FuzzDriver"] + dependencies, path: "Harnesses/\(name)", swiftSettings: upcoming)
}

let package = Package(
    name: "HeraldFuzz",
    targets: [
        .target(name: "FuzzDriver", path: "Sources/FuzzDriver", swiftSettings: upcoming),
        .systemLibrary(name: "CIDN2", path: "Sources/CIDN2", pkgConfig: "libidn2"),
        // The same module names as in the main package, so the symlinked sources compile unchanged.
        .target(name: "HeraldCore", dependencies: ["CIDN2"], path: "Sources/HeraldCore", swiftSettings: testable),
        .target(name: "HeraldMail", dependencies: ["HeraldCore"], path: "Sources/HeraldMail", swiftSettings: testable),
        .target(
            name: "HeraldImport", dependencies: ["HeraldCore"], path: "Sources/HeraldImport", swiftSettings: testable),
        .target(name: "HeraldFeeds", path: "Sources/HeraldFeeds", swiftSettings: upcoming),
        harness("fuzz-email", ["HeraldCore"]),
        // POST /subscribe body decoding: its harness directory holds symlinks to the (internal) decoders.
        harness("fuzz-signup-body", []),
        harness("fuzz-feed", ["HeraldFeeds"]),
        harness("fuzz-mime", ["HeraldMail", "HeraldCore"]),
        harness("fuzz-csv", ["HeraldImport"]),
        harness("fuzz-import", ["HeraldImport", "HeraldCore"]),
        harness("fuzz-dsn", ["HeraldMail", "HeraldCore"]),
    ]
)
