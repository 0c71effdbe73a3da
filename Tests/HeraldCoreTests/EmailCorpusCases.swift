import HeraldCore
import Testing

/// One row of the address table: an input and the code it must be rejected with (`nil` = valid).
struct EmailCase: Sendable, CustomTestStringConvertible {
    let input: String
    let expected: EmailValidationError.Code?

    var testDescription: String {
        let shown = input.unicodeScalars.map { scalar in
            scalar.value >= 0x20 && scalar.value < 0x7F ? String(scalar) : "\\u{\(String(scalar.value, radix: 16))}"
        }.joined()
        return "\(shown.prefix(80)) → \(expected?.rawValue ?? "valid")"
    }
}

private func valid(_ input: String) -> EmailCase { EmailCase(input: input, expected: nil) }
private func invalid(_ input: String, _ code: EmailValidationError.Code) -> EmailCase {
    EmailCase(input: input, expected: code)
}

/// The address table. Each group names where its rows come from.
enum EmailCorpus {
    /// Source: JoshData/python-email-validator tests/test_syntax.py, `test_email_valid` and
    /// `test_email_valid_intl_local_part` (their SMTPUTF8 addresses are valid here too).
    static let pythonValid: [EmailCase] = [
        valid("Abc@example.tld"),
        valid("Abc.123@test-example.com"),
        valid("user+mailbox/department=shipping@example.tld"),
        valid("!#$%&'*+-/=?^_`.{|}~@example.tld"),
        valid("jeff@臺網中心.tw"),
        valid("伊昭傑@郵件.商務"),
        valid("राम@मोहन.ईन्फो"),
        valid("юзер@екзампл.ком"),
        valid("θσερ@εχαμπλε.ψομ"),
        valid("葉士豪@臺網中心.tw"),
        valid("葉士豪@臺網中心.台灣"),
        valid("jeff葉@臺網中心.tw"),
        valid("ñoñó@example.tld"),
        valid("我買@example.tld"),
        valid("甲斐黒川日本@example.tld"),
        valid("чебурашкаящик-с-апельсинами.рф@example.tld"),
        valid("उदाहरण.परीक्ष@domain.with.idn.tld"),
        valid("ιωάννης@εεττ.gr"),
    ]

