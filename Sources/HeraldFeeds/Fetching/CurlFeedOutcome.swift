import HeraldCurl

/// Turns a finished libcurl transfer into a fetch result or an operator-readable error.
struct CurlFeedOutcome {
    let request: CurlFeedRequest
    let transfer: CurlFeedTransfer
    let code: CURLcode

    var result: Result<FeedFetchResult, FeedError> {
        guard code == CURLE_OK else { return .failure(failure) }
        let status = transfer.statusCode
        let finalURL = transfer.effectiveURL ?? request.url
        switch status {
        case 304:
            return .success(.notModified)
        case 200..<300:
            return .success(.fetched(data: transfer.body, validators: transfer.response.validators, finalURL: finalURL))
        default:
            let reason = transfer.response.reason.isEmpty ? "" : " \(transfer.response.reason)"
            let redirected = finalURL == request.url ? "" : " (redirected from \(request.url))"
            let unexpected = status < 400 ? "unexpected " : ""
            return .failure(
                FeedError(.httpStatus(status), "\(unexpected)HTTP \(status)\(reason) from \(finalURL)\(redirected)"))
        }
    }

    private var failure: FeedError {
        let detail = transfer.errorMessage(for: code)
        if let refusal = transfer.addressRefusal {
            return FeedError(.network, "fetching \(request.url): \(refusal)")
        }
        switch code {
        case CURLE_WRITE_ERROR where transfer.exceededLimit, CURLE_FILESIZE_EXCEEDED:
            return FeedError(
                .tooLarge, "the response from \(request.url) is over the \(request.maximumBytes) byte limit")
        case CURLE_OPERATION_TIMEDOUT:
            let seconds = Double(request.timeoutMilliseconds) / 1_000
            return FeedError(
                .timeout, "no complete response from \(request.url) within \(seconds.formatted) s (\(detail))")
        case CURLE_TOO_MANY_REDIRECTS:
            return FeedError(.network, "more than \(request.maximumRedirects) redirects fetching \(request.url)")
        case CURLE_UNSUPPORTED_PROTOCOL:
            return FeedError(.network, "\(request.url) redirected to a URL that is not http or https (\(detail))")
        case CURLE_COULDNT_RESOLVE_HOST:
            return FeedError(.network, "cannot resolve the host of \(request.url) (\(detail))")
        case CURLE_COULDNT_CONNECT:
            return FeedError(.network, "cannot connect to \(request.url) (\(detail))")
        case CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CONNECT_ERROR, CURLE_SSL_CACERT_BADFILE:
            return FeedError(.network, "TLS failure talking to \(request.url) (\(detail))")
        default:
            return FeedError(.network, "fetching \(request.url) failed: \(detail) (curl error \(code.number))")
        }
    }
}

extension Double {
    /// "2" for whole numbers, "2.5" otherwise.
    fileprivate var formatted: String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}
