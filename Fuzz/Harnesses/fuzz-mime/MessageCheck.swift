import Foundation
import FuzzDriver
import HeraldMail

/// Checks one assembled message against the message it was built from.
struct MessageCheck {
    let message: MailMessage
    let data: [UInt8]

    func run() {
        checkLineEndings()
        guard let split = headerEnd() else { fatalError("no blank line after the headers") }
        let headers = String(decoding: data[..<split], as: UTF8.self)
        let fields = HeaderReader.fields(headers)
        require(fields.map(\.name) == expectedNames(), "header fields \(fields.map(\.name)) != \(expectedNames())")
        let subject = fields.first { $0.name == "Subject" }!.value
        require(
            HeaderReader.unstructured(subject) == message.subject,
            "Subject does not round-trip: \(String(reflecting: message.subject)) -> \(String(reflecting: subject))")
        if let extra = message.extraHeaders.first, let value = fields.first(where: { $0.name == extra.name })?.value {
            require(
                HeaderReader.unstructured(value) == extra.value,
                "\(extra.name) does not round-trip: \(String(reflecting: extra.value)) -> \(String(reflecting: value))")
        }
        let from = fields.first { $0.name == "From" }!.value
        let (name, address) = HeaderReader.mailbox(from)
        require(address == message.from.address, "From address changed: \(String(reflecting: from))")
        // An empty display name means none: the bare address is written.
        if let displayName = message.from.displayName, !displayName.isEmpty {
            require(
                name == displayName,
                "From name does not round-trip: \(String(reflecting: displayName)) -> \(String(reflecting: from))")
        }
        let body = Array(data[(split + 4)...])
        let contentType = fields.first { $0.name == "Content-Type" }!.value
        require(
            BodyReader.text(of: body, contentType: contentType) == Self.normalizedLineBreaks(message.text),
            "text body does not round-trip")
    }

    /// CR only before LF, LF only after CR, and no line longer than 998 octets.
    private func checkLineEndings() {
        var lineLength = 0
        for (index, byte) in data.enumerated() {
            if byte == 13 { require(index + 1 < data.count && data[index + 1] == 10, "bare CR at \(index)") }
            if byte == 10 {
                require(index > 0 && data[index - 1] == 13, "bare LF at \(index)")
                lineLength = 0
            } else if byte != 13 {
                lineLength += 1
                require(lineLength <= 998, "line over 998 octets at \(index)")
            }
        }
        require(data.suffix(2) == [13, 10], "message does not end with CRLF")
    }

    private func headerEnd() -> Int? {
        guard data.count >= 4 else { return nil }
        return (0...(data.count - 4)).first {
            data[$0] == 13 && data[$0 + 1] == 10 && data[$0 + 2] == 13 && data[$0 + 3] == 10
        }
    }

    private func expectedNames() -> [String] {
        var names = ["Date", "From", "To"]
        if !message.replyTo.isEmpty { names.append("Reply-To") }
        names += ["Subject", "Message-ID", "MIME-Version"]
        if let list = message.list {
            names.append("List-Id")
            if list.unsubscribeURL != nil || list.unsubscribeMailto != nil { names.append("List-Unsubscribe") }
            if list.oneClickUnsubscribe { names.append("List-Unsubscribe-Post") }
        }
        names += message.extraHeaders.map(\.name)
        names.append("Content-Type")
        if message.html == nil { names.append("Content-Transfer-Encoding") }
        return names
    }

    static func normalizedLineBreaks(_ text: String) -> String {
        String(decoding: Array(text.utf8).normalizingLineBreaks(), as: UTF8.self)
    }
}

extension Array where Element == UInt8 {
    /// CRLF and lone CR become LF.
    func normalizingLineBreaks() -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < count {
            if self[index] == 13 {
                out.append(10)
                index += (index + 1 < count && self[index + 1] == 10) ? 2 : 1
            } else {
                out.append(self[index])
                index += 1
            }
        }
        return out
    }
}
