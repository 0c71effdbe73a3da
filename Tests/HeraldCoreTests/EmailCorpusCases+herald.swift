import HeraldCore

private func valid(_ input: String) -> EmailCase { EmailCase(input: input, expected: nil) }
private func invalid(_ input: String, _ code: EmailValidationError.Code) -> EmailCase {
    EmailCase(input: input, expected: code)
}

extension EmailCorpus {
    /// Source: Herald's own rules (Issue #2): what sign-up forms and imports actually receive.
    static let herald: [EmailCase] = [
        valid("jane@example.com"),
        valid("Jane.Doe+news@Example.COM"),
        valid("  jane@example.com  "),
        valid("\tjane@example.com\u{3000}"),
        valid("a@b.co"),
        valid("x@x.x"),
        valid("jane@example.org"),
        valid("jane@sub.domain.example.com"),
        valid("first_last@example.com"),
        valid("o'brien@example.ie"),
        valid("a'--@x.com"),
        valid("jane@bücher.de"),
        valid("用户@例子.广告"),
        valid("користувач@приклад.укр"),
        valid("jane@xn--bcher-kva.de"),
        valid("jane@XN--BCHER-KVA.DE"),
        valid("e\u{301}@example.com"),  // decomposed é, normalized to NFC
        invalid("", .empty),
        invalid("   \n\t ", .empty),
        invalid("Jane Doe <jane@example.com>", .displayName),
        invalid("<jane@example.com>", .displayName),
        invalid("Jane<jane@example.com>", .displayName),
        invalid("\"Jane Doe\" <jane@example.com>", .displayName),
        invalid("\"Jane Doe\" jane@example.com", .displayName),
        invalid("jane@example.com (Jane Doe)", .comment),
        invalid("jane(work)@example.com", .comment),
        invalid("jane@example.com, john@example.com", .addressList),
        invalid("jane@example.com,john@example.com", .addressList),
        invalid("jane@example.com; john@example.com", .addressList),
        invalid("jane@example.com john@example.com", .addressList),
        invalid("jane＠example.com", .fullwidthAt),
        invalid("jane﹫example.com", .fullwidthAt),
        invalid("jane.example.com", .missingAt),
        invalid("jane@@example.com", .multipleAt),
        invalid("jane@exa@mple.com", .multipleAt),
        invalid("jane doe@example.com", .whitespace),
        invalid("jane\u{00A0}doe@example.com", .whitespace),
        invalid("jane@[192.168.0.1]", .ipLiteralDomain),
        invalid("jane@localhost", .specialUseDomain),
        invalid("jane@example", .specialUseDomain),
        invalid("jane@mail.test", .specialUseDomain),
        invalid("jane@printer.LOCAL", .specialUseDomain),
        invalid("jane@service.onion", .specialUseDomain),
        invalid("jane@1.0.0.127.in-addr.arpa", .specialUseDomain),
        invalid("jane@例子.test", .specialUseDomain),
        invalid("jane@gmial", .domainNeedsDot),
        invalid("jane@exa_mple.com", .invalidDomainCharacter),
        invalid("jane@bücher_.de", .invalidDomainCharacter),
        invalid("jane@example.c0m", .invalidTopLevelDomain),
        invalid("jane@1.2.3.4", .numericTopLevelDomain),
        invalid("jane@xn--a.com", .invalidInternationalDomain),
        invalid("jane@xn--zz.com", .invalidInternationalDomain),
        invalid("jane@a\u{200D}b.com", .zeroWidthCharacter),
        invalid("😀@example.com", .invalidLocalPartCharacter),
        invalid("<script>@example.com", .invalidLocalPartCharacter),
        invalid("<script>alert(1)</script>@example.com", .invalidLocalPartCharacter),
        invalid("a;DROP_TABLE@example.com", .invalidLocalPartCharacter),
        invalid("a;DROP TABLE@x.com", .whitespace),
        invalid("jane\\@example.com", .invalidLocalPartCharacter),
        invalid("jane[1]@example.com", .invalidLocalPartCharacter),
        invalid("jane:doe@example.com", .invalidLocalPartCharacter),
        invalid("jane.\u{301}x@example.com", .invalidLocalPartCharacter),
        invalid("jane@\(String(repeating: "a", count: 64)).com", .domainLabelTooLong),
        invalid("jane@\(String(repeating: "ü", count: 60)).com", .domainLabelTooLong),
        invalid("jane@\(String(repeating: "ab.", count: 84))com", .tooLong),
        invalid("\(String(repeating: "ж", count: 33))@example.com", .localPartTooLong),  // 66 octets, 33 letters
        valid("\(String(repeating: "ж", count: 32))@example.com"),  // exactly 64 octets
        // 250 octets as typed, 256 once the last-but-one label becomes punycode.
        invalid(
            "a@\(Array(repeating: String(repeating: "b", count: 63), count: 3).joined(separator: "."))"
                + ".ü\(String(repeating: "a", count: 50)).com", .tooLong),
        invalid(" \u{301}jane@example.com", .invalidLocalPartCharacter),  // a mark cannot lean on a trimmed space
    ]

    /// Every row of the table.
    static let all: [EmailCase] = pythonValid + pythonInvalid + pythonQuoted + isemail + herald
}
