import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// Why a console upload was refused.
enum ConsoleUploadError: Error, Equatable {
    /// The body is not `multipart/form-data` or is malformed.
    case malformed
    /// The file is larger than the limit (bytes).
    case tooLarge(Int)
    /// The anti-forgery field did not come, or did not match, before the file.
    case forged
}

/// A `multipart/form-data` console form with one file, streamed: the small fields are kept (at
/// most 4 KiB each), the file goes straight to a new file only this process may read (`0600`),
/// never held whole in memory. The form's `csrf` field must come before the file part (it does in
/// the console's forms) and is checked with `csrfMatches` before a byte of the file is written.
struct ConsoleUpload {
    let fields: [(name: String, value: String)]
    /// The file's name as the browser gave it, without folders or control characters (at most 100).
    let fileName: String
    /// Where the file is, and how many bytes it has.
    let file: URL
    let fileBytes: Int

    static func receive(
        _ request: Request, fileField: String, limit: Int, into folder: URL, csrfMatches: @escaping (String?) -> Bool
    ) async throws -> ConsoleUpload {
        guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
            let boundary = boundary(of: type)
        else { throw ConsoleUploadError.malformed }
        let file = folder.appendingPathComponent("herald-upload-\(UUID().uuidString).csv")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: file.path)
        else { throw ConsoleUploadError.malformed }
        defer { try? handle.close() }
        let state = UploadState(fileField: fileField, limit: limit, handle: handle, csrfMatches: csrfMatches)
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in state.header(name, value) }
        parser.onBody = { buffer in state.body(&buffer) }
        parser.onPartComplete = { state.partComplete() }
        do {
            for try await chunk in request.body {
                try parser.execute(chunk)
                if let error = state.error { throw error }
            }
            guard state.sawFile else { throw ConsoleUploadError.malformed }
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw (error as? ConsoleUploadError) ?? .malformed
        }
        return ConsoleUpload(fields: state.fields, fileName: state.fileName, file: file, fileBytes: state.fileBytes)
    }

    /// The `boundary` parameter of a multipart content type.
    static func boundary(of contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, parts[0].lowercased() == "boundary" else { continue }
            let value = parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            return (1...70).contains(value.utf8.count) ? value : nil
        }
        return nil
    }
}

/// The parser callbacks' state (the parser calls them synchronously from `execute`).
private final class UploadState {
    let fileField: String
    let limit: Int
    let handle: FileHandle
    let csrfMatches: (String?) -> Bool
    var fields: [(name: String, value: String)] = []
    var fileBytes = 0
    var sawFile = false
    var fileName = "upload.csv"
    var error: ConsoleUploadError?
    private var partName: String?
    private var value: [UInt8] = []
    private var fileAllowed = false

    init(fileField: String, limit: Int, handle: FileHandle, csrfMatches: @escaping (String?) -> Bool) {
        self.fileField = fileField
        self.limit = limit
        self.handle = handle
        self.csrfMatches = csrfMatches
    }

    func header(_ name: String, _ text: String) {
        guard name.lowercased() == "content-disposition" else { return }
        partName = Self.parameter("name", in: text)
        if partName == fileField {
            sawFile = true
            let given = Self.parameter("filename", in: text)?.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last
            let clean = String(
                (given.map(String.init) ?? "").unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }
                    .prefix(100).map(Character.init))
            if !clean.isEmpty { fileName = clean }
            fileAllowed = csrfMatches(fields.last { $0.name == "csrf" }?.value)
            if !fileAllowed { error = .forged }
        }
    }

    func body(_ buffer: inout ByteBuffer) {
        guard error == nil else { return }
        if partName == fileField {
            guard fileAllowed else { return }
            fileBytes += buffer.readableBytes
            guard fileBytes <= limit else {
                error = .tooLarge(limit)
                return
            }
            handle.write(Data(buffer.readableBytesView))
        } else {
            value += buffer.readableBytesView
            if value.count > 4096 { error = .malformed }
        }
    }

    func partComplete() {
        if let partName, partName != fileField {
            fields.append((partName, String(decoding: value, as: UTF8.self)))
        }
        partName = nil
        value = []
    }

    /// `name="value"` from a `Content-Disposition` header.
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";").dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return nil
    }
}
