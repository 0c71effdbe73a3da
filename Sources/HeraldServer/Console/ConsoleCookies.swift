import Foundation
import HTTPTypes
import HeraldCore
import Hummingbird

/// The console's cookies: the session (`herald_console`, its id is 256 random bits; only the
/// SHA-256 hash is stored) and the sign-in form's pre-session value (`herald_console_sign_in`).
/// Both are `HttpOnly`, `SameSite=Strict`, limited to `/admin`, and `Secure` when `base_url` is https.
struct ConsoleCookies: Sendable {
    static let session = "herald_console"
    static let signIn = "herald_console_sign_in"
    let secure: Bool

    /// The value of cookie `name` in the request, when it looks like one of ours.
    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { continue }
                return TokenSecret(parsing: parts[1].trimmingCharacters(in: .whitespaces))?.text
            }
        }
        return nil
    }

    /// `Set-Cookie` for `name` = `value` lasting `maxAge` seconds (0 deletes it).
    func setCookie(_ name: String, _ value: String, maxAge: Int) -> String {
        "\(name)=\(value); Path=/admin; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }
}
