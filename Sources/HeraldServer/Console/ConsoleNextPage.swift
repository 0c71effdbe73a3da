/// The console page to return to after signing in: only a path on this site under `/admin`, so
/// that the parameter cannot send an operator elsewhere (no scheme, host, `//`, `\`, dot segments
/// or control characters, at most 512 bytes).
enum ConsoleNextPage {
    static func validated(_ text: String) -> String? {
        guard text.utf8.count <= 512, text == "/admin" || text.hasPrefix("/admin/") || text.hasPrefix("/admin?"),
            !text.hasPrefix("/admin/sign-"), !text.contains("//"), !text.contains("\\"), !text.contains("/."),
            text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
        else { return nil }
        return text
    }
}
