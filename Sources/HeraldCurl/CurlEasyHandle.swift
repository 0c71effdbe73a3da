import CCurl

/// Owns one libcurl easy handle, its error buffer and its list of HTTP request headers.
///
/// Not thread-safe: used only by the one object that performs its transfers. Each `set` call checks
/// libcurl's answer and throws `CurlOptionError` when the option is refused.
package final class CurlEasyHandle {
    /// The handle, for options this type has no typed setter for.
    package let raw: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// The address guard of ``restrictAddresses(to:)``, kept alive as long as the handle.
    var addressGuard: AnyObject?

    /// Creates a handle that reports failures into its own error buffer; nil when libcurl cannot
    /// allocate one.
    package init?() {
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        _ = ccurl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(raw)  // also closes a cached connection (an SMTP one sends QUIT)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// libcurl's detailed message for the last failed transfer, or its generic text for `code`.
    package func errorMessage(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer).trimmingTrailingWhitespace
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    /// Runs the transfer with the options set so far.
    package func perform() -> CURLcode {
        errorBuffer[0] = 0
        return curl_easy_perform(raw)
    }

    /// A `long` value of `info`; 0 when libcurl has none.
    package func info(_ info: CURLINFO) -> Int {
        var value = 0
        return ccurl_getinfo_long(raw, info, &value) == CURLE_OK ? value : 0
    }

    /// A string value of `info`; nil when libcurl has none.
    package func info(string info: CURLINFO) -> String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard ccurl_getinfo_string(raw, info, &pointer) == CURLE_OK, let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Sets a `long` option.
    package func set(_ option: CURLoption, _ value: Int) throws(CurlOptionError) {
        try check(ccurl_setopt_long(raw, option, value), option)
    }

    /// Sets a string option (libcurl copies the string).
    package func set(_ option: CURLoption, _ value: String) throws(CurlOptionError) {
        try check(value.withCString { ccurl_setopt_string(raw, option, $0) }, option)
    }

    /// Sets a pointer option, such as the context a callback receives.
    package func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(CurlOptionError) {
        try check(ccurl_setopt_pointer(raw, option, pointer), option)
    }

    /// Sets a list option; the caller keeps the list alive until the handle no longer uses it.
    package func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) throws(CurlOptionError) {
        try check(ccurl_setopt_slist(raw, option, list), option)
    }

    /// Sets a `curl_off_t` option, such as a size limit.
    package func set(_ option: CURLoption, size: Int) throws(CurlOptionError) {
        try check(ccurl_setopt_off_t(raw, option, curl_off_t(size)), option)
    }

    /// Sets `CURLOPT_WRITEFUNCTION` or `CURLOPT_HEADERFUNCTION`.
    package func set(_ option: CURLoption, callback: curl_write_callback) throws(CurlOptionError) {
        try check(ccurl_setopt_write_callback(raw, option, callback), option)
    }

    /// Sets `CURLOPT_READFUNCTION`.
    package func setReadFunction(_ callback: curl_read_callback) throws(CurlOptionError) {
        try check(ccurl_setopt_read_callback(raw, callback), CURLOPT_READFUNCTION)
    }

    /// Sends `headers` (`Name: value` lines) with the request; the handle keeps the list alive.
    package func setHTTPHeaders(_ headers: [String]) throws(CurlOptionError) {
        curl_slist_free_all(headerList)
        headerList = nil
        for header in headers { headerList = curl_slist_append(headerList, header) }
        try set(CURLOPT_HTTPHEADER, list: headerList)
    }

    /// Makes the request a POST of `body`, which libcurl copies at once.
    package func setPostBody(_ body: [UInt8]) throws(CurlOptionError) {
        try set(CURLOPT_POSTFIELDSIZE, body.count)
        // An empty array has no storage: one byte, of which none is copied, stands in for it.
        let code = (body.isEmpty ? [0] : body).withUnsafeBytes {
            ccurl_setopt_pointer(raw, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: $0.baseAddress))
        }
        try check(code, CURLOPT_COPYPOSTFIELDS)
    }

    /// Limits the transfer to http and https, also after redirects.
    package func allowOnlyHTTP() throws(CurlOptionError) {
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(CurlOptionError) {
        guard code != CURLE_OK else { return }
        throw CurlOptionError(option: option, code: code)
    }
}

extension String {
    fileprivate var trimmingTrailingWhitespace: String {
        var result = Substring(self)
        while let last = result.last, last.isWhitespace { result.removeLast() }
        return String(result)
    }
}
