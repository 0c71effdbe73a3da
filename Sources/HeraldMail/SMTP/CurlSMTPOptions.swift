import HeraldCore
import HeraldCurl

/// The connection-wide libcurl options for an `SMTPConfiguration`, set once per easy handle.
enum CurlSMTPOptions {
    static func configure(_ handle: CurlEasyHandle, for configuration: SMTPConfiguration) throws(CurlOptionError) {
        try handle.set(CURLOPT_URL, url(for: configuration))
        try handle.set(CURLOPT_NOSIGNAL, 1)
        try handle.set(CURLOPT_UPLOAD, 1)
        try handle.setReadFunction(SMTPTransfer.readCallback)
        try handle.set(CURLOPT_HEADERFUNCTION, callback: SMTPTransfer.headerCallback)
        try handle.set(CURLOPT_USE_SSL, Int(useSSL(for: configuration.security).number))
        try handle.set(CURLOPT_SSL_VERIFYPEER, configuration.verifyCertificates ? 1 : 0)
        try handle.set(CURLOPT_SSL_VERIFYHOST, configuration.verifyCertificates ? 2 : 0)
        if let caFile = configuration.caFile { try handle.set(CURLOPT_CAINFO, caFile) }
        if let credentials = configuration.credentials {
            try handle.set(CURLOPT_USERNAME, credentials.username)
            try handle.set(CURLOPT_PASSWORD, credentials.password)
        }
        try handle.set(CURLOPT_CONNECTTIMEOUT_MS, milliseconds(configuration.connectTimeout))
        try handle.set(CURLOPT_TIMEOUT_MS, milliseconds(configuration.totalTimeout))
        // A relay silent this long ends the transfer as a timeout: waiting for any reply (the
        // greeting, the answer after the data: libcurl's response timeout, 120 s by default), or
        // moving under 1 byte/s while sending.
        let silence = max(1, Int(configuration.silenceTimeout.components.seconds))
        try handle.set(CURLOPT_SERVER_RESPONSE_TIMEOUT, silence)
        try handle.set(CURLOPT_LOW_SPEED_LIMIT, 1)
        try handle.set(CURLOPT_LOW_SPEED_TIME, silence)
        try handle.set(CURLOPT_TCP_KEEPALIVE, 1)
    }

    /// `smtp[s]://host:port/ehlo-name`: libcurl takes the EHLO name from the URL path.
    static func url(for configuration: SMTPConfiguration) -> String {
        let scheme = configuration.security == .implicitTLS ? "smtps" : "smtp"
        let path = configuration.ehloName.map { "/" + percentEncoded($0) } ?? ""
        return "\(scheme)://\(configuration.endpoint)\(path)"
    }

    private static func useSSL(for security: SMTPConfiguration.Security) -> curl_usessl {
        switch security {
        case .implicitTLS, .startTLS(.required): CURLUSESSL_ALL
        case .startTLS(.opportunistic): CURLUSESSL_TRY
        case .startTLS(.never): CURLUSESSL_NONE
        }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    /// Percent-encodes all but RFC 3986 unreserved characters; libcurl decodes the path again.
    private static func percentEncoded(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
