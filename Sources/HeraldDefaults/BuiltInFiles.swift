import Foundation

/// The files Herald ships inside its binary: the default templates (pages, mails, partials,
/// assets) and the admin API's OpenAPI document.
///
/// They are generated from `templates/` and `openapi/admin.json` by the `EmbedDefaults`
/// build-tool plugin on every build, so they cannot drift from the checked-in files.
public enum BuiltInFiles {
    /// Every file of `templates/`, keyed by its path relative to that folder
    /// (e.g. `pages/index.mustache`, `assets/challenge.js`).
    public static let templates: [String: [UInt8]] = Dictionary(
        EmbeddedFiles.templates.map { ($0.0, decode($0.1)) }, uniquingKeysWith: { first, _ in first })

    /// `openapi/admin.json`, byte for byte.
    public static let openAPIDocument: [UInt8] = decode(EmbeddedFiles.openAPI)

    /// The template paths in order, for listings and export.
    public static var templatePaths: [String] { templates.keys.sorted() }

    private static func decode(_ base64: String) -> [UInt8] {
        guard let data = Data(base64Encoded: base64) else {
            preconditionFailure("herald-embed wrote invalid base64")
        }
        return Array(data)
    }
}
