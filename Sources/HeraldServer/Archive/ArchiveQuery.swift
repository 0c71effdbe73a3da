import HTTPTypes
import Hummingbird

/// Validation of what an archive request may carry: `?page=N` on the list, `?lang=` on pages,
/// nothing on the feed.
enum ArchiveQuery {
    /// The requested list page: 1 without `page`; 400 for anything but one decimal number in
    /// 1...``ArchiveController/maxPage`` or for any other parameter than one `lang`.
    static func page(_ request: Request) throws -> Int {
        let parameters = request.uri.queryParameters
        var page = 1
        var seen = false
        for (key, value) in parameters where key != "lang" {
            guard key == "page", !seen else { throw HTTPError(.badRequest) }
            seen = true
            guard value.utf8.count <= 5, value.utf8.allSatisfy({ (48...57).contains($0) }),
                let number = Int(String(value)), (1...ArchiveController.maxPage).contains(number)
            else { throw HTTPError(.badRequest) }
            page = number
        }
        return page
    }

    /// 400 when the request has any query parameter.
    static func noParameters(_ request: Request) throws {
        guard request.uri.queryParameters.isEmpty else { throw HTTPError(.badRequest) }
    }

    /// 400 when the request has any query parameter but one `lang` (an unknown language is
    /// ignored like a header: the page is in a language the newsletter offers).
    static func onlyLanguage(_ request: Request) throws {
        let parameters = request.uri.queryParameters
        guard parameters.allSatisfy({ $0.key == "lang" }), parameters.count <= 1 else { throw HTTPError(.badRequest) }
    }

    /// Whether `period` could be a period key (what `--period` accepts is free text, but never
    /// longer than 64 bytes or holding control characters); other values are 404 without a query.
    static func isPlausiblePeriod(_ period: String) -> Bool {
        !period.isEmpty && period.utf8.count <= 64
            && period.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
    }
}
