// swift-tools-version: 6.1
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// How the two shipped executables are linked on Linux (issue #21, target 4; BENCHMARKS.md, "Peak RSS").
/// The toolchain's static-stdlib link exports every symbol of Herald's own objects (`-export-dynamic`),
/// which the loader then reads at every start (3.4 MiB of `.dynsym`, `.dynstr`, `.gnu.hash`); nothing
/// looks Herald's symbols up at run time, so they are not exported. lld (shipped with the toolchain)
/// packs the position-independent executable's 2.9 MiB of relative relocations into a few KiB of RELR
/// (glibc 2.36 or later). Peak RSS of `herald digest send`: 55.2–55.9 → 47.4–47.6 MB.
let leanExecutable: [LinkerSetting] = [
    .unsafeFlags(
        ["-use-ld=lld", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
        .when(platforms: [.linux])
    ),
    // Release builds link the Swift runtime and Foundation statically, as `--static-swift-stdlib` does, but
    // at link time only: the objects are compiled against the shared modules, so one release build serves
    // both the test bundle (swift-testing exists only as a shared library) and the shipped executables
    // (scripts/test builds once). The libraries listed are those the static Foundation modules name and
    // the shared ones do not (swift-autolink-extract of the same imports compiled both ways).
    .unsafeFlags(
        [
            "-static-stdlib", "-lCoreFoundation", "-l_FoundationCShims", "-l_FoundationCollections", "-l_FoundationICU",
            "-l_CFXMLInterface", "-lxml2", "-lswiftSynchronization",
        ],
        .when(platforms: [.linux], configuration: .release)
    ),
]

/// `herald`'s code laid out in the order `herald digest send` first runs it (issue #21, target 4; BENCHMARKS.md,
/// "Peak RSS"): the kernel maps code in whole page-cache folios, so code that runs is kept together and the
/// rest is never mapped. `Linking/herald.order` is lld's symbol-ordering file, made by `scripts/link-order`
/// from a traced run; names it lists that no longer exist are skipped, so a stale file only costs memory.
/// Release builds compile each function into its own section (`scripts/swift-build-release`, which scripts/test,
/// scripts/run, scripts/package and scripts/bench use), so that each function can move on its own.
/// Peak RSS of `herald digest send` at 10,000 subscribers: 47.9–48.6 → 38.9–39.2 MB.
let digestCodeOrder: [LinkerSetting] = [
    .unsafeFlags(
        [
            "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Linking/herald.order",
            "-Xlinker", "--no-warn-symbol-ordering",
        ],
        .when(platforms: [.linux], configuration: .release)
    )
]

let package = Package(
    name: "Herald",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "herald", targets: ["herald"]),
        .executable(name: "herald-serve", targets: ["herald-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        .systemLibrary(name: "CIDN2", pkgConfig: "libidn2", providers: [.apt(["libidn2-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CResolv", providers: [.apt(["libc6-dev"])]),
        .systemLibrary(name: "CMalloc", providers: [.apt(["libc6-dev"])]),
        // Build-time embedding of templates/ and openapi/admin.json (Plugins/, Tools/; see HeraldDefaults).
        .executableTarget(name: "herald-embed", path: "Tools/herald-embed"),
        .plugin(name: "EmbedDefaults", capability: .buildTool(), dependencies: ["herald-embed"]),
        .target(name: "HeraldDefaults", swiftSettings: upcoming, plugins: ["EmbedDefaults"]),
        .target(name: "HeraldDNS", dependencies: ["CResolv"], swiftSettings: upcoming),
        .target(
            name: "HeraldCore",
            dependencies: [
                "CIDN2",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldSQLite",
            dependencies: ["HeraldCore", "CSQLite"],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldPostgres",
            dependencies: [
                "HeraldCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldCurl",
            dependencies: ["CCurl"],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldMail",
            dependencies: [
                "HeraldCore", "HeraldCurl", "HeraldTemplates",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldImport",
            dependencies: ["HeraldCore"],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldWebhooks",
            dependencies: [
                "HeraldCore", "HeraldCurl",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldFeeds",
            dependencies: ["HeraldCore", "HeraldCurl"],
            swiftSettings: upcoming
        ),
        .target(name: "HeraldLocalization", swiftSettings: upcoming),
        .target(
            name: "HeraldTemplates",
            dependencies: [
                "HeraldCore", "HeraldDefaults", "HeraldLocalization", .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldChallenge",
            dependencies: ["HeraldCore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldApp",
            dependencies: [
                "HeraldCore", "HeraldMail", "HeraldTemplates", "HeraldSQLite", "HeraldPostgres", "HeraldFeeds",
                "HeraldWebhooks", "HeraldDNS", "HeraldCurl", "HeraldLocalization",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldServer",
            dependencies: [
                "HeraldApp", "HeraldCore", "HeraldMail", "HeraldTemplates", "HeraldFeeds", "HeraldChallenge",
                "HeraldDefaults", "HeraldImport", "HeraldLocalization",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldCommandLine",
            dependencies: [
                "HeraldApp",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        // `herald`: every command but `serve`, which execs `herald-serve` (the only one linking Hummingbird).
        .executableTarget(
            name: "herald",
            dependencies: [
                "HeraldApp", "HeraldCommandLine", "HeraldCore", "HeraldMail", "HeraldTemplates", "HeraldWebhooks",
                "HeraldImport", "HeraldDNS", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming,
            linkerSettings: leanExecutable + digestCodeOrder
        ),
        .executableTarget(
            name: "herald-serve",
            dependencies: [
                "HeraldApp", "HeraldCommandLine", "HeraldCore", "HeraldServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: upcoming,
            linkerSettings: leanExecutable
        ),
        // Test-only: runs the hand-written parsers for the differential tests (not a product).
        .executableTarget(
            name: "herald-parser-probe",
            dependencies: ["HeraldCore", "HeraldImport", "HeraldFeeds", "HeraldMail"],
            path: "Tests/ParserProbe",
            swiftSettings: upcoming
        ),
        .target(
            name: "HeraldTestSupport",
            dependencies: [
                "HeraldCore", "HeraldSQLite", "HeraldPostgres", "HeraldApp",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/HeraldTestSupport",
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "HeraldCoreTests",
            dependencies: ["HeraldCore", "HeraldTestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: upcoming),
        .testTarget(
            name: "StoreContractTests",
            dependencies: [
                "HeraldCore", "HeraldImport", "HeraldSQLite", "HeraldPostgres", "HeraldTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "HeraldImportTests", dependencies: ["HeraldImport", "HeraldCore"],
            swiftSettings: upcoming),
        .testTarget(
            name: "HeraldChallengeTests",
            dependencies: ["HeraldChallenge", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: upcoming),
        .testTarget(
            name: "HeraldFeedsTests", dependencies: ["HeraldFeeds", "HeraldCurl", "HeraldTestSupport"],
            swiftSettings: upcoming),
        .testTarget(name: "HeraldCurlTests", dependencies: ["HeraldCurl"], swiftSettings: upcoming),
        .testTarget(
            name: "HeraldLocalizationTests", dependencies: ["HeraldLocalization", "HeraldDefaults"],
            swiftSettings: upcoming),
        .testTarget(
            name: "HeraldTemplatesTests",
            dependencies: ["HeraldTemplates", "HeraldDefaults", "HeraldCore", "HeraldLocalization", "HeraldTestSupport"],
            exclude: ["Golden"], swiftSettings: upcoming),
        .testTarget(
            name: "HeraldWebhooksTests",
            dependencies: [
                "HeraldWebhooks", "HeraldCore", "HeraldCurl", "HeraldTestSupport",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "HeraldMailTests",
            dependencies: [
                "HeraldMail", "HeraldCore", "HeraldTestSupport", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming),
        .testTarget(
            name: "HeraldAppTests",
            dependencies: ["HeraldApp", "HeraldCore", "HeraldTestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: upcoming),
        .testTarget(
            name: "HeraldServerTests",
            dependencies: [
                "HeraldServer", "HeraldApp", "HeraldCore", "HeraldTemplates", "HeraldDefaults", "HeraldLocalization",
                "HeraldTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
    ]
)
