// herald-embed: the generator the EmbedDefaults build-tool plugin runs. Writes a Swift file holding
// each named file's bytes as base64, so any content (quotes, backslashes, non-UTF-8) embeds safely.
// Usage: herald-embed OUTPUT openapi=PATH template:RELATIVE=PATH...
import Foundation

let arguments = CommandLine.arguments.dropFirst()
guard let output = arguments.first else {
    FileHandle.standardError.write(Data("usage: herald-embed OUTPUT openapi=PATH template:NAME=PATH...\n".utf8))
    exit(2)
}

/// The base64 text of the file at `path`; stops the build naming the file when it cannot be read.
func encoded(_ path: String) -> String {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("herald-embed: cannot read \(path)\n".utf8))
        exit(1)
    }
    return data.base64EncodedString()
}

/// `name` as a Swift string literal (names are relative paths; escape what a literal needs).
func literal(_ name: String) -> String {
    "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

var openAPI = ""
var templates: [String] = []
for argument in arguments.dropFirst() {
    guard let equals = argument.firstIndex(of: "=") else { continue }
    let key = String(argument[..<equals])
    let path = String(argument[argument.index(after: equals)...])
    if key == "openapi" {
        openAPI = encoded(path)
    } else if key.hasPrefix("template:") {
        templates.append("        (\(literal(String(key.dropFirst("template:".count)))), \"\(encoded(path))\"),")
    }
}

let source = """
    // Generated at build time by the EmbedDefaults plugin (herald-embed) from templates/ and
    // openapi/admin.json. Not checked in; edit those files instead.

    /// The embedded files as base64, decoded by ``BuiltInFiles``.
    enum EmbeddedFiles {
        /// `templates/` relative path → base64 contents.
        static let templates: [(String, String)] = [
    \(templates.joined(separator: "\n"))
        ]

        /// `openapi/admin.json` as base64.
        static let openAPI = "\(openAPI)"
    }

    """
do {
    try Data(source.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("herald-embed: cannot write \(output): \(error)\n".utf8))
    exit(1)
}
