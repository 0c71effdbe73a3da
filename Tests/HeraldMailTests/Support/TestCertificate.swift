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

    private actor Cache {
        static let shared = Cache()
        private var made: TestCertificate?

        func certificate() async throws -> TestCertificate {
            if let made { return made }
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
            made = certificate
            return certificate
        }
    }
}
