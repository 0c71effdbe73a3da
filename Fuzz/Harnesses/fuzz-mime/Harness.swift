import Foundation
import FuzzDriver
import HeraldCore
import HeraldMail

/// libFuzzer entry point: builds a message from NUL-separated fields of the input (names,
/// addresses, subject, bodies, list and extra headers), assembles it, and checks the MIME
/// promises: CRLF only, no line over 998 octets, exactly the expected header fields (nothing
/// injected), and subject, display name, extra header and text body decode back to the input.
/// An input the assembler refuses must be refused with a `MessageAssemblyError` (typed throws).

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMIME(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let fields = bytes.split(separator: 0, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    let message = FuzzMessage(fields: fields).message
    guard let mail = try? MessageAssembler().assemble(message) else { return 0 }
    MessageCheck(message: message, data: mail.data).run()
    return 0
}

/// The message described by the fields; absent fields get plausible defaults so that most inputs
/// reach the encoders rather than the validation.
struct FuzzMessage {
    let message: MailMessage

    init(fields: [String]) {
        func field(_ index: Int, _ fallback: String? = nil) -> String? {
            index < fields.count ? fields[index] : fallback
        }
        let fromName = field(0)
        let listID = field(9)
        let list = listID.map {
            ListHeaders(
                title: field(8), id: $0, unsubscribeURL: field(10), unsubscribeMailto: nil, oneClickUnsubscribe: false)
        }
        let extra = field(11).map { [MailHeader(name: $0, value: field(12) ?? "")] } ?? []
        message = MailMessage(
            from: Mailbox(displayName: fromName, address: field(1, "news@example.org")!),
            to: [Mailbox(displayName: field(2), address: field(3, "reader@example.net")!)],
            subject: field(4, "")!,
            text: field(5, "")!,
            html: field(6).flatMap { $0.isEmpty ? nil : $0 },
            date: Date(timeIntervalSince1970: 1_790_000_000),
            messageID: field(7).flatMap { $0.isEmpty ? nil : $0 },
            list: list,
            extraHeaders: extra,
            returnPath: field(13)
        )
    }
}