    /// Source: python-email-validator `test_email_invalid_syntax`, `test_email_invalid_reserved_domain`
    /// and `test_email_unsafe_character`. Herald differs in three places, noted inline: it trims
    /// surrounding white space (so a trailing newline is accepted), reports `localhost` as a
    /// special-use name, and refuses quoted local parts with their own code.
    static let pythonInvalid: [EmailCase] = [
        invalid("my@localhost", .specialUseDomain),  // python: "should have a period"
        invalid("my@.leadingdot.com", .domainStartsWithDot),
        invalid("my@．leadingfwdot.com", .domainStartsWithDot),
        invalid("my@twodots..com", .domainConsecutiveDots),
        invalid("my@twofwdots．．.com", .domainConsecutiveDots),
        invalid("my@trailingdot.com.", .domainEndsWithDot),
        invalid("my@trailingfwdot.com．", .domainEndsWithDot),
        invalid("me@-leadingdash", .domainLabelHyphen),
        invalid("me@－leadingdashfw", .domainLabelHyphen),
        invalid("me@trailingdash-", .domainLabelHyphen),
        invalid("me@trailingdashfw－", .domainLabelHyphen),
        invalid("my@baddash.-.com", .domainLabelHyphen),
        invalid("my@baddash.-a.com", .domainLabelHyphen),
        invalid("my@baddash.b-.com", .domainLabelHyphen),
        invalid("my@baddashfw.－.com", .domainLabelHyphen),
        invalid("my@baddashfw.－a.com", .domainLabelHyphen),
        invalid("my@baddashfw.b－.com", .domainLabelHyphen),
        valid("my@example.com\n"),  // python rejects; Herald trims surrounding white space
        invalid("my@example\n.com", .controlCharacter),
        invalid("me@x!", .invalidDomainCharacter),
        invalid("me@x ", .domainNeedsDot),  // trailing space trimmed first
        invalid(".leadingdot@domain.com", .localPartStartsWithDot),
        invalid("twodots..here@domain.com", .localPartConsecutiveDots),
        invalid("trailingdot.@domain.email", .localPartEndsWithDot),
        invalid("me@⒈wouldbeinvalid.com", .invalidInternationalDomain),
        invalid("@example.com", .missingLocalPart),
        invalid("white space@test", .whitespace),
        invalid("test@white space", .whitespace),
        valid("\nmy@example.com"),  // python rejects; Herald trims
        invalid("m\ny@example.com", .controlCharacter),
        invalid("my\n@example.com", .controlCharacter),
        invalid("test@\n", .missingDomain),
        invalid("bad\"quotes\"@example.com", .invalidLocalPartCharacter),
        invalid("obsolete.\"quoted\".atom@example.com", .invalidLocalPartCharacter),
        invalid("11111111112222222222333333333344444444445555555555666666666677777@example.com", .localPartTooLong),
        invalid("111111111122222222223333333333444444444455555555556666666666777777@example.com", .localPartTooLong),
        invalid("me@bad-tld-1", .domainNeedsDot),
        invalid("me@bad.tld-2", .invalidTopLevelDomain),
        invalid("me@xn--0.tld", .invalidInternationalDomain),
        invalid("me@yy--0.tld", .reservedDomainLabel),
        invalid("me@yy－－0.tld", .reservedDomainLabel),
        invalid("me@[127.0.0.1]", .ipLiteralDomain),  // python allows with allow_domain_literal
        invalid("me@[127.0.0.999]", .ipLiteralDomain),
        invalid("me@[IPv6:::1]", .ipLiteralDomain),
        invalid("me@[tag:text]", .ipLiteralDomain),
        invalid("me@anything.arpa", .specialUseDomain),
        invalid("me@valid.invalid", .specialUseDomain),
        invalid("me@link.local", .specialUseDomain),
        invalid("me@host.localhost", .specialUseDomain),
        invalid("me@onion.onion.onion", .specialUseDomain),
        invalid("me@test.test.test", .specialUseDomain),
        invalid("a\u{2005}b@example.com", .whitespace),
        invalid("a\u{2028}b@example.com", .lineSeparator),
        invalid("a\u{2029}b@example.com", .lineSeparator),
        invalid("\u{0300}@example.com", .invalidLocalPartCharacter),
        invalid("a\u{009C}@example.com", .controlCharacter),
        invalid("a\u{200B}@example.com", .zeroWidthCharacter),
        invalid("\u{202D}forward-\u{202E}reversed@example.com", .bidiControl),
        invalid("\u{E000}@example.com", .invalidLocalPartCharacter),
        invalid("\u{10FDEF}@example.com", .invalidLocalPartCharacter),
        invalid(String(Unicode.Scalar(0xFDEF)!) + "@example.com", .invalidLocalPartCharacter),  // noncharacter
        invalid("test@\u{E000}.com", .invalidInternationalDomain),
    ]

    /// Source: python-email-validator `test_email_valid_only_if_quoted_local_part`. Python accepts
    /// these with `allow_quoted_local=True`; Herald never accepts quoted local parts.
    static let pythonQuoted: [EmailCase] = [
        invalid("\"unnecessarily.quoted.local.part\"@example.com", .quotedLocalPart),
        invalid("\"quoted..local.part\"@example.com", .quotedLocalPart),
        invalid("\"quoted.with.at@\"@example.com", .quotedLocalPart),
        invalid("\"quoted with space\"@example.com", .quotedLocalPart),
        invalid("\"quoted.with.dquote\\\"\"@example.com", .quotedLocalPart),
        invalid("\"unnecessarily.quoted.with.unicode.λ\"@example.com", .quotedLocalPart),
        invalid("\"quoted.with.extraneous.\\escape\"@example.com", .quotedLocalPart),
    ]
}
