import HeraldCore

private func valid(_ input: String) -> EmailCase { EmailCase(input: input, expected: nil) }
private func invalid(_ input: String, _ code: EmailValidationError.Code) -> EmailCase {
    EmailCase(input: input, expected: code)
}

private let letters64 = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghiklm"  // 64 octets
private let label63 = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghikl"  // 63 octets
private let alphabetDomain =
    Array(repeating: "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z", count: 4)
    .joined(separator: ".") + ".a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v"  // 251 octets

extension EmailCorpus {
    /// Source: Dominic Sayers' isemail test/tests.xml (also shipped as pyIsEmail's test data).
    /// isemail grades RFC 5321/5322 conformance; Herald accepts only a bare dot-atom at a public
    /// domain name, so quoted strings, domain literals, comments, folding white space and
    /// dotless domains are rejected here even where isemail calls them valid or deprecated.
    static let isemail: [EmailCase] = [
        invalid("test", .missingAt),
        invalid("@", .missingLocalPart),
        invalid("test@", .missingDomain),
        invalid("test@io", .domainNeedsDot),  // isemail: valid (RFC5321_TLD)
        invalid("@io", .missingLocalPart),
        invalid("@iana.org", .missingLocalPart),
        valid("test@iana.org"),
        valid("test@nominet.org.uk"),
        valid("test@about.museum"),
        valid("a@iana.org"),
        valid("test@e.com"),
        valid("test@iana.a"),
        valid("test.test@iana.org"),
        invalid(".test@iana.org", .localPartStartsWithDot),
        invalid("test.@iana.org", .localPartEndsWithDot),
        invalid("test..iana.org", .missingAt),
        invalid("test_exa-mple.com", .missingAt),
        valid("!#$%&`*+/=?^`{|}~@iana.org"),
        invalid("test\\@test@iana.org", .multipleAt),
        valid("123@iana.org"),
        valid("test@123.com"),
        invalid("test@iana.123", .numericTopLevelDomain),
        invalid("test@255.255.255.255", .numericTopLevelDomain),
        valid("\(letters64)@iana.org"),
        invalid("\(letters64)n@iana.org", .localPartTooLong),
        valid("test@\(label63).com"),
        invalid("test@\(label63)m.com", .domainLabelTooLong),
        valid("test@mason-dixon.com"),
        invalid("test@-iana.org", .domainLabelHyphen),
        invalid("test@iana-.com", .domainLabelHyphen),
        valid("test@c--n.com"),
        valid("test@g--a.com"),
        invalid("test@iana.co-uk", .invalidTopLevelDomain),  // isemail: DNS warning only
        invalid("test@.iana.org", .domainStartsWithDot),
        invalid("test@iana.org.", .domainEndsWithDot),
        invalid("test@iana..com", .domainConsecutiveDots),
        valid("a@\(alphabetDomain)"),  // 253 octets
        valid("\(letters64)@\(label63).\(label63).\(label63.dropLast(2))"),  // 254 octets
        invalid("\(letters64)@\(label63).\(label63).\(label63.dropLast(1))", .tooLong),  // 255
        invalid("a@\(label63).\(label63).\(label63).\(label63.dropLast(5)).hij", .tooLong),
        invalid("a@\(label63).\(label63).\(label63).\(label63.dropLast(5)).hijk", .tooLong),
        invalid("\"test\"@iana.org", .quotedLocalPart),  // isemail: RFC5321_QUOTEDSTRING
        invalid("\"\"@iana.org", .quotedLocalPart),
        invalid("\"\"\"@iana.org", .quotedLocalPart),
        invalid("\"\\a\"@iana.org", .quotedLocalPart),
        invalid("\"\\\"\"@iana.org", .quotedLocalPart),
        invalid("test\"@iana.org", .invalidLocalPartCharacter),
        invalid("\"test@iana.org", .quotedLocalPart),
        invalid("\"test\"test@iana.org", .quotedLocalPart),
        invalid("test\"text\"@iana.org", .invalidLocalPartCharacter),
        invalid("\"test\".\"test\"@iana.org", .quotedLocalPart),
        invalid("\"test\\ test\"@iana.org", .quotedLocalPart),
        invalid("\"test\".test@iana.org", .quotedLocalPart),
        invalid("\"test\u{0}\"@iana.org", .controlCharacter),
        invalid("test@[255.255.255.255]", .ipLiteralDomain),  // isemail: RFC5321_ADDRESSLITERAL
        invalid("test@a[255.255.255.255]", .invalidDomainCharacter),
        invalid("test@[255.255.255]", .ipLiteralDomain),
        invalid("test@[IPv6:1111:2222:3333:4444:5555:6666:7777:8888]", .ipLiteralDomain),
        invalid("test@[IPv6:1111:2222:3333:4444:5555::8888]", .ipLiteralDomain),
        invalid("test@[IPv6:::]", .ipLiteralDomain),
        invalid(" test @iana.org", .whitespace),
        invalid("test@ iana .com", .whitespace),
        invalid("test . test@iana.org", .whitespace),
        valid("\r\n test@iana.org"),  // isemail: folding white space; Herald trims it
        invalid("(comment)test@iana.org", .comment),
        invalid("((comment)test@iana.org", .comment),
        invalid("(comment(comment))test@iana.org", .comment),
        invalid("test@(comment)iana.org", .comment),
        invalid("test(comment)test@iana.org", .invalidLocalPartCharacter),
        invalid("test@(comment)[255.255.255.255]", .comment),
        invalid("test.(comment)test@iana.org", .invalidLocalPartCharacter),
        valid("test@iana.org\n"),  // isemail: error; Herald trims
        valid("test@xn--hxajbheg2az3al.xn--jxalpdlp"),
        valid("xn--test@iana.org"),
        invalid("test@iana.org-", .domainLabelHyphen),
        invalid("(test@iana.org", .comment),
        invalid("test@(iana.org", .comment),
        invalid("test@[1.2.3.4", .ipLiteralDomain),
        invalid("test@iana.org(comment\\)", .comment),
        invalid("test@iana.org(comment\\", .invalidDomainCharacter),
        invalid("test@[RFC-5322-domain-literal]", .ipLiteralDomain),
        invalid("test@[RFC-5322]-domain-literal]", .ipLiteralDomain),
        invalid("\u{7F}@iana.org", .controlCharacter),
        invalid("test@\u{7F}.org", .controlCharacter),
        invalid("\"\u{7F}\"@iana.org", .controlCharacter),
        invalid("(\u{7F})test@iana.org", .controlCharacter),
        valid("test@iana.org\r"),
        valid("\rtest@iana.org"),
        invalid("\"\rtest\"@iana.org", .controlCharacter),
        invalid("(\r)test@iana.org", .controlCharacter),
        invalid("test@iana.org(\r)", .controlCharacter),
        invalid("\"\n\"@iana.org", .controlCharacter),
        invalid("\u{7}@iana.org", .controlCharacter),
        invalid("test@\u{7}.org", .controlCharacter),
        valid("\r\n \r\ntest@iana.org"),
        invalid("test@iana/icann.org", .invalidDomainCharacter),
        invalid("test@org", .domainNeedsDot),
        valid("test@test.com"),
        invalid("test@nominet.org.uk.", .domainEndsWithDot),
    ]
}
