import HeraldCore
import HeraldCurl

extension MailDeliveryError {
    /// libcurl refused an SMTP option: a permanent failure (this build of libcurl cannot send as configured).
    init(_ error: CurlOptionError) {
        self.init(kind: .permanent, message: "smtp: \(error.message)")
    }
}
