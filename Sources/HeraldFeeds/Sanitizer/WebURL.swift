import Foundation

/// Turns URLs from untrusted markup into absolute `http`/`https` URLs, or rejects them.
///
/// The promise callers rely on: a non-nil result starts with `http://` or `https://`, has a host,
/// and contains no whitespace, double quotes or angle brackets (they are percent-encoded).
struct WebURL {
    /// The base relative references resolve against, parsed once; nil when unusable.
    private let base: URL?

    /// A resolver for references relative to `base` (itself an absolute web URL, else ignored).
    init(base: String?) {
        self.base = base.flatMap { WebURL.resolve($0, against: nil) }.flatMap { URL(string: $0) }
    }

    /// `raw` (already entity-decoded) made absolute against the base, or nil when it is empty,
    /// uses another scheme (`javascript:`, `data:`, `mailto:` …), contains control characters, or
    /// is relative with no usable base. As a second line of defence, any URL containing
    /// `script:` (e.g. a relative `` `javascript:…` `` path) is refused too, so no later filter
    /// or mail client can be tricked by it.
    func resolve(_ raw: String) -> String? {
        // Browsers ignore leading/trailing C0 controls and spaces, and tabs/newlines anywhere.
        var scalars = Substring(raw).unicodeScalars.drop { $0.value <= 0x20 }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        var text = String(String.UnicodeScalarView(scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }))
        guard !text.isEmpty, !text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }),
            !text.containsASCIICaseInsensitive("script:")
        else { return nil }
        if text.utf8.contains(UInt8(ascii: "\\")) {
            text = text.replacingOccurrences(of: "\\", with: "/")  // browsers read `\` as `/` in web URLs
        }
        if let scheme = Self.scheme(of: text) {
            guard scheme == "http" || scheme == "https" else { return nil }
            return Self.checked(URL(string: text))
        }
        guard let base else { return nil }
        return Self.checked(URL(string: text, relativeTo: base))
    }

    /// `raw` resolved against `base`; see ``resolve(_:)``.
    static func resolve(_ raw: String, against base: String?) -> String? {
        WebURL(base: base).resolve(raw)
    }

    /// Whether `url` is already an absolute `http`/`https` URL that ``resolve(_:)`` keeps.
    static func isWeb(_ url: String) -> Bool { resolve(url, against: nil) != nil }

    /// The scheme (lower-cased) if `text` starts with one (`letter (letter | digit | + - .)* :`).
    private static func scheme(of text: String) -> String? {
        var scheme = ""
        for scalar in text.unicodeScalars {
            if scalar == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let isLetter = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
            let isOther = ("0"..."9").contains(scalar) || scalar == "+" || scalar == "-" || scalar == "."
            guard isLetter || (!scheme.isEmpty && isOther) else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    private static func checked(_ url: URL?) -> String? {
        guard let url = url?.absoluteURL, let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = url.host, !host.isEmpty
        else { return nil }
        let text = url.absoluteString
        let lowered = text.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"),
            !text.unicodeScalars.contains(where: { $0.isSpace || $0 == "\"" || $0 == "<" || $0 == ">" })
        else { return nil }
        return text
    }
}
