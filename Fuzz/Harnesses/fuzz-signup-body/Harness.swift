import FuzzDriver

/// libFuzzer entry point: reads the input both as a form body and as a JSON body of
/// `POST /subscribe`, the way the signup controller does, and checks that whatever the decoders
/// accept survives a round trip through an independent encoder.

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzSignupBody(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    checkForm(bytes)
    checkJSON(bytes)
    return 0
}

private func checkForm(_ bytes: [UInt8]) {
    guard let fields = try? FormBody.parse(bytes) else { return }
    _ = SignupSubmission.fromForm(fields, honeypotField: "website")
    let encoded = fields.map { percentEncoded($0.name) + "=" + percentEncoded($0.value) }.joined(separator: "&")
    guard let again = try? FormBody.parse(Array(encoded.utf8)) else {
        fatalError("re-encoded form is rejected: \(String(reflecting: encoded))")
    }
    require(
        again.map(\.name) == fields.map(\.name) && again.map(\.value) == fields.map(\.value),
        "form fields change on a round trip")
}

private func checkJSON(_ bytes: [UInt8]) {
    guard let value = try? StrictJSON.parse(bytes) else { return }
    _ = SignupSubmission.fromJSON(value, honeypotField: "website")
    checkNumbers(value)
    let encoded = JSONWriter.encode(value)
    guard let again = try? StrictJSON.parse(Array(encoded.utf8)) else {
        fatalError("re-encoded JSON is rejected: \(String(reflecting: encoded))")
    }
    require(again == value, "JSON value changes on a round trip: \(String(reflecting: encoded))")
}

/// Every number the reader accepted matches the RFC 8259 grammar.
private func checkNumbers(_ value: JSONValue) {
    switch value {
    case .number(let text):
        require(JSONWriter.isJSONNumber(text), "accepted a non-JSON number \(String(reflecting: text))")
    case .array(let items): items.forEach(checkNumbers)
    case .object(let members): members.forEach { checkNumbers($0.value) }
    case .string, .bool, .null: break
    }
}

private func percentEncoded(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        let isUnreserved =
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        if isUnreserved { out.unicodeScalars.append(Unicode.Scalar(byte)) } else { out += "%" + hex(byte) }
    }
    return out
}

func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".unicodeScalars)
    return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
}
