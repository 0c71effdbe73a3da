import Testing

@testable import HeraldTemplates

@Suite("The catalog lambda's memo of built message templates")
struct MessageTemplateMemoTests {
    @Test(arguments: [
        "Hello, {name}!", "<strong>Bold</strong> & <script>x</script> \"quoted\" it's",
        "Автор: {author}", "\u{1}smuggled\u{2}{name}", "", "e\u{301} vs \u{e9}",
    ])
    func answersExactlyWhatBuildingAnswers(_ message: String) {
        for html in [true, false] {
            let first = MessageLambda.memo.template(for: message, html: html, build: MessageLambda.build)
            let second = MessageLambda.memo.template(for: message, html: html, build: MessageLambda.build)
            #expect(first == MessageLambda.build(message, html: html))
            #expect(Array(second.utf8) == Array(MessageLambda.build(message, html: html).utf8))
        }
    }

    @Test func htmlAndPlainAreKeptApart() {
        let memo = MessageTemplateMemo(capacity: 8)
        let html = memo.template(for: "<em>a</em> & b", html: true, build: MessageLambda.build)
        let plain = memo.template(for: "<em>a</em> & b", html: false, build: MessageLambda.build)
        #expect(html.contains("<em>a</em> &amp; b"))
        #expect(plain.hasSuffix("a & b"))
    }

    @Test func canonicallyEquivalentSpellingsAreBuiltSeparately() {
        let memo = MessageTemplateMemo(capacity: 8)
        let composed = memo.template(for: "caf\u{e9}", html: false, build: MessageLambda.build)
        let decomposed = memo.template(for: "cafe\u{301}", html: false, build: MessageLambda.build)
        #expect(Array(composed.utf8) != Array(decomposed.utf8))
        #expect(memo.count == 2)
    }

    @Test func staysWithinItsCapacity() {
        let memo = MessageTemplateMemo(capacity: 3)
        var builds = 0
        for index in 0..<10 {
            _ = memo.template(for: "message \(index)", html: true) { message, html in
                builds += 1
                return MessageLambda.build(message, html: html)
            }
            #expect(memo.count <= 3)
        }
        #expect(builds == 10)
        _ = memo.template(for: "message 9", html: true) { _, _ in
            builds += 1
            return ""
        }
        #expect(builds == 10)
    }
}
