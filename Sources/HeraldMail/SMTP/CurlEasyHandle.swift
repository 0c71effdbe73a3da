import CCurl
import HeraldCore

/// Owns one libcurl easy handle and its error buffer. Not thread-safe: used only by its `SMTPConnection`.
final class CurlEasyHandle {
    let raw: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Creates a handle; nil when libcurl cannot allocate one.
    init?() {
        guard let raw = curl_easy_init() else { return nil }
        self.raw = raw
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        _ = ccurl_setopt_pointer(raw, CURLOPT_ERRORBUFFER, errorBuffer)
    }

    deinit {
        curl_easy_cleanup(raw)  // also closes the cached connection, sending QUIT
        errorBuffer.deallocate()
    }

    /// libcurl's detailed message for the last failed transfer, or its generic text for `code`.
    func errorMessage(for code: CURLcode) -> String {
        let detail = String(cString: errorBuffer).trimmingSuffix(while: \.isNewline)
        if !detail.isEmpty { return detail }
        return String(cString: curl_easy_strerror(code))
    }

    func clearError() { errorBuffer[0] = 0 }

    func set(_ option: CURLoption, _ value: Int) throws(MailDeliveryError) {
        try check(ccurl_setopt_long(raw, option, value), option)
    }

    func set(_ option: CURLoption, _ value: String) throws(MailDeliveryError) {
        try check(value.withCString { ccurl_setopt_string(raw, option, $0) }, option)
    }

    func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer?) throws(MailDeliveryError) {
        try check(ccurl_setopt_pointer(raw, option, pointer), option)
    }

    func set(_ option: CURLoption, list: UnsafeMutablePointer<curl_slist>?) throws(MailDeliveryError) {
        try check(ccurl_setopt_slist(raw, option, list), option)
    }

    func set(_ option: CURLoption, size: Int) throws(MailDeliveryError) {
        try check(ccurl_setopt_off_t(raw, option, curl_off_t(size)), option)
    }

    func setReadFunction(_ callback: curl_read_callback) throws(MailDeliveryError) {
        try check(ccurl_setopt_read_callback(raw, callback), CURLOPT_READFUNCTION)
    }

    func setHeaderFunction(_ callback: curl_write_callback) throws(MailDeliveryError) {
        try check(ccurl_setopt_write_callback(raw, CURLOPT_HEADERFUNCTION, callback), CURLOPT_HEADERFUNCTION)
    }

    func info(_ info: CURLINFO) -> Int {
        var value = 0
        return ccurl_getinfo_long(raw, info, &value) == CURLE_OK ? value : 0
    }

    func perform() -> CURLcode {
        clearError()
        return curl_easy_perform(raw)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(MailDeliveryError) {
        guard code != CURLE_OK else { return }
        let text = String(cString: curl_easy_strerror(code))
        throw MailDeliveryError(
            kind: .permanent,
            message: "libcurl \(CurlRuntime.version) rejected option \(option.rawValue): \(text)"
        )
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> String {
        var result = self
        while let last = result.last, predicate(last) { result.removeLast() }
        return result
    }
}
