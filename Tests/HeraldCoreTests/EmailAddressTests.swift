import Foundation
import HeraldCore
import Testing

@Suite("EmailAddress validation")
struct EmailAddressTests {
    @Test("The address table has at least 150 rows and every code appears")
    func tableIsLargeAndCoversCodes() {
        #expect(EmailCorpus.all.count >= 150)
        let covered = Set(EmailCorpus.all.compactMap(\.expected))
        let missing = Set(EmailValidationError.Code.allCases).subtracting(covered)
        // These need a policy, raw bytes or huge input; they are covered by their own tests.
        #expect(missing.isSubset(of: [.disposableDomain, .invalidUTF8]))
    }

    @Test("Each table row is accepted or rejected with its code", arguments: EmailCorpus.all)
    func tableRow(_ row: EmailCase) {
        do {
            let address = try EmailAddress(validating: row.input)
            #expect(row.expected == nil, "accepted as \(address.smtpAddress)")
        } catch {
            #expect(error.code == row.expected)
        }
    }

    @Test("Every code has its own non-empty message", arguments: EmailValidationError.Code.allCases)
    func messages(_ code: EmailValidationError.Code) {
        #expect(!code.message.isEmpty)
        #expect(EmailValidationError(code).message == code.message)
        let others = EmailValidationError.Code.allCases.filter { $0 != code }
        #expect(!others.contains { $0.message == code.message })
        #expect(code.rawValue.allSatisfy { $0.isLowercase || $0 == "_" || $0.isNumber })
    }

    @Test func messageForLongLocalPartIsSpecific() {
        #expect(EmailValidationError(.localPartTooLong).message == "The part before @ is longer than 64 characters.")
        #expect(EmailValidationError(.tooLong).description.hasPrefix("email: too_long: "))
    }

    @Test func plainAddressKeepsEveryForm() throws {
        let address = try EmailAddress(validating: "  jane.doe@example.com\n")
        #expect(address.typed == "jane.doe@example.com")
        #expect(address.smtpAddress == "jane.doe@example.com")
        #expect(address.displayAddress == "jane.doe@example.com")
        #expect(address.canonicalKey == "jane.doe@example.com")
        #expect(address.localPart == "jane.doe")
        #expect(address.asciiDomain == "example.com")
        #expect(!address.requiresSMTPUTF8)
    }

    @Test func canonicalKeyIgnoresCaseButTypedKeepsIt() throws {
        let upper = try EmailAddress(validating: "Jane@Gmail.com")
        let lower = try EmailAddress(validating: "jane@gmail.com")
        #expect(upper.canonicalKey == lower.canonicalKey)
        #expect(upper.canonicalKey == "jane@gmail.com")
        #expect(upper.typed == "Jane@Gmail.com")
        #expect(upper.smtpAddress == "Jane@gmail.com")  // the local part is case-sensitive in SMTP
        #expect(upper.displayAddress == "Jane@gmail.com")
        #expect(upper != lower)
    }

    @Test func unicodeLocalPartIsLowercasedForTheKey() throws {
        let address = try EmailAddress(validating: "Юзер@Приклад.укр")
        #expect(address.canonicalKey == "юзер@xn--80aikifvh.xn--j1amh")
        #expect(address.smtpAddress == "Юзер@xn--80aikifvh.xn--j1amh")
        #expect(address.displayAddress == "Юзер@приклад.укр")
        #expect(address.requiresSMTPUTF8)
    }

    @Test func germanIDNConvertsBothWays() throws {
        let address = try EmailAddress(validating: "jane@bücher.de")
        #expect(address.smtpAddress == "jane@xn--bcher-kva.de")
        #expect(address.displayAddress == "jane@bücher.de")
        #expect(address.canonicalKey == "jane@xn--bcher-kva.de")
        #expect(address.typed == "jane@bücher.de")
        #expect(!address.requiresSMTPUTF8)
    }

