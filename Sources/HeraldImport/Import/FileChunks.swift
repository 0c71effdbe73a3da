import Foundation
import HeraldCore

/// Reads a file in fixed-size chunks, so memory does not grow with the file.
struct FileChunks {
    static let chunkSize = 64 * 1024
    private let handle: FileHandle
    let path: String
    /// The file's size when opened, for progress.
    let size: Int

    init(path: String) throws(ImportFileError) {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotRead(path: path, reason: "no such file, or not readable")
        }
        self.handle = handle
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// The next chunk, or nil at the end.
    func next() throws(ImportFileError) -> Data? {
        do {
            let data = try handle.read(upToCount: Self.chunkSize) ?? Data()
            return data.isEmpty ? nil : data
        } catch {
            throw .cannotRead(path: path, reason: "\(error)")
        }
    }

    func close() { try? handle.close() }
}
