import HeraldFeeds

/// The error `FeedParser` throws for `bytes`, or nil when they parse.
func feedParseError(_ bytes: [UInt8], baseURL: String? = nil) -> FeedError? {
    do {
        _ = try FeedParser.parse(bytes, baseURL: baseURL)
        return nil
    } catch {
        return error
    }
}
