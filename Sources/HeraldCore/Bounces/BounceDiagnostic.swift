import Foundation

/// Makes a diagnostic safe to store: the address removed, control characters dropped, bounded length.
enum BounceDiagnostic {
    /// Longest stored diagnostic, in characters.
    static let maximumLength = 500

    static func clean(_ text: String, removing address: EmailAddress) -> String {
        var cleaned = String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        for form in Set([address.typed, address.smtpAddress, address.displayAddress]) where !form.isEmpty {
            cleaned = cleaned.replacingAll(form, with: "<recipient>")
        }
        cleaned = cleaned.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return cleaned.count > maximumLength ? String(cleaned.prefix(maximumLength)) + "…" : cleaned
    }
}

extension String {
    /// Every case-insensitive occurrence of `target` replaced by `replacement`.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target, options: .caseInsensitive) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
