import Foundation

/// Reads a feed from a local file, using its modification time as the `Last-Modified` validator.
struct FeedFileReader: Sendable {
    let path: String
    let previous: FeedCacheValidators?
    let maximumBytes: Int

    func read() -> Result<FeedFetchResult, FeedError> {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(FeedError(.unreadableSource, "cannot read feed file \(url.path): no such file"))
        }
        guard !isDirectory.boolValue else {
            return .failure(FeedError(.unreadableSource, "feed file \(url.path) is a directory"))
        }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > maximumBytes {
            return .failure(tooLarge(size))
        }
        let modified = (attributes[.modificationDate] as? Date).map(HTTPDate.format)
        if let modified, let previous, previous.etag == nil, previous.lastModified == modified {
            return .success(.notModified)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(
                FeedError(
                    .unreadableSource, "cannot read feed file \(url.path): permission denied or not a regular file"))
        }
        guard data.count <= maximumBytes else { return .failure(tooLarge(data.count)) }
        return .success(
            .fetched(
                data: [UInt8](data), validators: FeedCacheValidators(lastModified: modified),
                finalURL: url.absoluteString))
    }

    private func tooLarge(_ size: Int) -> FeedError {
        FeedError(.tooLarge, "feed file \(path) is \(size) bytes, over the \(maximumBytes) byte limit")
    }
}
