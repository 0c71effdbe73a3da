import Foundation

/// Gmail's and Yahoo's bulk-sender requirements that Herald itself controls.
extension Doctor {
    func bulkSenderChecks() -> [DoctorCheck] {
        let https = URL(string: configuration.baseURL)?.scheme == "https"
        return [
            https
                ? DoctorCheck(
                    .ok, "bulk.one_click_unsubscribe",
                    "met: newsletter mail carries List-Unsubscribe with List-Unsubscribe-Post (RFC 8058 one-click)")
                : DoctorCheck(
                    .failure, "bulk.one_click_unsubscribe",
                    "not met: one-click unsubscribe (RFC 8058) needs an https base_url",
                    fix: "set base_url to Herald's public https:// address"),
            DoctorCheck(.ok, "bulk.list_id", "met: newsletter mail carries List-Id (RFC 2919)"),
            DoctorCheck(.ok, "bulk.message_id_date", "met: every mail has a Message-ID on the From domain and a Date"),
            DoctorCheck(.ok, "bulk.visible_unsubscribe", "met: every newsletter mail has a visible unsubscribe link"),
        ]
    }
}
