extension EmailAddress: Codable {
    /// Decodes the address from a single string and validates it again with the default policy,
    /// so a decoded value keeps every promise a freshly validated one does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(validating: text)
        } catch {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "invalid email address: \(error.code.rawValue)")
        }
    }

    /// Encodes the address as the single string ``typed``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(typed)
    }
}
