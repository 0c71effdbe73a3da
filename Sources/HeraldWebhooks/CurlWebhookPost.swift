import CCurl
import Foundation

/// One libcurl easy handle performing one POST; confined to the thread that creates it.
final class CurlWebhookPost {
    /// How much of the response body is kept for the delivery row.
    static let excerptBytes = 200

    private let handle: UnsafeMutableRawPointer
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private var excerpt: [UInt8] = []

    init?() {
        guard let handle = curl_easy_init() else { return nil }
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    func perform(_ request: WebhookRequest, timeoutMs: Int, connectTimeoutMs: Int) -> WebhookResponse {
        for header in request.headers + ["Expect:"] { headerList = curl_slist_append(headerList, header) }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let codes: [(CURLcode, String)] = [
            (ccurl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "ERRORBUFFER"),
            (request.url.withCString { ccurl_setopt_string(handle, CURLOPT_URL, $0) }, "URL"),
            ("http,https".withCString { ccurl_setopt_string(handle, CURLOPT_PROTOCOLS_STR, $0) }, "PROTOCOLS_STR"),
            (ccurl_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0), "FOLLOWLOCATION"),
            (ccurl_setopt_long(handle, CURLOPT_TIMEOUT_MS, timeoutMs), "TIMEOUT_MS"),
            (ccurl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMs), "CONNECTTIMEOUT_MS"),
            (ccurl_setopt_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL"),
            (ccurl_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList), "HTTPHEADER"),
            (ccurl_setopt_long(handle, CURLOPT_POSTFIELDSIZE, request.body.count), "POSTFIELDSIZE"),
            (
                request.body.withUnsafeBytes {
                    ccurl_setopt_pointer(
                        handle, CURLOPT_COPYPOSTFIELDS,
                        UnsafeMutableRawPointer(mutating: $0.baseAddress ?? UnsafeRawPointer(errorBuffer)))
                }, "COPYPOSTFIELDS"
            ),
            (ccurl_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, Self.writeCallback), "WRITEFUNCTION"),
            (ccurl_setopt_pointer(handle, CURLOPT_WRITEDATA, context), "WRITEDATA"),
        ]
        if let (code, option) = codes.first(where: { $0.0 != CURLE_OK }) {
            return .unreachable("libcurl rejected CURLOPT_\(option): \(String(cString: curl_easy_strerror(code)))")
        }
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            let detail = String(cString: errorBuffer)
            let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
            return .unreachable("POST failed: \(reason) (libcurl error \(code.rawValue))")
        }
        var status = 0
        _ = ccurl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        return .answered(status: status, excerpt: printableExcerpt)
    }

    /// The kept start of the body as one printable line.
    private var printableExcerpt: String {
        let text = String(decoding: excerpt, as: UTF8.self)
        return String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.properties.generalCategory == .control ? " " : $0
                })
        ).trimmingCharacters(in: .whitespaces)
    }

    private func receive(_ bytes: UnsafeRawBufferPointer) {
        let room = Self.excerptBytes - excerpt.count
        if room > 0 { excerpt.append(contentsOf: bytes.prefix(room)) }
    }

    private static let writeCallback: curl_write_callback = { buffer, size, count, context in
        guard let buffer, let context else { return 0 }
        let post = Unmanaged<CurlWebhookPost>.fromOpaque(context).takeUnretainedValue()
        post.receive(UnsafeRawBufferPointer(start: buffer, count: size * count))
        return size * count
    }
}
