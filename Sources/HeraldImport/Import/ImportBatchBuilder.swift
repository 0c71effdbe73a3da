import Foundation
import HeraldCore

/// Collects validated rows until a batch is full, merging rows for the same address and newsletter.
///
/// A later row's non-empty name, language, status and dates win and its attributes are merged over the
/// earlier ones. Rows of one address in different newsletters share the merged name and
/// attributes, so the subscriber row is written once per batch with everything the file says.
struct ImportBatchBuilder {
    private(set) var rows: [ImportedRow] = []
    /// The first row of each address; `next[i]` links the rows of one address (-1 ends the chain).
    private var firstRow: [String: Int] = [:]
    private var next: [Int] = []
    /// Whether some address has rows in several newsletters (their fields must be unified).
    private var sharedAddresses = false
    /// Rows merged into an earlier row of the same batch.
    private(set) var merged = 0

    var count: Int { rows.count }

    mutating func add(_ row: ImportedRow) {
        guard var index = firstRow[row.address.canonicalKey] else {
            firstRow[row.address.canonicalKey] = rows.count
            append(row)
            return
        }
        while true {
            if rows[index].newsletter == row.newsletter {
                merge(row, into: index)
                return
            }
            guard next[index] >= 0 else { break }
            index = next[index]
        }
        next[index] = rows.count
        sharedAddresses = true
        append(row)
    }

    private mutating func append(_ row: ImportedRow) {
        rows.append(row)
        next.append(-1)
    }

    private mutating func merge(_ row: ImportedRow, into index: Int) {
        merged += 1
        var earlier = rows[index]
        earlier.name = row.name ?? earlier.name
        earlier.language = row.language ?? earlier.language
        earlier.attributes = Self.merge(earlier.attributes, row.attributes)
        earlier.status = row.status
        earlier.confirmedAt = row.confirmedAt ?? earlier.confirmedAt
        rows[index] = earlier
    }

    /// The batch's rows for the store, and resets the builder.
    mutating func take() -> (rows: [ImportedSubscription], merged: Int) {
        if sharedAddresses { unifyAddresses() }
        let result = rows.map { row in
            ImportedSubscription(
                address: row.address, name: row.name, attributesJSON: FlatJSONObject.text(row.attributes),
                newsletter: row.newsletter, language: row.language, newSubscriberLanguage: row.newsletterLanguage,
                status: row.status, createdAt: row.createdAt,
                // A confirmed row merged with a later pending or unsubscribed one keeps no confirmation date.
                confirmedAt: row.status == .confirmed ? row.confirmedAt : nil)
        }
        defer {
            rows.removeAll(keepingCapacity: true)
            next.removeAll(keepingCapacity: true)
            firstRow.removeAll(keepingCapacity: true)
            sharedAddresses = false
            merged = 0
        }
        return (result, merged)
    }

    /// Gives every row of an address the last name and language and all attributes its rows carry
    /// (and, for a new subscriber without a language, the first row's newsletter's language).
    private mutating func unifyAddresses() {
        for first in firstRow.values where next[first] >= 0 {
            var chain: [Int] = []
            var index = first
            while index >= 0 {
                chain.append(index)
                index = next[index]
            }
            let name = chain.reversed().compactMap { rows[$0].name }.first
            let language = chain.reversed().compactMap { rows[$0].language }.first
            let newsletterLanguage = rows[first].newsletterLanguage
            let attributes = chain.reduce(into: [(String, String)]()) { $0 = Self.merge($0, rows[$1].attributes) }
            for index in chain {
                rows[index].name = name
                rows[index].language = language
                rows[index].newsletterLanguage = newsletterLanguage
                rows[index].attributes = attributes
            }
        }
    }

    private static func merge(_ earlier: [(String, String)], _ later: [(String, String)]) -> [(String, String)] {
        guard !earlier.isEmpty else { return later }
        var result = earlier.filter { pair in !later.contains { $0.0 == pair.0 } }
        result.append(contentsOf: later)
        return result
    }
}
