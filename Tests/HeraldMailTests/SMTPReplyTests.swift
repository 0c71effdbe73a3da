import Foundation
import HeraldCore
import HeraldMail
import Testing

@Suite("SMTP replies and session tracking")
struct SMTPReplyTests {
    private func reply(_ lines: String...) -> SMTPReply? {
        var reader = SMTPReplyReader()
        var result: SMTPReply?
        for line in lines { result = reader.consume(line + "\r\n") }
        return result
    }

    @Test func readsSingleAndMultiLineReplies() {
        #expect(reply("250 2.0.0 Ok: queued") == SMTPReply(code: 250, lines: ["2.0.0 Ok: queued"]))
        #expect(
            reply("250-mx.example.org", "250-SMTPUTF8", "250 HELP")
                == SMTPReply(code: 250, lines: ["mx.example.org", "SMTPUTF8", "HELP"])
        )
        #expect(reply("334 ") == SMTPReply(code: 334, lines: [""]))
        #expect(reply("250-first") == nil)
        #expect(SMTPReply(code: 550, lines: ["5.1.1 no", "such user"]).summary == "550 5.1.1 no such user")
    }

    private func track(_ security: SMTPConfiguration.Security, _ replies: [SMTPReply]) -> SMTPSessionTracker {
        var tracker = SMTPSessionTracker(security: security)
        for reply in replies { _ = tracker.observe(reply) }
        return tracker
    }

    private let greeting = SMTPReply(code: 220, lines: ["mx ESMTP"])
    private let plainEHLO = SMTPReply(code: 250, lines: ["mx", "STARTTLS", "SIZE 1000"])
    private let tlsEHLO = SMTPReply(code: 250, lines: ["mx", "SMTPUTF8", "AUTH PLAIN"])

    @Test func learnsCapabilitiesAfterSTARTTLS() {
        let ready = SMTPReply(code: 220, lines: ["ready to start TLS"])
        let beforeTLS = track(.startTLS(.required), [greeting, plainEHLO])
        #expect(beforeTLS.capabilities == nil, "capabilities are not final before the second EHLO")
        let tracker = track(.startTLS(.required), [greeting, plainEHLO, ready, tlsEHLO])
        #expect(tracker.capabilities == ["SMTPUTF8", "AUTH"])
        #expect(tracker.isNewConnection)
    }

    @Test func withoutUpgradeTheFirstEHLOIsFinal() {
        #expect(track(.startTLS(.never), [greeting, plainEHLO]).capabilities == ["STARTTLS", "SIZE"])
        #expect(track(.implicitTLS, [greeting, tlsEHLO]).capabilities == ["SMTPUTF8", "AUTH"])
        let refused = SMTPReply(code: 454, lines: ["TLS not available"])
        #expect(track(.startTLS(.opportunistic), [greeting, plainEHLO, refused]).capabilities == ["STARTTLS", "SIZE"])
    }

    @Test func heloFallbackOffersNothing() {
        let rejected = SMTPReply(code: 502, lines: ["EHLO not implemented"])
        let helo = SMTPReply(code: 250, lines: ["mx"])
        #expect(track(.startTLS(.opportunistic), [greeting, rejected, helo]).capabilities == [])
    }

    @Test func aReusedConnectionLearnsNothing() {
        let tracker = track(.startTLS(.never), [SMTPReply(code: 250, lines: ["OK"])])
        #expect(tracker.capabilities == nil)
        #expect(!tracker.isNewConnection)
    }

    @Test(
        "failures are classified by reply code and libcurl code",
        arguments: [
            (7, nil, MailDeliveryError.Kind.transient, nil),  // couldn't connect
            (28, nil, .transient, nil),  // timeout
            (56, nil, .transient, nil),  // recv error
            (55, SMTPReply(code: 550, lines: ["5.1.1 unknown user"]), .permanent, 550),
            (56, SMTPReply(code: 451, lines: ["4.3.0 try later"]), .transient, 451),
            (67, SMTPReply(code: 535, lines: ["5.7.8 bad credentials"]), .permanent, 535),
            (67, SMTPReply(code: 454, lines: ["4.7.0 temporary auth failure"]), .transient, 454),
            (60, nil, .permanent, nil),  // certificate verification
            (77, nil, .permanent, nil),  // unreadable CA file
            (64, nil, .permanent, nil),  // STARTTLS required but not offered
            (3, nil, .permanent, nil),  // malformed URL
        ] as [(UInt32, SMTPReply?, MailDeliveryError.Kind, Int?)]
    )
    func classification(code: UInt32, reply: SMTPReply?, kind: MailDeliveryError.Kind, replyCode: Int?) {
        let error = SMTPFailureClassifier.classify(
            curlCode: code, curlMessage: "detail", lastReply: reply, stoppedForSMTPUTF8: false,
            context: SMTPFailureContext(endpoint: "mx.example.org:587", username: "news", caFile: nil)
        )
        #expect(error.kind == kind)
        #expect(error.replyCode == replyCode)
        #expect(error.message.contains("mx.example.org:587"))
        if let reply { #expect(error.message.contains(reply.text)) }
    }

    @Test func authenticationFailuresNameTheUserAndServer() {
        let error = SMTPFailureClassifier.classify(
            curlCode: 67, curlMessage: "Login denied",
            lastReply: SMTPReply(code: 535, lines: ["authentication failed"]),
            stoppedForSMTPUTF8: false, context: SMTPFailureContext(endpoint: "smtp.example.org:587", username: "news")
        )
        #expect(
            error.message
                == "smtp: authentication failed for user 'news' at smtp.example.org:587: 535 authentication failed")
    }
}
