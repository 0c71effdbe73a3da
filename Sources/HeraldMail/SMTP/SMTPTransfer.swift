import HeraldCurl

/// The state libcurl's callbacks see during one message transfer: the bytes still to upload and
/// the server replies read so far. Lives for exactly one `curl_easy_perform`, on one thread.
final class SMTPTransfer {
    private let payload: [UInt8]
    private var offset = 0
    private var reader = SMTPReplyReader()
    private let requiresSMTPUTF8: Bool

    /// Session opening state; tells whether this transfer opened a new connection.
    private(set) var session: SMTPSessionTracker
    /// The last complete reply.
    private(set) var lastReply: SMTPReply?
    /// The reply that made the transfer fail: the latest 4xx/5xx reply not followed by a success
    /// (libcurl sends QUIT after a failure, so its 221 is ignored here).
    private(set) var failureReply: SMTPReply?
    /// How many complete replies arrived.
    private(set) var replyCount = 0
    /// Set when the transfer was stopped because the server does not offer SMTPUTF8.
    private(set) var stoppedForSMTPUTF8 = false

    init(data: [UInt8], requiresSMTPUTF8: Bool, security: SMTPConfiguration.Security) {
        payload = data
        self.requiresSMTPUTF8 = requiresSMTPUTF8
        session = SMTPSessionTracker(security: security)
    }

    /// An opaque pointer for CURLOPT_READDATA / CURLOPT_HEADERDATA; valid while `self` is alive.
    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    private func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, payload.count - offset)
        guard count > 0 else { return 0 }
        payload.withUnsafeBytes { bytes in
            UnsafeMutableRawPointer(buffer).copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    /// Returns false to make libcurl abort the transfer.
    private func receive(_ line: UnsafeRawBufferPointer) -> Bool {
        guard let reply = reader.consume(String(decoding: line, as: UTF8.self)) else { return true }
        lastReply = reply
        replyCount += 1
        if reply.code >= 400 {
            failureReply = reply
        } else if reply.code != 221 {
            failureReply = nil
        }
        if session.observe(reply), requiresSMTPUTF8, session.capabilities?.contains("SMTPUTF8") != true {
            // Stop before MAIL FROM: the message would otherwise go out without SMTPUTF8.
            stoppedForSMTPUTF8 = true
            return false
        }
        return true
    }

    static let readCallback: curl_read_callback = { buffer, size, count, context in
        guard let buffer, let context else { return Int(CURL_READFUNC_ABORT) }
        let transfer = Unmanaged<SMTPTransfer>.fromOpaque(context).takeUnretainedValue()
        return transfer.read(into: buffer, capacity: size * count)
    }

    /// libcurl passes every SMTP reply line to the header callback.
    static let headerCallback: curl_write_callback = { buffer, size, count, context in
        guard let buffer, let context else { return size * count }  // e.g. the QUIT reply while closing
        let transfer = Unmanaged<SMTPTransfer>.fromOpaque(context).takeUnretainedValue()
        let accepted = transfer.receive(UnsafeRawBufferPointer(start: buffer, count: size * count))
        return accepted ? size * count : 0
    }
}
