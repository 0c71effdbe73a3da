import HeraldCurl
import Testing

/// The shared libcurl easy handle that feeds, webhooks and SMTP use.
@Suite("libcurl easy handle")
struct CurlEasyHandleTests {
    private func makeHandle() throws -> CurlEasyHandle {
        try #require(CurlRuntime.initialize())
        return try #require(CurlEasyHandle())
    }

    @Test func aRefusedOptionIsNamedWithTheLibcurlVersion() throws {
        let handle = try makeHandle()
        let error = #expect(throws: CurlOptionError.self) {
            try handle.set(CURLOPT_PROTOCOLS_STR, "no-such-protocol")
        }
        #expect(error?.option == CURLOPT_PROTOCOLS_STR)
        #expect(error?.message.hasPrefix("\(CurlRuntime.version) rejected option CURLOPT_PROTOCOLS_STR: ") == true)
    }

    @Test func anEmptyOrLargePostBodyIsAccepted() throws {
        let handle = try makeHandle()
        try handle.setPostBody([])
        try handle.setPostBody([UInt8](repeating: 0xFF, count: 1 << 20))
    }

    @Test func aFailedTransferReportsLibcurlsDetailedMessageWithoutTrailingWhitespace() throws {
        let handle = try makeHandle()
        try handle.set(CURLOPT_URL, "http://127.0.0.1:1/")
        try handle.allowOnlyHTTP()
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, 2_000)
        let code = handle.perform()
        #expect(code == CURLE_COULDNT_CONNECT)
        let message = handle.errorMessage(for: code)
        #expect(message.contains("127.0.0.1"))
        #expect(message.last?.isWhitespace == false)
        #expect(handle.info(CURLINFO_RESPONSE_CODE) == 0)
    }

    @Test func aSchemeOutsideHTTPIsRefusedBeforeConnecting() throws {
        let handle = try makeHandle()
        try handle.set(CURLOPT_URL, "file:///etc/passwd")
        try handle.allowOnlyHTTP()
        #expect(handle.perform() == CURLE_UNSUPPORTED_PROTOCOL)
        #expect(!handle.errorMessage(for: CURLE_UNSUPPORTED_PROTOCOL).isEmpty)
    }
}
