import Foundation
import Yams

/// Reads the configuration once: defaults, then the YAML file, then `HERALD_*` environment variables.
public enum ConfigurationLoader {
    /// Loads the configuration.
    /// - Parameters:
    ///   - path: explicit file (`--config`); else `HERALD_CONFIG`; else `./herald.yml` when it exists.
    ///   - environment: the process environment (passed in, so tests control it).
    /// - Returns: the configuration and warnings to log (e.g. an unknown `HERALD_*` variable).
    public static func load(
        path: String?, environment: [String: String]
    ) throws(ConfigurationError) -> (HeraldConfiguration, warnings: [String]) {
        var configuration = HeraldConfiguration()
        if let file = path ?? environment["HERALD_CONFIG"] ?? defaultFileIfPresent() {
            try apply(file: file, to: &configuration)
        }
        let warnings = try apply(environment: environment, to: &configuration)
        try configuration.validateCombinations()
        return (configuration, warnings)
    }

    private static func defaultFileIfPresent() -> String? {
        FileManager.default.fileExists(atPath: "herald.yml") ? "herald.yml" : nil
    }

    static func apply(file: String, to configuration: inout HeraldConfiguration) throws(ConfigurationError) {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ConfigurationError("\(file): not valid UTF-8")
            }
            text = decoded
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("\(file): cannot read the configuration file (\(error.localizedDescription))")
        }
        try apply(yaml: text, file: file, to: &configuration)
    }

    static func apply(yaml: String, file: String, to configuration: inout HeraldConfiguration)
        throws(ConfigurationError)
    {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw ConfigurationError("\(file): not valid YAML: \(error)")
        }
        guard let root else { return }
        let document = ConfigValue(source: .yaml(root), origin: file, file: file)
        for (key, value) in try document.mapping() {
            guard let known = ConfigurationKey.all.first(where: { $0.name == key }) else {
                throw value.fail(
                    "unknown key (known keys: \(ConfigurationKey.all.map(\.name).joined(separator: ", ")))")
            }
            try known.apply(&configuration, value)
        }
    }

    static func apply(
        environment: [String: String], to configuration: inout HeraldConfiguration
    ) throws(ConfigurationError) -> [String] {
        var warnings: [String] = []
        for (name, text) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("HERALD_") {
            guard name != "HERALD_CONFIG" else { continue }
            guard let key = ConfigurationKey.all.first(where: { $0.environmentName == name }) else {
                warnings.append("ignoring unknown environment variable \(name)")
                continue
            }
            try key.apply(&configuration, ConfigValue(source: .environment(text), origin: name))
        }
        return warnings
    }
}
