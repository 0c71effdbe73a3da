import Foundation

/// A report file could not be read.
struct ReportFileError: Error {
    let message: String
}

/// Reads a report file (or standard input for `-`) up to a size limit, without reading more.
enum ReportFile {
    static func read(_ path: String, limit: Int) throws(ReportFileError) -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = .standardInput
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ReportFileError(message: "no such file")
            }
            guard !isDirectory.boolValue, let opened = FileHandle(forReadingAtPath: path) else {
                throw ReportFileError(message: "cannot read the file (a directory, or no permission)")
            }
            handle = opened
        }
        defer { if path != "-" { try? handle.close() } }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            guard data.count <= limit else {
                throw ReportFileError(message: "larger than \(limit) bytes; not a report Herald reads")
            }
            return Array(data)
        } catch let error as ReportFileError {
            throw error
        } catch {
            throw ReportFileError(message: "cannot read: \(error.localizedDescription)")
        }
    }
}
