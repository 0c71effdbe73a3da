import Foundation

extension FeedItem {
    /// A stable key for "has this item been sent already".
    ///
    /// The feed's `guid` when it has one, else the `link`, else `"title:"` followed by a 64-bit
    /// FNV-1a hash of the title in hex (the same title always gives the same key, across runs
    /// and machines). Pair it with ``linkIdentity`` so that a feed which rewrites its GUIDs but
    /// keeps its links does not send the same article twice.
    public var identity: String {
        if let guid, !guid.isEmpty { return guid }
        if let link, !link.isEmpty { return link }
        return "title:" + Self.fnv1a64Hex(title)
    }

    /// The link reduced to what identifies the article, or nil when the item has no link.
    ///
    /// Two links that differ only in scheme (`http`/`https`), letter case of the host, a leading
    /// `www.`, a default port, a trailing slash, the fragment or `utm_*`/click-tracking query
    /// parameters give the same value, e.g. `example.org/news/1?page=2`.
    public var linkIdentity: String? {
        guard let link, let components = URLComponents(string: link), var host = components.host?.lowercased(),
            !host.isEmpty
        else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        var key = host
        if let port = components.port, port != 80, port != 443 { key += ":\(port)" }
        var path = components.percentEncodedPath
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        key += path.isEmpty ? "/" : path
        let query = (components.percentEncodedQueryItems ?? []).filter { !Self.isTrackingParameter($0.name) }
        if !query.isEmpty {
            key +=
                "?" + query.map { item in item.value.map { "\(item.name)=\($0)" } ?? item.name }.joined(separator: "&")
        }
        return key
    }

    private static func isTrackingParameter(_ name: String) -> Bool {
        let name = name.lowercased()
        return name.hasPrefix("utm_") || ["fbclid", "gclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi"].contains(name)
    }

    private static func fnv1a64Hex(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
