import CCurl

/// libcurl refused an option: an option this build of libcurl lacks, or a value it does not accept.
package struct CurlOptionError: Error, Equatable {
    /// The option that was refused.
    package let option: CURLoption
    /// libcurl's answer.
    package let code: CURLcode

    /// For example "libcurl/7.88.1 rejected option CURLOPT_PROTOCOLS_STR: An unknown option was passed in to libcurl".
    package var message: String {
        "\(CurlRuntime.version) rejected option \(optionName): \(String(cString: curl_easy_strerror(code)))"
    }

    /// `CURLOPT_NAME` as libcurl knows it, else the option's number.
    private var optionName: String {
        guard let name = curl_easy_option_by_id(option)?.pointee.name else { return "number \(option.rawValue)" }
        return "CURLOPT_" + String(cString: name)
    }
}
