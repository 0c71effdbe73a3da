import CCurl

/// A libcurl string list (`curl_slist`), such as an SMTP transaction's recipients; freed when
/// released. Keep it alive while a handle uses it (until the option is cleared).
package final class CurlStringList {
    /// The list's first node; nil while empty.
    private(set) var head: UnsafeMutablePointer<curl_slist>?

    /// An empty list.
    package init() {}

    deinit {
        curl_slist_free_all(head)
    }

    /// Appends a copy of `text`; false when libcurl is out of memory (the list is unchanged).
    package func append(_ text: String) -> Bool {
        guard let appended = curl_slist_append(head, text) else { return false }
        head = appended
        return true
    }
}

extension CurlEasyHandle {
    /// Sets a list option to `list`; the caller keeps `list` alive until ``clearList(_:)``.
    package func set(_ option: CURLoption, list: CurlStringList) throws(CurlOptionError) {
        try set(option, list: list.head)
    }

    /// Detaches a list option (libcurl then holds no pointer into the list).
    package func clearList(_ option: CURLoption) {
        _ = ccurl_setopt_slist(raw, option, nil)
    }

    /// Detaches a pointer option, such as a callback's context, before the context goes away.
    package func clear(_ option: CURLoption) {
        _ = ccurl_setopt_pointer(raw, option, nil)
    }
}
