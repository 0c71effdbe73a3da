import CCurl

/// Process-wide libcurl set-up, shared by every module that makes transfers. `curl_global_init` is
/// not thread-safe and must run once, before any easy handle exists; a lazily initialised static
/// gives exactly that (it runs under `swift_once`).
package enum CurlRuntime {
    private static let initResult: UInt32 = ccurl_global_init_default().rawValue

    /// Initialises libcurl on first call; returns whether it succeeded. Cheap after the first call.
    @discardableResult
    package static func initialize() -> Bool {
        initResult == CURLE_OK.rawValue
    }

    /// The libcurl name and version, e.g. `libcurl/7.88.1`.
    package static var version: String {
        guard let text = curl_version() else { return "libcurl" }
        return String(String(cString: text).split(separator: " ").first ?? "libcurl")
    }
}
