import Foundation
import HeraldCurl

/// One libcurl easy handle performing one POST; confined to the thread that creates it.
final class CurlWebhookPost {
    /// How much of the response body is kept for the delivery row.
    static let excerptBytes = 200

    private let handle: CurlEasyHandle
    private var excerpt: [UInt8] = []

    init?() {
        guard let handle = CurlEasyHandle() else { return nil }
        self.handle = handle
    }

    func perform(
        _ request: WebhookRequest, timeoutMs: Int, connectTimeoutMs: Int, addressPolicy: OutboundAddressPolicy
    ) -> WebhookResponse {
        do {
            try configure(for: request, timeoutMs: timeoutMs, connectTimeoutMs: connectTimeoutMs)
            try handle.restrictAddresses(to: addressPolicy)
        } catch {
            return .unreachable(error.message)
        }
        let code = handle.perform()
        if code != CURLE_OK, let refusal = handle.addressRefusal {
            return .unreachable("POST \(request.url): \(refusal)")
        }
        guard code == CURLE_OK else {
            return .unreachable("POST failed: \(handle.errorMessage(for: code)) (libcurl error \(code.number))")
        }
        return .answered(status: handle.info(CURLINFO_RESPONSE_CODE), excerpt: printableExcerpt)
    }

    private func configure(for request: WebhookRequest, timeoutMs: Int, connectTimeoutMs: Int)
        throws(CurlOptionError)
    {
        try handle.set(CURLOPT_URL, request.url)
        try handle.allowOnlyHTTP()
        try handle.set(CURLOPT_FOLLOWLOCATION, 0)
        try handle.set(CURLOPT_TIMEOUT_MS, timeoutMs)
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, connectTimeoutMs)
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.setHTTPHeaders(request.headers + ["Expect:"])
        try handle.setPostBody(request.body)
        try handle.set(CURLOPT_WRITEFUNCTION, callback: Self.writeCallback)
        try handle.set(CURLOPT_WRITEDATA, pointer: Unmanaged.passUnretained(self).toOpaque())
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
