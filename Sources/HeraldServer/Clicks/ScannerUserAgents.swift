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

    /// Whether `userAgent` is missing or names a scanner, bot or prefetcher.
    static func isScanner(_ userAgent: String?) -> Bool {
        guard let userAgent, !userAgent.isEmpty else { return true }
        let lowered = userAgent.lowercased()
        return patterns.contains { lowered.contains($0) }
    }
}
