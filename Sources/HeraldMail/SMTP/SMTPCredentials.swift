/// The user name and password for SMTP AUTH. The password never appears in descriptions or dumps.
public struct SMTPCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The login name, shown in error messages.
    public var username: String
    /// The secret, only ever handed to libcurl.
    public var password: String

    /// Creates credentials.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    public var description: String { "user '\(username)' (password hidden)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["username": username, "password": "<hidden>"]) }
}
