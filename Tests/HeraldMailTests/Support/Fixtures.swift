import Foundation
import HeraldMail

/// Message content that exercises the encoders: Ukrainian text, emoji, typographic quotes,
/// a 5,000-character line, lines starting with a dot, `=` signs and trailing spaces.
enum Fixtures {
    static let longLine = String(repeating: "Довгий рядок “з лапками” — ", count: 200).prefix(5_000)

    static let text = """
        Привіт, Олено!

        Ось новий дайджест «Харків сьогодні» 📰 — три “нові” статті.
        .Цей рядок починається з крапки
        .
        From the editor: 1 + 1 = 2, a=b
        trailing spaces here  \u{20}
        \(longLine)
        Кінець 👋🏽
        """

    static let html = """
        <!doctype html>
        <html lang="uk"><body>
        <h1 style="font-family: sans-serif">Дайджест: Харків — 3 нові статті 📰</h1>
        <p>“Типографські лапки” та ‘одинарні’ — і емодзі 👩‍💻.</p>
        .<p>крапка на початку</p>
        <p>\(longLine)</p>
        </body></html>

        """

    static let subject = "Дайджест: Харків — 3 нові статті 📰"

    static func message(
        to: [Mailbox] = [Mailbox(displayName: "Олена Петренко", address: "olena@example.org")],
        subject: String = Fixtures.subject,
        html: String? = Fixtures.html
    ) -> MailMessage {
        MailMessage(
            from: Mailbox(displayName: "Харків сьогодні", address: "news@herald.example.org"),
            to: to,
            replyTo: [Mailbox(displayName: "Редакція \"Herald\"", address: "editor@herald.example.org")],
            subject: subject,
            text: text,
            html: html,
            date: Date(timeIntervalSince1970: 1_795_608_000),
            list: ListHeaders(
                title: "Харків сьогодні",
                id: "kharkiv.herald.example.org",
                unsubscribeURL: "https://herald.example.org/u/abc123",
                unsubscribeMailto: "mailto:unsubscribe@herald.example.org?subject=abc123"
            ),
            extraHeaders: [MailHeader(name: "X-Herald-Campaign", value: "42")]
        )
    }

    /// A small ASCII message to `recipient`.
    static func simple(to recipient: String = "reader@example.org", number: Int = 1) -> MailMessage {
        MailMessage(
            from: Mailbox(displayName: "Herald", address: "news@herald.example.org"),
            to: [Mailbox(address: recipient)],
            subject: "Message \(number)",
            text: "Hello number \(number).\n"
        )
    }
}
