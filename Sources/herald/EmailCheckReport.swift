import Foundation
import HeraldCore

/// Formats `check-email` results, buffering output so large inputs are fast.
struct EmailCheckReport {
    let json: Bool
    let policy: EmailValidationPolicy
    private(set) var anyInvalid = false
    private var buffer: [UInt8] = []

    init(json: Bool, policy: EmailValidationPolicy) {
        self.json = json
        self.policy = policy
        buffer.reserveCapacity(1 << 16)
    }

    /// Checks one line of standard input as bytes, so invalid UTF-8 gets its own code.
    mutating func check(bytes: ArraySlice<UInt8>) {
        do {
            let address = try EmailAddress(validatingUTF8: bytes, policy: policy)
            emit(valid: address, suggestion: EmailAddress.suggestion(for: address.typed))
        } catch {
            anyInvalid = true
            emit(invalid: error, input: String(decoding: bytes, as: UTF8.self))
        }
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func check(_ input: String) {
        do {
            let address = try EmailAddress(validating: input, policy: policy)
            let suggestion = EmailAddress.suggestion(for: input)
            emit(valid: address, suggestion: suggestion)
        } catch {
            anyInvalid = true
            emit(invalid: error, input: input)
        }
        if buffer.count > 1 << 16 { flush() }
    }

    private mutating func emit(valid address: EmailAddress, suggestion: String?) {
        if json {
            var object: [String: String] = [
                "input": address.typed, "result": "valid", "address": address.smtpAddress,
                "display": address.displayAddress,
            ]
            object["suggestion"] = suggestion
            if address.requiresSMTPUTF8 { object["smtputf8"] = "true" }
            appendJSON(object)
        } else {
            append("valid \(address.smtpAddress)" + hint(suggestion))
        }
    }

    private mutating func emit(invalid error: EmailValidationError, input: String) {
        if json {
            var object = ["result": "invalid", "code": error.code.rawValue, "message": error.message]
            object["input"] = input.count <= 320 ? input : nil
            object["suggestion"] = error.suggestion
            appendJSON(object)
        } else {
            append("invalid \(error.code.rawValue): \(error.message)" + hint(error.suggestion))
        }
    }

    private func hint(_ suggestion: String?) -> String {
        suggestion.map { " (did you mean \($0)?)" } ?? ""
    }

    /// Appends `object` as one JSON line with sorted keys.
    private mutating func appendJSON(_ object: [String: String]) {
        FlatJSONObject.append(object.map { ($0.key, $0.value) }, to: &buffer)
        buffer.append(UInt8(ascii: "\n"))
    }

    private mutating func append(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(UInt8(ascii: "\n"))
    }

    mutating func flush() {
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
