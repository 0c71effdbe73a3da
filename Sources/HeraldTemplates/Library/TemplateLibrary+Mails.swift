extension TemplateLibrary {
    /// The double opt-in mail (`mail/confirmation.*`).
    public func confirmationMail(_ mail: ConfirmationMail) -> RenderedMail {
        renderMail(.confirmation, mail.templateValues)
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
