import Foundation

/// A self-signed certificate for 127.0.0.1 / localhost, made with `openssl req -x509` once per test run.
/// Being self-signed, the certificate file is also the CA file that trusts it.
struct TestCertificate: Sendable {
    var certificatePath: String
    var keyPath: String
    var caFile: String { certificatePath }

    static func shared() async throws -> TestCertificate {
        try await Cache.shared.certificate()
    }

    /// Makes the certificate once; concurrent callers share the same task (an actor alone would
    /// let them interleave at the `await` and each make a different certificate).
    private actor Cache {
        static let shared = Cache()
        private var making: Task<TestCertificate, any Error>?

        func certificate() async throws -> TestCertificate {
            if let making { return try await making.value }
            let task = Task { try await TestCertificate.make() }
            making = task
            return try await task.value
        }
    }

    private static func make() async throws -> TestCertificate {
        let directory = try TestEnvironment.makeTemporaryDirectory("tls")
        let certificate = TestCertificate(
            certificatePath: directory.appendingPathComponent("cert.pem").path,
            keyPath: directory.appendingPathComponent("key.pem").path
        )
        let output = try await runProcess(
            "/usr/bin/openssl",
            [
                "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", certificate.keyPath, "-out", certificate.certificatePath, "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ]
        )
        guard output.status == 0 else { throw ProcessFailure(description: "openssl failed: \(output.stderr)") }
        return certificate
    }
}
