extension SMTPConfiguration {
    /// Parses `smtp://user:password@host:port/ehlo-name?starttls=required|opportunistic|never` or
    /// `smtps://user:password@host:port`.
    ///
    /// - The user name and password are percent-decoded; give them in the URL or as `username` and
    ///   `password`, not both. Everything before the last `@` is the user information.
    /// - Ports default to 25 (`smtp`) and 465 (`smtps`).
    /// - `starttls` defaults to `required`, or `opportunistic` when the host is loopback.
    /// - A URL path is the EHLO name, as an alternative to `ehloName`.
    public init(
        url: String,
        username: String? = nil,
        password: String? = nil,
        verifyCertificates: Bool = true,
        caFile: String? = nil,
        connectTimeout: Duration = .seconds(15),
        totalTimeout: Duration = .seconds(120),
        ehloName: String? = nil
    ) throws(SMTPConfigurationError) {
        let parts = try SMTPURLParts(url)
        let isImplicitTLS = parts.scheme == "smtps"
        let port: Int
        if let portText = parts.port {
            guard let number = Int(portText), (1...65535).contains(number), portText.allSatisfy(\.isASCII) else {
                throw .invalidPort
            }
            port = number
        } else {
            port = isImplicitTLS ? 465 : 25
        }

        var policy: StartTLSPolicy?
        for (name, value) in parts.query {
            guard name == "starttls" else { throw .unknownParameter(name) }
            guard !isImplicitTLS else { throw .startTLSWithImplicitTLS }
            guard let parsed = StartTLSPolicy(rawValue: value.lowercased()) else { throw .invalidStartTLS(value) }
            policy = parsed
        }
        let security: Security =
            isImplicitTLS
            ? .implicitTLS
            : .startTLS(policy ?? (LoopbackHost.isLoopback(parts.host) ? .opportunistic : .required))

        let credentials = try Self.credentials(url: (parts.user, parts.password), given: (username, password))
        let ehlo: String?
        switch (parts.path, ehloName) {
        case (let path?, nil): ehlo = path
        case (nil, let name): ehlo = name
        case (.some, .some): throw .invalidEHLOName
        }
        if let ehlo {
            guard !ehlo.isEmpty, ehlo.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else { throw .invalidEHLOName }
        }
        guard connectTimeout > .zero, totalTimeout > .zero else { throw .invalidTimeout }

        self.init(
            host: parts.host,
            port: port,
            security: security,
            credentials: credentials,
            verifyCertificates: verifyCertificates,
            caFile: caFile,
            connectTimeout: connectTimeout,
            totalTimeout: totalTimeout,
            ehloName: ehlo
        )
    }

    private static func credentials(
        url: (user: String?, password: String?),
        given: (user: String?, password: String?)
    ) throws(SMTPConfigurationError) -> SMTPCredentials? {
        let inURL = url.user != nil || url.password != nil
        let separate = given.user != nil || given.password != nil
        if inURL && separate { throw .duplicateCredentials }
        let (user, password) = inURL ? url : given
        guard let user, !user.isEmpty else {
            if let password, !password.isEmpty { throw .passwordWithoutUser }
            return nil
        }
        return SMTPCredentials(username: user, password: password ?? "")
    }
}
