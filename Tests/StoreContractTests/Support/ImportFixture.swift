import Foundation
import HeraldTestSupport

/// An import file with every kind of broken row Herald reports, between good ones.
enum ImportFixture {
    static let header = "email,name,newsletter,status,created_at,confirmed_at,city"

    /// (line content as bytes, the problem code expected on that line, or nil for a good row).
    static var lines: [([UInt8], String?)] {
        let long = String(repeating: "a", count: 65)
        let label = String(repeating: "b", count: 63)
        func text(_ line: String, _ code: String?) -> ([UInt8], String?) { (Array(line.utf8), code) }
        return [
            text("ok1@example.org,Ok One,news,confirmed,2024-01-02,2024-01-03T04:05:06Z,Kyiv", nil),
            text(",No Email,news,,,,", "email_empty"),
            text("no-at-sign.example.org,,news,,,,", "email_missing_at"),
            text("two@@example.org,,,,,,", "email_multiple_at"),
            text("\"Jane Doe <jane@example.org>\",,,,,,", "email_display_name"),
            text("jane doe@example.org,,,,,,", "email_whitespace"),
            text("jane@example..org,,,,,,", "email_domain_consecutive_dots"),
            text(".jane@example.org,,,,,,", "email_local_part_starts_with_dot"),
            text("jane@[192.0.2.1],,,,,,", "email_ip_literal_domain"),
            text("\(long)@example.org,,,,,,", "email_local_part_too_long"),
            text("\(long.dropFirst(5))@\(label).\(label).\(label).org,,,,,,", "email_too_long"),
            text("jane@-example.org,,,,,,", "email_domain_label_hyphen"),
            text("jane@example.123,,,,,,", "email_numeric_top_level_domain"),
            text("jane@exa_mple.org,,,,,,", "email_invalid_domain_character"),
            text("jane＠example.org,,,,,,", "email_fullwidth_at"),
            text("ja\u{200B}ne@example.org,,,,,,", "email_zero_width_character"),
            text("ab\"c@example.org,,,,,,", "csv_quote_in_unquoted_field"),
            text("\"x@example.org\"junk,,,,,,", "csv_text_after_closing_quote"),
            text("few@example.org,Few", "field_count"),
            text("many@example.org,,,,,,,extra", "field_count"),
            (Array("utf@example.org,Ren".utf8) + [0xC3, 0x28] + Array(",,,,,".utf8), "invalid_utf8"),
            text("ok2@example.org,\"Ok, \"\"Two\"\"\",daily,pending,,,\"Lviv\nOld Town\"", nil),
            text("long@example.org,\(String(repeating: "n", count: 101)),,,,,", "name_too_long"),
            text("ctrl@example.org,Bad\u{1}Name,,,,,", "control_characters"),
            text("nl@example.org,sports,sports,,,,", "unknown_newsletter"),
            text("st@example.org,,,maybe,,,", "unknown_status"),
            text("dt@example.org,,,,yesterday,,", "bad_date"),
            text("dt2@example.org,,,confirmed,,2026-13-45,", "bad_date"),
            text("city@example.org,,,,,,\(String(repeating: "c", count: 1001))", "value_too_long"),
            text("OK1@EXAMPLE.ORG,Ok Renamed,news,,,,Odesa", nil),
            text("'=cmd@example.org,'=SUM(A1),news,,,,'@x", nil),
            text("dispo@mailinator.com,,,,,,", "email_disposable_domain"),
            text("\"unclosed@example.org,,,,,,", "csv_unterminated_quote"),
        ]
    }

    /// The file: BOM, header, the lines above joined with CRLF.
    static var bytes: [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(header.utf8) + [0x0D, 0x0A]
        for (line, _) in lines { out += line + [0x0D, 0x0A] }
        return out
    }

    /// The expected (line number, code) of every broken row; line 1 is the header.
    static var expectedErrors: [(Int, String)] {
        var result: [(Int, String)] = []
        var lineNumber = 2
        for (line, code) in lines {
            if let code { result.append((lineNumber, code)) }
            lineNumber += 1 + line.filter { $0 == 0x0A }.count
        }
        return result
    }

    /// Writes `bytes` to a new temporary file and returns its path.
    static func write(_ bytes: [UInt8], name: String = "fixture.csv") throws -> String {
        let path = TemporaryPath.make(suffix: "-" + name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }
}
