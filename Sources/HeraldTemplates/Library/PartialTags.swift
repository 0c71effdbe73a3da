/// Finds the partials a Mustache template names in `{{> name}}` and `{{< name}}` tags.
///
/// The tag is `{{`, optional white space, `>` or `<`, optional white space, a name of ASCII letters, digits
/// and `._/-`, optional white space, `}}`; a tag is tried at every `{{` and matches do not overlap, as the
/// regular expression this replaces (`\{\{\s*[<>]\s*([A-Za-z0-9._\/\-]+)\s*\}\}`) found them; dynamic
/// `{{>*name}}` partials are skipped. Written by hand because that expression was the only use of Swift's
/// Regex engine in `herald digest send`, whose code (0.8 MiB) was then mapped in every run (issue #21,
/// target 4; BENCHMARKS.md, "Peak RSS"). `PartialTagsTests` compares the two on generated text.
enum PartialTags {
    /// The names in `text`'s partial tags, in order (a name used twice is listed twice).
    static func names(in text: String) -> [String] {
        let characters = Array(text)
        var names: [String] = []
        var index = 0
        while index + 1 < characters.count {
            if characters[index] == "{", characters[index + 1] == "{",
                let tag = tag(in: characters, from: index + 2)
            {
                names.append(tag.name)
                index = tag.end
            } else {
                index += 1
            }
        }
        return names
    }

    /// The tag whose `{{` ends just before `start`: its name and the index after its `}}`.
    private static func tag(in characters: [Character], from start: Int) -> (name: String, end: Int)? {
        var index = whiteSpaceEnd(in: characters, from: start)
        guard index < characters.count, characters[index] == ">" || characters[index] == "<" else { return nil }
        index = whiteSpaceEnd(in: characters, from: index + 1)
        let nameStart = index
        while index < characters.count, isNameCharacter(characters[index]) { index += 1 }
        guard index > nameStart else { return nil }
        let name = String(characters[nameStart..<index])
        index = whiteSpaceEnd(in: characters, from: index)
        guard index + 1 < characters.count, characters[index] == "}", characters[index + 1] == "}" else { return nil }
        return (name, index + 2)
    }

    private static func whiteSpaceEnd(in characters: [Character], from start: Int) -> Int {
        var index = start
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        return index
    }

    private static func isNameCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._/-".contains(character))
    }
}
