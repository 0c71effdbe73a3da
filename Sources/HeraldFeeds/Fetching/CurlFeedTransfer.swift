import HeraldCurl

/// A libcurl easy handle and the state its callbacks fill in for one download. Confined to the
/// thread that creates it.
final class CurlFeedTransfer {
    private let handle: CurlEasyHandle
    private let maximumBytes: Int

    private(set) var body: [UInt8] = []
    private(set) var response = HTTPResponseHead()
    /// Set when the write callback stopped the transfer because the body grew past the limit.
    private(set) var exceededLimit = false

    init?(maximumBytes: Int) {
        guard let handle = CurlEasyHandle() else { return nil }
        self.handle = handle
        self.maximumBytes = maximumBytes
    }

    /// Performs `request` and interprets the outcome.
    func run(_ request: CurlFeedRequest) -> Result<FeedFetchResult, FeedError> {
        do {
            try configure(for: request)
        } catch {
            return .failure(FeedError(.network, error.message))
        }
        let code = handle.perform()
        return CurlFeedOutcome(request: request, transfer: self, code: code).result
    }

    /// libcurl's message for the last failure: its detailed error buffer, else the generic text.
    func errorMessage(for code: CURLcode) -> String {
        handle.errorMessage(for: code).trimmingHTMLWhitespace
    }

    /// The final HTTP status code, 0 when there was no response.
    var statusCode: Int { handle.info(CURLINFO_RESPONSE_CODE) }

    /// Why the address guard refused a connection, if it did.
    var addressRefusal: String? { handle.addressRefusal }

    /// The URL of the last request made, after redirects.
    var effectiveURL: String? { handle.info(string: CURLINFO_EFFECTIVE_URL) }

    private func configure(for request: CurlFeedRequest) throws(CurlOptionError) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        try handle.set(CURLOPT_URL, request.url)
        try handle.allowOnlyHTTP()
        try handle.restrictAddresses(to: request.addressPolicy)
        try handle.set(CURLOPT_FOLLOWLOCATION, 1)
        try handle.set(CURLOPT_MAXREDIRS, request.maximumRedirects)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeoutMilliseconds)
        try handle.set(CURLOPT_TIMEOUT_MS, request.timeoutMilliseconds)
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_USERAGENT, request.userAgent)
        try handle.set(CURLOPT_ACCEPT_ENCODING, "")
        try handle.setHTTPHeaders(request.headers)
        try handle.set(CURLOPT_MAXFILESIZE_LARGE, size: request.maximumBytes)
        try handle.set(CURLOPT_WRITEFUNCTION, callback: Self.writeCallback)
        try handle.set(CURLOPT_WRITEDATA, pointer: context)
        try handle.set(CURLOPT_HEADERFUNCTION, callback: Self.headerCallback)
        try handle.set(CURLOPT_HEADERDATA, pointer: context)
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
