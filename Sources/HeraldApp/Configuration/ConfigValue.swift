import Foundation
import Yams

/// One raw configuration value, from the YAML file or an environment variable, with its origin.
struct ConfigValue {
    enum Source {
        case yaml(Node)
        case environment(String)
    }

    let source: Source
    /// "herald.yml:12: key 'listen'" or "HERALD_LISTEN".
    let origin: String
    /// The file the value came from, for the origins of nested keys.
    var file: String = ""

    func fail(_ expectation: String) -> ConfigurationError {
        ConfigurationError("\(origin): \(expectation)")
    }

    /// A plain string (YAML scalars only).
    func string() throws(ConfigurationError) -> String {
        switch source {
        case .environment(let text): return text
        case .yaml(let node):
            guard case .scalar(let scalar) = node else { throw fail("expected a string") }
            return scalar.string
        }
    }

    /// A non-empty string without control characters.
    func text() throws(ConfigurationError) -> String {
        let value = try string()
        guard !value.isEmpty else { throw fail("must not be empty") }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw fail("must not contain control characters (line breaks, tabs, NUL)")
        }
        return value
    }

    func int(in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        let raw = try string()
        guard let number = Int(raw) else { throw fail("expected a whole number, got '\(raw.prefix(40))'") }
        guard range.contains(number) else {
            throw fail("must be between \(range.lowerBound) and \(range.upperBound), got \(number)")
        }
        return number
    }

    func bool() throws(ConfigurationError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        case let other: throw fail("expected true or false, got '\(other.prefix(40))'")
        }
    }

    /// A YAML sequence of strings, or a comma-separated environment value.
    func textList() throws(ConfigurationError) -> [String] {
        switch source {
        case .environment(let text):
            return text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case .yaml(let node):
            guard case .sequence(let sequence) = node else { throw fail("expected a list") }
            var result: [String] = []
            for (index, item) in sequence.enumerated() {
                try result.append(ConfigValue(source: .yaml(item), origin: "\(origin)[\(index)]").text())
            }
            return result
        }
    }

    /// The entries of a YAML mapping, each with its own origin.
    func mapping() throws(ConfigurationError) -> [(key: String, value: ConfigValue)] {
        guard case .yaml(let node) = source, case .mapping(let mapping) = node else { throw fail("expected a mapping") }
        var entries: [(key: String, value: ConfigValue)] = []
        for (key, value) in mapping {
            guard case .scalar(let keyScalar) = key else { throw fail("keys must be strings") }
            let line = key.mark.map { ":\($0.line)" } ?? ""
            let origin = "\(file)\(line): key '\(keyScalar.string)'"
            entries.append((keyScalar.string, ConfigValue(source: .yaml(value), origin: origin, file: file)))
        }
        return entries
    }

    /// The items of a YAML sequence, each with its own origin.
    func sequence() throws(ConfigurationError) -> [ConfigValue] {
        guard case .yaml(let node) = source, case .sequence(let sequence) = node else { throw fail("expected a list") }
        return sequence.enumerated().map { index, item in
            ConfigValue(source: .yaml(item), origin: "\(origin)[\(index)]", file: file)
        }
    }
}
