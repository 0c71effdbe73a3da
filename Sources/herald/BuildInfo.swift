/// What `herald --version` prints: the build configuration of this binary, so a benchmark table
/// (scripts/bench) labels its figures by the binary it actually measured.
enum BuildInfo {
    #if DEBUG
        /// `debug` or `release`.
        static let configuration = "debug"
    #else
        /// `debug` or `release`.
        static let configuration = "release"
    #endif

    /// `herald (release build)`.
    static let version = "herald (\(configuration) build)"
}
