import Foundation
import HeraldDefaults

/// Why `herald templates export` wrote nothing.
public struct TemplateExportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The message naming the path to fix.
    public let description: String
}

/// Writes the built-in templates to a folder to start customising them.
public enum TemplateExport {
    /// Writes every built-in file below `directory` (created if missing) and returns the
    /// relative paths written.
    ///
    /// Nothing is written when any of the files already exists or the folder cannot be created;
    /// a failure half-way removes the files this call wrote.
    public static func write(to directory: String) throws(TemplateExportError) -> [String] {
        let manager = FileManager.default
        let paths = BuiltInFiles.templatePaths
        if let existing = paths.first(where: { manager.fileExists(atPath: "\(directory)/\($0)") }) {
            throw TemplateExportError(
                description: "\(directory)/\(existing) already exists; export into an empty or new folder")
        }
        var written: [String] = []
        do {
            for relative in paths {
                let target = URL(fileURLWithPath: directory).appendingPathComponent(relative)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(BuiltInFiles.templates[relative] ?? []).write(to: target, options: .withoutOverwriting)
                written.append(relative)
            }
        } catch {
            for relative in written { try? manager.removeItem(atPath: "\(directory)/\(relative)") }
            throw TemplateExportError(description: "cannot write below \(directory): \(error.localizedDescription)")
        }
        return written
    }
}
