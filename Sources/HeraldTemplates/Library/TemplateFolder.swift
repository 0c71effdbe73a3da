import Foundation

/// The files of one template folder on disk: `.mustache` files as text, every other file
/// (`assets/…`) as bytes, keyed by their path relative to the folder.
public struct TemplateFolder: Sendable {
    /// One template's text and the path errors name.
    struct Text: Sendable {
        var path: String
        var text: String
    }

    /// The folder as configured (errors name it this way, even when it is a symlink).
    public let root: String
    let texts: [String: Text]
    let assets: [String: [UInt8]]

    /// Every relative path found, sorted.
    public var paths: [String] { (Array(texts.keys) + Array(assets.keys)).sorted() }

    /// Reads every regular, non-hidden file below `directory`.
    ///
    /// - Throws: ``TemplateError/directoryMissing(_:)`` when it is not a folder,
    ///   ``TemplateError/unreadable(_:)`` naming a `.mustache` file that is not UTF-8 text.
    static func read(_ directory: String) throws(TemplateError) -> TemplateFolder {
        let root = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryMissing(root)
        }
        // Follow a symlinked folder (a common deployment layout); errors still name `root`.
        let resolved = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        var texts: [String: Text] = [:]
        var assets: [String: [UInt8]] = [:]
        for relative in files(in: resolved) {
            let path = "\(root)/\(relative)"
            guard let data = FileManager.default.contents(atPath: "\(resolved)/\(relative)") else {
                throw .unreadable(path)
            }
            if relative.hasSuffix(".mustache") {
                guard let text = String(data: data, encoding: .utf8) else { throw .unreadable(path) }
                texts[relative] = Text(path: path, text: text)
            } else {
                assets[relative] = Array(data)
            }
        }
        return TemplateFolder(root: root, texts: texts, assets: assets)
    }

    /// Relative paths of the regular, non-hidden files below `root`, sorted.
    private static func files(in root: String) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        for case let relative as String in walker {
            var isDirectory: ObjCBool = false
            let hidden = relative.split(separator: "/").contains { $0.hasPrefix(".") }
            if !hidden, FileManager.default.fileExists(atPath: "\(root)/\(relative)", isDirectory: &isDirectory),
                !isDirectory.boolValue
            {
                found.append(relative)
            }
        }
        return found.sorted()
    }
}
