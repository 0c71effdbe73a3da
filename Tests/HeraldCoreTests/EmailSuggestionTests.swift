import HeraldCore
import Testing

@Suite("EmailAddress typo suggestions")
struct EmailSuggestionTests {
    @Test(
        "Near misses of popular domains get a suggestion",
        arguments: [
            ("jane@gmial.com", "jane@gmail.com"),
            ("jane@gmail.con", "jane@gmail.com"),
            ("jane@gmail.co", "jane@gmail.com"),
            ("jane@gmail.cm", "jane@gmail.com"),
            ("jane@gmaill.com", "jane@gmail.com"),
            ("jane@gamil.com", "jane@gmail.com"),
            ("jane@hotmial.com", "jane@hotmail.com"),
            ("jane@yaho.com", "jane@yahoo.com"),
            ("jane@ukr.nte", "jane@ukr.net"),
            ("jane@outlok.com", "jane@outlook.com"),
            ("jane@iclod.com", "jane@icloud.com"),
            ("jane@protonmial.com", "jane@protonmail.com"),
            ("jane@gmail", "jane@gmail.com"),
            ("jane@gmial", "jane@gmail.com"),
            ("jane@gmailcom", "jane@gmail.com"),
            ("Jane.Doe+news@GMIAL.COM", "Jane.Doe+news@gmail.com"),
            ("  jane@yahooo.com ", "jane@yahoo.com"),
        ])
    func suggests(_ input: String, _ expected: String) {
        #expect(EmailAddress.suggestion(for: input) == expected)
    }

    @Test(
        "Correct popular, regional and unrelated domains get none",
        arguments: [
            "jane@gmail.com", "jane@hotmail.com", "jane@ukr.net", "jane@i.ua", "jane@proton.me", "jane@yahoo.ca",
            "jane@hotmail.co.uk", "jane@ymail.com", "jane@mail.com", "jane@email.com", "jane@gmx.com",
            "jane@example.com", "jane@mycompany.org", "jane@university.edu", "jane@bücher.de", "not an address",
            "jane@", "@gmial.com", "",
        ])
    func noSuggestion(_ input: String) {
        #expect(EmailAddress.suggestion(for: input) == nil)
    }

    @Test func validTypoIsAcceptedAsTypedButSuggestedAside() throws {
        let address = try EmailAddress(validating: "jane@gmial.com")
        #expect(address.smtpAddress == "jane@gmial.com")  // never auto-corrected
        #expect(EmailAddress.suggestion(for: address.typed) == "jane@gmail.com")
    }

    @Test func invalidDomainErrorCarriesTheSuggestion() {
        #expect(throws: EmailValidationError(.domainNeedsDot, suggestion: "jane@gmail.com")) {
            try EmailAddress(validating: "jane@gmial")
        }
        #expect(throws: EmailValidationError(.domainEndsWithDot, suggestion: "jane@gmail.com")) {
            try EmailAddress(validating: "jane@gmail.com.")
        }
        #expect(throws: EmailValidationError(.invalidDomainCharacter, suggestion: "jane@gmail.com")) {
            try EmailAddress(validating: "jane@gmail,com")
        }
    }

    @Test func errorsWithoutALikelyTypoHaveNoSuggestion() {
        #expect(throws: EmailValidationError(.domainNeedsDot)) { try EmailAddress(validating: "jane@intranet") }
        #expect(throws: EmailValidationError(.whitespace)) { try EmailAddress(validating: "jane doe@gmial.com") }
    }

    @Test func suggestionIsNeverAnInvalidAddress() {
        #expect(EmailAddress.suggestion(for: "ja..ne@gmial.com") == nil)
        #expect(EmailAddress.suggestion(for: "\(String(repeating: "a", count: 65))@gmial.com") == nil)
    }
}
