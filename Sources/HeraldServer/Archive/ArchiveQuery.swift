import HTTPTypes
import Hummingbird

/// Validation of what an archive request may carry: `?page=N` on the list and `?lang=` anywhere
/// (the language of the issues listed; an unoffered one falls back to negotiation), nothing else.
enum ArchiveQuery {
    /// The requested list page: 1 without `page`; 400 for anything but one decimal number in
    /// 1...``ArchiveController/maxPage`` or for any other parameter but one `lang`.
    static func page(_ request: Request) throws -> Int {
        var page = 1
        var seen = false
        for (key, value) in try withoutLanguage(request) {
            guard key == "page", !seen else { throw HTTPError(.badRequest) }
            seen = true
            guard value.utf8.count <= 5, value.utf8.allSatisfy({ (48...57).contains($0) }),
                let number = Int(String(value)), (1...ArchiveController.maxPage).contains(number)
            else { throw HTTPError(.badRequest) }
            page = number
        }
        return page
    }

    /// 400 when the request has any query parameter but one `lang`.
    static func noParameters(_ request: Request) throws {
        guard try withoutLanguage(request).isEmpty else { throw HTTPError(.badRequest) }
    }

    /// The parameters but `lang`; 400 when `lang` is given twice.
    private static func withoutLanguage(_ request: Request) throws -> [(Substring, Substring)] {
        let all = request.uri.queryParameters.map { ($0.key, $0.value) }
        let rest = all.filter { $0.0 != "lang" }
        guard all.count - rest.count <= 1 else { throw HTTPError(.badRequest) }
        return rest
    }

    /// Whether `period` could be a period key (what `--period` accepts is free text, but never
    /// longer than 64 bytes or holding control characters); other values are 404 without a query.
    static func isPlausiblePeriod(_ period: String) -> Bool {
        !period.isEmpty && period.utf8.count <= 64
            && period.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }
}
