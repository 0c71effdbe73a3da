import CCurl

// The libcurl names the SMTP transport, the feed fetcher and the webhook sender use, declared
// again here so that no module but HeraldCurl imports the C module: the list below is the whole
// of libcurl that Herald's transports touch beyond `CurlEasyHandle`'s methods. Add a name here
// before using it elsewhere.

/// libcurl's result code of a transfer or an option (`CURLE_…`).
package typealias CURLcode = CCurl.CURLcode
/// A libcurl easy option (`CURLOPT_…`).
package typealias CURLoption = CCurl.CURLoption
/// A piece of information about a finished transfer (`CURLINFO_…`).
package typealias CURLINFO = CCurl.CURLINFO
/// How much TLS an SMTP connection asks for (`CURLUSESSL_…`).
package typealias curl_usessl = CCurl.curl_usessl
/// The signature of `CURLOPT_WRITEFUNCTION` and `CURLOPT_HEADERFUNCTION` callbacks.
package typealias curl_write_callback = CCurl.curl_write_callback
/// The signature of a `CURLOPT_READFUNCTION` callback.
package typealias curl_read_callback = CCurl.curl_read_callback

/// What a read callback returns to abort the transfer.
package let CURL_READFUNC_ABORT = CCurl.CURL_READFUNC_ABORT

// Result codes.
package let CURLE_BAD_FUNCTION_ARGUMENT = CCurl.CURLE_BAD_FUNCTION_ARGUMENT
package let CURLE_COULDNT_CONNECT = CCurl.CURLE_COULDNT_CONNECT
package let CURLE_COULDNT_RESOLVE_HOST = CCurl.CURLE_COULDNT_RESOLVE_HOST
package let CURLE_FILESIZE_EXCEEDED = CCurl.CURLE_FILESIZE_EXCEEDED
package let CURLE_GOT_NOTHING = CCurl.CURLE_GOT_NOTHING
package let CURLE_LOGIN_DENIED = CCurl.CURLE_LOGIN_DENIED
package let CURLE_NOT_BUILT_IN = CCurl.CURLE_NOT_BUILT_IN
package let CURLE_OK = CCurl.CURLE_OK
package let CURLE_OPERATION_TIMEDOUT = CCurl.CURLE_OPERATION_TIMEDOUT
package let CURLE_PEER_FAILED_VERIFICATION = CCurl.CURLE_PEER_FAILED_VERIFICATION
package let CURLE_SSL_CACERT_BADFILE = CCurl.CURLE_SSL_CACERT_BADFILE
package let CURLE_SSL_CERTPROBLEM = CCurl.CURLE_SSL_CERTPROBLEM
package let CURLE_SSL_CIPHER = CCurl.CURLE_SSL_CIPHER
package let CURLE_SSL_CONNECT_ERROR = CCurl.CURLE_SSL_CONNECT_ERROR
package let CURLE_SSL_CRL_BADFILE = CCurl.CURLE_SSL_CRL_BADFILE
package let CURLE_SSL_ENGINE_NOTFOUND = CCurl.CURLE_SSL_ENGINE_NOTFOUND
package let CURLE_SSL_ENGINE_SETFAILED = CCurl.CURLE_SSL_ENGINE_SETFAILED
package let CURLE_SSL_INVALIDCERTSTATUS = CCurl.CURLE_SSL_INVALIDCERTSTATUS
package let CURLE_SSL_ISSUER_ERROR = CCurl.CURLE_SSL_ISSUER_ERROR
package let CURLE_SSL_PINNEDPUBKEYNOTMATCH = CCurl.CURLE_SSL_PINNEDPUBKEYNOTMATCH
package let CURLE_TOO_MANY_REDIRECTS = CCurl.CURLE_TOO_MANY_REDIRECTS
package let CURLE_UNKNOWN_OPTION = CCurl.CURLE_UNKNOWN_OPTION
package let CURLE_UNSUPPORTED_PROTOCOL = CCurl.CURLE_UNSUPPORTED_PROTOCOL
package let CURLE_URL_MALFORMAT = CCurl.CURLE_URL_MALFORMAT
package let CURLE_USE_SSL_FAILED = CCurl.CURLE_USE_SSL_FAILED
package let CURLE_WRITE_ERROR = CCurl.CURLE_WRITE_ERROR

