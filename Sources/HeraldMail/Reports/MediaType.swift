/// A parsed `Content-Type` value: `type/subtype; name=value; name="quoted value"`.
struct MediaType: Equatable {
    /// `type/subtype`, lower-cased.
    let essence: String
    /// Parameters by lower-cased name (quoted values unquoted, backslash escapes resolved).
    let parameters: [String: String]

    init(_ value: String) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in value {
            if escaped {
                current.append(character)
                escaped = false
            } else if quoted, character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";", !quoted {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        essence = (pieces.first ?? "").trimmedSpaces.lowercased()
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<equals].trimmedSpaces.lowercased()
            guard !name.isEmpty, parameters[name] == nil else { continue }
            parameters[name] = piece[piece.index(after: equals)...].trimmedSpaces
        }
        self.parameters = parameters
    }
}
