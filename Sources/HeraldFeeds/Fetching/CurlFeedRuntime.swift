import CCurl

/// Process-wide libcurl set-up for feed fetching. `curl_global_init` must run before the first
/// easy handle; a static constant runs it exactly once (under `swift_once`). libcurl counts
/// calls, so HeraldMail initialising it too is harmless.
enum CurlFeedRuntime {
    private static let initResult: UInt32 = ccurl_global_init_default().rawValue

    /// Initialises libcurl on first use; whether that succeeded.
    static func initialize() -> Bool {
        initResult == CURLE_OK.rawValue
    }
}