// Options.
package let CURLOPT_ACCEPT_ENCODING = CCurl.CURLOPT_ACCEPT_ENCODING
package let CURLOPT_CAINFO = CCurl.CURLOPT_CAINFO
package let CURLOPT_CONNECTTIMEOUT_MS = CCurl.CURLOPT_CONNECTTIMEOUT_MS
package let CURLOPT_CUSTOMREQUEST = CCurl.CURLOPT_CUSTOMREQUEST
package let CURLOPT_FOLLOWLOCATION = CCurl.CURLOPT_FOLLOWLOCATION
package let CURLOPT_HEADERDATA = CCurl.CURLOPT_HEADERDATA
package let CURLOPT_HEADERFUNCTION = CCurl.CURLOPT_HEADERFUNCTION
package let CURLOPT_INFILESIZE_LARGE = CCurl.CURLOPT_INFILESIZE_LARGE
package let CURLOPT_LOW_SPEED_LIMIT = CCurl.CURLOPT_LOW_SPEED_LIMIT
package let CURLOPT_LOW_SPEED_TIME = CCurl.CURLOPT_LOW_SPEED_TIME
package let CURLOPT_MAIL_FROM = CCurl.CURLOPT_MAIL_FROM
package let CURLOPT_MAIL_RCPT = CCurl.CURLOPT_MAIL_RCPT
package let CURLOPT_MAXFILESIZE_LARGE = CCurl.CURLOPT_MAXFILESIZE_LARGE
package let CURLOPT_MAXREDIRS = CCurl.CURLOPT_MAXREDIRS
package let CURLOPT_NOSIGNAL = CCurl.CURLOPT_NOSIGNAL
package let CURLOPT_PASSWORD = CCurl.CURLOPT_PASSWORD
package let CURLOPT_READDATA = CCurl.CURLOPT_READDATA
package let CURLOPT_SERVER_RESPONSE_TIMEOUT = CCurl.CURLOPT_SERVER_RESPONSE_TIMEOUT
package let CURLOPT_SSL_VERIFYHOST = CCurl.CURLOPT_SSL_VERIFYHOST
package let CURLOPT_SSL_VERIFYPEER = CCurl.CURLOPT_SSL_VERIFYPEER
package let CURLOPT_TCP_KEEPALIVE = CCurl.CURLOPT_TCP_KEEPALIVE
package let CURLOPT_TIMEOUT_MS = CCurl.CURLOPT_TIMEOUT_MS
package let CURLOPT_UPLOAD = CCurl.CURLOPT_UPLOAD
package let CURLOPT_URL = CCurl.CURLOPT_URL
package let CURLOPT_USERAGENT = CCurl.CURLOPT_USERAGENT
package let CURLOPT_USERNAME = CCurl.CURLOPT_USERNAME
package let CURLOPT_USE_SSL = CCurl.CURLOPT_USE_SSL
package let CURLOPT_WRITEDATA = CCurl.CURLOPT_WRITEDATA
package let CURLOPT_WRITEFUNCTION = CCurl.CURLOPT_WRITEFUNCTION
package let CURLOPT_PROTOCOLS_STR = CCurl.CURLOPT_PROTOCOLS_STR

// Transfer information.
package let CURLINFO_EFFECTIVE_URL = CCurl.CURLINFO_EFFECTIVE_URL
package let CURLINFO_RESPONSE_CODE = CCurl.CURLINFO_RESPONSE_CODE

// TLS levels for SMTP.
package let CURLUSESSL_ALL = CCurl.CURLUSESSL_ALL
package let CURLUSESSL_NONE = CCurl.CURLUSESSL_NONE
package let CURLUSESSL_TRY = CCurl.CURLUSESSL_TRY

extension CURLcode {
    /// libcurl's number for this result, as its documentation lists it.
    package var number: UInt32 { rawValue }
}

extension curl_usessl {
    /// The level's number, the value `CURLOPT_USE_SSL` takes.
    package var number: UInt32 { rawValue }
}
