import CResolv
import Foundation

/// A DNS look-up that did not produce records.
public enum DNSLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name does not exist (NXDOMAIN).
    case nonexistentDomain(String)
    /// No server answered in time, or it answered SERVFAIL.
    case timeout(String)
    /// The server refused the query or sent something unreadable.
    case failed(String, String)

    public var description: String {
        switch self {
        case .nonexistentDomain(let name): "\(name) does not exist (NXDOMAIN)"
        case .timeout(let name): "no answer for \(name) in time (timeout or SERVFAIL)"
        case .failed(let name, let why): "the look-up of \(name) failed: \(why)"
        }
    }
}

/// Record types Herald's set-up check asks for.
public enum DNSRecordType: Int32, Sendable {
    case a = 1
    case mx = 15
    case txt = 16
}

/// DNS look-ups through the C library's resolver (`res_nquery` from libresolv), never a
/// hand-written client: the system's servers, or one given server (`--resolver HOST:PORT`).
/// Every query has a timeout; calls block their thread, so they run off the cooperative pool.
public struct DNSResolver: Sendable {
    /// The one server to ask (IPv4 address and port); nil for the system's resolvers.
    public let server: (host: String, port: Int)?
    /// Seconds per attempt.
    public let timeoutSeconds: Int
    /// Attempts per query.
    public let attempts: Int

    public init(server: (host: String, port: Int)? = nil, timeoutSeconds: Int = 3, attempts: Int = 2) {
        self.server = server
        self.timeoutSeconds = timeoutSeconds
        self.attempts = attempts
    }

    /// The TXT records at `name`, each with its character-strings joined.
    public func txt(_ name: String) async throws(DNSLookupError) -> [String] {
        try await records(name, .txt).map { message, rdata in Self.text(of: rdata) }
    }

    /// The mail exchangers of `name` (host names, without the trailing dot).
    public func mx(_ name: String) async throws(DNSLookupError) -> [String] {
        try await records(name, .mx).compactMap { message, rdata in
            guard rdata.count > 2 else { return nil }
            return Self.expand(message, at: rdata.startIndex + 2)
        }
    }

    /// The IPv4 addresses of `name`.
    public func a(_ name: String) async throws(DNSLookupError) -> [String] {
        try await records(name, .a).compactMap { _, rdata in
            rdata.count == 4 ? rdata.map(String.init).joined(separator: ".") : nil
        }
    }

    /// The records of `type` at `name`: the whole message and each record's rdata as a slice of it.
    /// An empty list when the name exists without such records (NODATA).
    func records(_ name: String, _ type: DNSRecordType) async throws(DNSLookupError)
        -> [(message: [UInt8], rdata: ArraySlice<UInt8>)]
    {
        let result = await Self.offPool { [self] in query(name, type) }
        return try result.get()
    }

    private func query(_ name: String, _ type: DNSRecordType) -> Result<
        [(message: [UInt8], rdata: ArraySlice<UInt8>)], DNSLookupError
    > {
        var answer = [UInt8](repeating: 0, count: 65_535)
        var herr: Int32 = 0
        let length = answer.withUnsafeMutableBufferPointer { buffer in
            herald_res_query(
                server?.host, Int32(server?.port ?? 53), Int32(timeoutSeconds), Int32(attempts), name, type.rawValue,
                buffer.baseAddress, Int32(buffer.count), &herr)
        }
        guard length >= 0 else {
            switch herr {
            case HOST_NOT_FOUND: return .failure(.nonexistentDomain(name))
            case NO_DATA: return .success([])
            case TRY_AGAIN: return .failure(.timeout(name))
            default:
                return .failure(.failed(name, length == -2 ? "bad resolver address" : "refused or malformed answer"))
            }
        }
        let message = Array(answer.prefix(Int(length)))
        var found: [(message: [UInt8], rdata: ArraySlice<UInt8>)] = []
        for index in 0..<1000 {
            var recordType: Int32 = 0
            var rdata: UnsafePointer<UInt8>?
            var rdlength: Int32 = 0
            let status = message.withUnsafeBufferPointer { buffer in
                herald_dns_answer(buffer.baseAddress, Int32(buffer.count), Int32(index), &recordType, &rdata, &rdlength)
            }
            guard status == 1 else {
                if status < 0 { return .failure(.failed(name, "malformed answer")) }
                break
            }
            guard recordType == type.rawValue, let rdata else { continue }
            let offset = message.withUnsafeBufferPointer { rdata - $0.baseAddress! }
            found.append((message, message[offset..<(offset + Int(rdlength))]))
        }
        return .success(found)
    }

    /// TXT rdata: length-prefixed character-strings, joined.
    static func text(of rdata: ArraySlice<UInt8>) -> String {
        var bytes: [UInt8] = []
        var index = rdata.startIndex
        while index < rdata.endIndex {
            let count = Int(rdata[index])
            let end = min(rdata.endIndex, index + 1 + count)
            bytes += rdata[(index + 1)..<end]
            index = end
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func expand(_ message: [UInt8], at offset: Int) -> String? {
        var name = [CChar](repeating: 0, count: 1025)
        let used = message.withUnsafeBufferPointer { buffer in
            herald_dns_expand(buffer.baseAddress, Int32(buffer.count), buffer.baseAddress! + offset, &name, 1025)
        }
        guard used >= 0 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs blocking `work` on its own thread and resumes with its result.
    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: work()) }
        }
    }
}
