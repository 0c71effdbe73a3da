/// A name/value pair from a start tag; the name is lower-cased, the value decoded.
struct HTMLAttribute: Equatable {
    var name: String
    var value: String
}

extension [HTMLAttribute] {
    /// The value of the attribute called `name`, if present.
    subscript(_ name: String) -> String? { first { $0.name == name }?.value }
}
