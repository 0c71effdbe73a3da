import Foundation
import HeraldCore

/// Where each column of an import file is: `email` (required), the optional reserved columns,
/// and every other column as an attribute.
struct ImportColumns: Sendable {
    static let reserved = ["email", "name", "newsletter", "status", "created_at", "confirmed_at", "language"]
    static let maxAttributes = 50
    static let maxNameLength = 64

    var count: Int
    var email: Int
    var name: Int?
    var newsletter: Int?
    var status: Int?
    var createdAt: Int?
    var confirmedAt: Int?
    var language: Int?
    /// (attribute name, column index).
    var attributes: [(name: String, index: Int)] = []

    /// Reads the header record; throws `ImportFileError.badHeader` naming the problem.
    init(header record: CSVRecord) throws(ImportFileError) {
        if let problem = record.problem { throw .badHeader(problem.message) }
        var names: [String] = []
        for index in 0..<record.count {
            guard let text = record.text(index) else { throw .badHeader("column \(index + 1) is not valid UTF-8") }
            let name = text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { throw .badHeader("column \(index + 1) has no name") }
            // Every control character (C0, DEL and C1): the names reach error lines, the stored
            // attributes and the export's header.
            guard name.count <= Self.maxNameLength,
                !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
            else {
                throw .badHeader("column \(index + 1) has a name that is too long or has control characters")
            }
            let key = Self.reserved.contains(name.lowercased()) ? name.lowercased() : name
            guard !names.contains(key) else { throw .badHeader("column \(ImportRowProblem.quoted(key)) appears twice") }
            names.append(key)
        }
        guard let email = names.firstIndex(of: "email") else {
            throw .badHeader("no email column (the first line must name the columns, e.g. email,name)")
        }
        count = names.count
        self.email = email
        name = names.firstIndex(of: "name")
        newsletter = names.firstIndex(of: "newsletter")
        status = names.firstIndex(of: "status")
        createdAt = names.firstIndex(of: "created_at")
        confirmedAt = names.firstIndex(of: "confirmed_at")
        language = names.firstIndex(of: "language")
        attributes = names.enumerated().filter { !Self.reserved.contains($0.element) }.map { ($0.element, $0.offset) }
        guard attributes.count <= Self.maxAttributes else {
            throw .badHeader("more than \(Self.maxAttributes) attribute columns")
        }
    }
}
