/// User agents of mail security scanners, link preview bots and prefetchers, matched as
/// case-insensitive substrings. Their hits are counted as `filtered`, never as clicks.
///
/// Kept as data: add a line when a new scanner shows up in the report's filtered counts.
enum ScannerUserAgents {
    static let patterns: [String] = [
        "barracuda", "mimecast", "proofpoint", "ppops-", "symantec", "messagelabs", "forcepoint",
        "trendmicro", "trend micro", "sophos", "fortiguard", "fortinet", "zscaler", "cisco", "ironport",
        "safelinks", "microsoft office", "ms-office", "microsoft outlook", "outlook-iosandroid", "bingpreview",
        "googleimageproxy", "google-safety", "googlebot", "apis-google", "feedfetcher", "yahoo! slurp",
        "yahoomailproxy", "slackbot", "twitterbot", "facebookexternalhit", "linkedinbot", "discordbot",
        "whatsapp", "telegrambot", "skypeuripreview", "applebot", "bot/", "bot;", "crawler", "spider",
        "preview", "prefetch", "scanner", "checker", "python-requests", "python-urllib", "curl/", "wget/",
        "go-http-client", "java/", "okhttp", "headlesschrome", "phantomjs",
    ]

    /// The patterns as bytes, for ``isScanner(_:)``.
    private static let patternBytes: [[UInt8]] = patterns.map { Array($0.utf8) }
    /// Only this much of a user agent is read (scanner names come early; a huge header costs nothing).
    static let maxBytesRead = 1024

    /// Whether `userAgent` is missing or names a scanner, bot or prefetcher.
    ///
    /// Runs on every redirect and pixel load, so it compares ASCII-lowercased bytes directly
    /// (String's `contains` builds a search table per pattern: most of a redirect's time).
    static func isScanner(_ userAgent: String?) -> Bool {
        guard let userAgent, !userAgent.isEmpty else { return true }
        var lowered = [UInt8]()
        lowered.reserveCapacity(min(userAgent.utf8.count, maxBytesRead))
        for byte in userAgent.utf8.prefix(maxBytesRead) {
            lowered.append((65...90).contains(byte) ? byte + 32 : byte)
        }
        return patternBytes.contains { contains(lowered, $0) }
    }

    private static func contains(_ text: [UInt8], _ pattern: [UInt8]) -> Bool {
        guard let first = pattern.first, text.count >= pattern.count else { return false }
        var start = 0
        while start <= text.count - pattern.count {
            if text[start] == first {
                var offset = 1
                while offset < pattern.count, text[start + offset] == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            start += 1
        }
        return false
    }
}
