import CCurl

/// A libcurl easy handle and the state its callbacks fill in for one download. Confined to the
/// thread that creates it.
final class CurlFeedTransfer {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let maximumBytes: Int

    private(set) var body: [UInt8] = []
    private(set) var response = HTTPResponseHead()
    /// Set when the write callback stopped the transfer because the body grew past the limit.
    private(set) var exceededLimit = false

    init?(maximumBytes: Int) {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        self.maximumBytes = maximumBytes
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Performs `request` and interprets the outcome.
    func run(_ request: CurlFeedRequest) -> Result<FeedFetchResult, FeedError> {
        do throws(FeedError) {
            try configure(for: request)
        } catch {
            return .failure(error)
        }
        let code = curl_easy_perform(handle)
        return CurlFeedOutcome(request: request, transfer: self, code: code).result
    }

    /// libcurl's message for the last failure: its detailed error buffer, else the generic text.
    func errorMessage(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer).trimmingHTMLWhitespace
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    /// The final HTTP status code, 0 when there was no response.
    var statusCode: Int {
        var value = 0
        return ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &value) == CURLE_OK ? value : 0
    }

    /// The URL of the last request made, after redirects.
    var effectiveURL: String? {
        var pointer: UnsafeMutablePointer<CChar>?
        guard ccurl_getinfo_string(handle, CURLINFO_EFFECTIVE_URL, &pointer) == CURLE_OK, let pointer else {
            return nil
        }
        return String(cString: pointer)
    }

    private func configure(for request: CurlFeedRequest) throws(FeedError) {
        for header in request.headers { headerList = curl_slist_append(headerList, header) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        try check(ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "ERRORBUFFER")
        try check(request.url.withCString { ccurl_setopt_string(handle, CURLOPT_URL, $0) }, "URL")
        try check("http,https".withCString { ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, $0) }, "PROTOCOLS_STR")
        try check(
            "http,https".withCString { ccurl_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, $0) },
            "REDIR_PROTOCOLS_STR")
        try check(ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1), "FOLLOWLOCATION")
        try check(ccurl_setopt_long(handle, CURLOPT_MAXREDIRS, request.maximumRedirects), "MAXREDIRS")
        try check(
            ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeoutMilliseconds),
            "CONNECTTIMEOUT_MS")
        try check(ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, request.timeoutMilliseconds), "TIMEOUT_MS")
        try check(ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        try check(request.userAgent.withCString { ccurl_setopt_string(handle, CURLOPT_USERAGENT, $0) }, "USERAGENT")
        try check("".withCString { ccurl_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, $0) }, "ACCEPT_ENCODING")
        try check(ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "HTTPHEADER")
        try check(
            ccurl_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maximumBytes)), "MAXFILESIZE")
        try check(ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, Self.writeCallback), "WRITEFUNCTION")
        try check(ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "WRITEDATA")
        try check(ccurl_setopt_write_callback(handle, CURLOPT_HEADERFUNCTION, Self.headerCallback), "HEADERFUNCTION")
        try check(ccurl_setopt_pointer(handle, CURLOPT_HEADERDATA, context), "HEADERDATA")
    }

    private func check(_ code: CURLcode, _ option: String) throws(FeedError) {
        guard code != CURLE_OK else { return }
        let version = curl_version().map { String(cString: $0) } ?? "libcurl"
        throw FeedError(
            .network, "\(version) rejected option CURLOPT_\(option): \(String(cString: curl_easy_strerror(code)))")
    }

    /// Appends body bytes; returns 0 (abort) once the body would pass the limit.
    private func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard body.count + bytes.count <= maximumBytes else {
            exceededLimit = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    private static let writeCallback: curl_write_callback = { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let transfer = Unmanaged<CurlFeedTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.receive(UnsafeRawBufferPointer(start: buffer, count: size * count)) ? size * count : 0
    }

    private static let headerCallback: curl_write_callback = { buffer, size, count, context in
        guard let buffer, let context else { return size * count }
        let transfer = Unmanaged<CurlFeedTransfer>.fromOpaque(context).takeUnretainedValue()
        transfer.response.consume(
            String(decoding: UnsafeRawBufferPointer(start: buffer, count: size * count), as: UTF8.self))
        return size * count
    }
}
