extension TemplateLibrary {
    /// The double opt-in mail (`mail/confirmation.*`).
    ///
    /// Rendered once per newsletter, language and expiry with a hole for the link
    /// (``MailShapeMemo``), when that gives what rendering each mail gives for probe links with
    /// `&`, quotes and markup; otherwise (an operator's template that transforms the link)
    /// rendered for each mail.
    public func confirmationMail(_ mail: ConfirmationMail) -> RenderedMail {
        var shape = mail
        shape.confirmURL = ""
        guard let holed = confirmationShapes.mail(for: shape, make: { holedConfirmation(shape) }) else {
            return renderMail(.confirmation, mail.templateValues)
        }
        return holed.filled([.confirmURL: mail.confirmURL])
    }

    /// Links that escaping or a transform would change, to check a holed confirmation mail with.
    static let probeConfirmURLs = [
        "https://news.example.org/confirm/AbC-_09?n=morning&x=<1>&q='2'&r=\"3\"#Ä",
        "http://localhost:8080/confirm/zz",
    ]

    /// The confirmation mail of `shape` with a hole for its link, or nil when filling the hole
    /// does not give exactly what rendering gives.
    private func holedConfirmation(_ shape: ConfirmationMail) -> HoledMail? {
        let markers = SlotMarkers<MailSlot>()
        var marked = shape
        marked.confirmURL = markers.markers[.confirmURL] ?? ""
        let holed = HoledMail(renderMail(.confirmation, marked.templateValues), markers: markers)
        for link in Self.probeConfirmURLs {
            var probe = shape
            probe.confirmURL = link
            guard holed.filled([.confirmURL: link]) == renderMail(.confirmation, probe.templateValues) else {
                return nil
            }
        }
        return holed
    }

    /// The mail sent when an already subscribed address signs up again (`mail/already_subscribed.*`).
    public func alreadySubscribedMail(_ mail: AlreadySubscribedMail) -> RenderedMail {
        renderMail(.alreadySubscribed, mail.templateValues)
    }

    /// The mail sent after confirmation (`mail/welcome.*`).
    public func welcomeMail(_ mail: WelcomeMail) -> RenderedMail {
        renderMail(.welcome, mail.templateValues)
    }

    /// The one reminder for an unconfirmed signup, with a fresh link (`mail/reminder.*`).
    public func reminderMail(_ mail: ReminderMail) -> RenderedMail {
        renderMail(.reminder, mail.templateValues)
    }

    /// The test mail `herald doctor --send-test` sends (`mail/doctor_test.*`).
    public func doctorTestMail(site: SiteContext) -> RenderedMail {
        renderMail(.doctorTest, site.context([:]))
    }
}
