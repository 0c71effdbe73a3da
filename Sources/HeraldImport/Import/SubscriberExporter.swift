import Foundation
import HeraldCore

/// `herald subscribers export`: one CSV row per subscription, in pages, so memory stays flat.
///
/// Columns: `email,name,newsletter,status,created_at,confirmed_at,language` (empty when none is
/// stored) and one column per attribute name. UTF-8 with a byte order mark (so Excel reads it as UTF-8), CRLF line breaks, formula-like
/// cells neutralised with a leading apostrophe (which the importer removes again).
public struct SubscriberExporter: Sendable {
    static let fixedColumns = ["email", "name", "newsletter", "status", "created_at", "confirmed_at", "language"]
    let pages: SubscriberExportPages
    let pageSize: Int

    public init(store: any SubscriberStore, pageSize: Int = 2000) {
        pages = SubscriberExportPages(store: store)
        self.pageSize = pageSize
    }

    /// Writes the export through `write` (called with about 64 KiB at a time); returns the row count.
    public func export(
        newsletter: String?, status: SubscriptionStatus?, byteOrderMark: Bool = true,
        write: ([UInt8]) throws -> Void
    ) async throws -> Int {
        let names = try await pages.attributeNames(newsletter: newsletter, status: status).filter {
            !Self.fixedColumns.contains($0.lowercased())
        }
        var writer = CSVWriter()
        if byteOrderMark { try write(CSVWriter.byteOrderMark) }
        writer.write(Self.fixedColumns + names)
        var after = (id: Int64(0), newsletter: "")
        var count = 0
        while true {
            let page = try await pages.page(
                newsletter: newsletter, status: status, afterSubscriberID: after.id,
                afterNewsletter: after.newsletter, limit: pageSize)
            for row in page { writer.write(Self.cells(row, attributeNames: names)) }
            count += page.count
            if writer.buffer.count >= 1 << 16 || page.count < pageSize { try write(writer.drain()) }
            guard let last = page.last, page.count == pageSize else { break }
            after = (last.subscription.subscriberID, last.subscription.newsletter)
        }
        return count
    }

    static func cells(_ row: SubscriberExportRow, attributeNames: [String]) -> [String] {
        let attributes = JSONValue.objectMembers(of: row.subscriber.attributesJSON)
        let subscription = row.subscription
        return [
            row.subscriber.email, row.subscriber.name ?? "", subscription.newsletter, subscription.status.rawValue,
            ImportDate.format(subscription.createdAt), subscription.confirmedAt.map(ImportDate.format) ?? "",
            row.subscriber.language ?? "",
        ] + attributeNames.map { name in attributes[name].map(text) ?? "" }
    }

    private static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .number(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        case .array, .object:
            (try? String(decoding: JSONEncoder().encode(value), as: UTF8.self)) ?? ""
        }
    }
}