    @Test func punycodeInputRoundTrips() throws {
        let address = try EmailAddress(validating: "Jane@XN--BCHER-KVA.de")
        #expect(address.smtpAddress == "Jane@xn--bcher-kva.de")
        #expect(address.displayAddress == "Jane@bücher.de")
        #expect(address.canonicalKey == "jane@xn--bcher-kva.de")
        #expect(address.canonicalKey == (try EmailAddress(validating: "jane@BÜCHER.de")).canonicalKey)
    }

    @Test func chineseAddressNeedsSMTPUTF8() throws {
        let address = try EmailAddress(validating: "用户@例子.广告")
        #expect(address.requiresSMTPUTF8)
        #expect(address.smtpAddress == "用户@xn--fsqu00a.xn--4rr70v")
        #expect(address.displayAddress == "用户@例子.广告")
    }

    @Test func ukrainianAddress() throws {
        let address = try EmailAddress(validating: "користувач@приклад.укр")
        #expect(address.requiresSMTPUTF8)
        #expect(address.smtpAddress == "користувач@xn--80aikifvh.xn--j1amh")
        #expect(address.displayAddress == "користувач@приклад.укр")
    }

    @Test func inputIsNormalizedToNFC() throws {
        let address = try EmailAddress(validating: "jose\u{301}@example.com")
        #expect(address.typed.unicodeScalars.elementsEqual("josé@example.com".unicodeScalars))
        #expect(address.requiresSMTPUTF8)
    }

    @Test func fullWidthDomainLettersAreMappedForSMTP() throws {
        let address = try EmailAddress(validating: "jane@ｅｘａｍｐｌｅ.com")
        #expect(address.smtpAddress == "jane@example.com")
    }

    @Test func codableRoundTripsAndRevalidates() throws {
        let address = try EmailAddress(validating: "Jane@Bücher.de")
        let data = try JSONEncoder().encode([address])
        #expect(String(decoding: data, as: UTF8.self) == "[\"Jane@Bücher.de\"]")
        #expect(try JSONDecoder().decode([EmailAddress].self, from: data) == [address])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([EmailAddress].self, from: Data("[\"not an address\"]".utf8))
        }
    }

    @Test func bytesInitializerAcceptsUTF8() throws {
        let address = try EmailAddress(validatingUTF8: Array("jane@bücher.de".utf8))
        #expect(address.smtpAddress == "jane@xn--bcher-kva.de")
    }

    @Test("Addresses are equal and hash alike exactly when every form is equal, however made")
    func equalityComparesEveryForm() throws {
        let inputs = ["jane@example.com", "Jane@Example.com", "jane@EXAMPLE.com", "jané@example.com", "Jané@bücher.de"]
        for input in inputs {
            let fromText = try EmailAddress(validating: input)
            let fromBytes = try EmailAddress(validatingUTF8: Array(input.utf8))
            let trimmed = try EmailAddress(validating: " \(input)\n")
            #expect(fromText == fromBytes && fromText == trimmed)
            #expect(Set([fromText, fromBytes, trimmed]).count == 1)
        }
        let all = try inputs.map { try EmailAddress(validating: $0) }
        #expect(Set(all).count == inputs.count)
        // Same canonical key, different forms: not equal.
        #expect(all[0] != all[1] && all[0].canonicalKey == all[1].canonicalKey)
    }

    @Test("Every special-use top-level name is refused in any case; names one letter off are not")
    func specialUseTopLevelNames() throws {
        let names = ["localhost", "test", "invalid", "example", "local", "onion", "arpa", "alt", "internal"]
        for name in names {
            for spelling in [name, name.uppercased(), name.prefix(1).uppercased() + name.dropFirst()] {
                let error = #expect(throws: EmailValidationError.self) {
                    try EmailAddress(validating: "jane@host.\(spelling)")
                }
                #expect(error?.code == .specialUseDomain, "\(spelling)")
            }
            for near in [String(name.dropLast()), name + "s", "x" + name.dropFirst()] {
                #expect(throws: Never.self, "\(near)") { try EmailAddress(validating: "jane@host.\(near)") }
            }
        }
    }
}
