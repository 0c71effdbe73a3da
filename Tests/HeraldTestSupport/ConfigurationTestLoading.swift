import HeraldCore

@testable import HeraldApp

/// Loads configuration the way start-up does (a YAML file, then HERALD_* variables), for tests.
package enum ConfigurationTestLoading {
    /// The configuration `yaml` (as file herald.yml) and `environment` produce.
    package static func load(_ yaml: String, environment: [String: String] = [:]) throws -> HeraldConfiguration {
        var configuration = HeraldConfiguration()
        try ConfigurationLoader.apply(yaml: yaml, file: "herald.yml", to: &configuration)
        _ = try ConfigurationLoader.apply(environment: environment, to: &configuration)
        try configuration.validateCombinations()
        return configuration
    }

    /// The error message loading produces, or "no error".
    package static func message(_ yaml: String, environment: [String: String] = [:]) -> String {
        do {
            _ = try load(yaml, environment: environment)
            return "no error"
        } catch {
            return "\(error)"
        }
    }
}
