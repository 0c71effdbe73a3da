import Foundation
import HeraldFeeds
import Testing

@Suite("HTML sanitiser against hostile input")
struct HTMLSanitizerSafetyTests {
    static let allowedTags: Set<String> = [
        "p", "br", "a", "strong", "b", "em", "i", "ul", "ol", "li", "blockquote", "h2", "h3", "h4", "img", "figure",
        "figcaption", "code", "pre",
    ]

    @Test func thereAreAtLeastThirtyCases() {
        #expect(HostileHTML.cases.count >= 30)
    }

    @Test("hostile input is neutralised", arguments: HostileHTML.cases)
    func neutralises(_ input: String) {
        let output = HTMLSanitizer.sanitize(input, baseURL: "https://feeds.example/post/")
        let lowered = output.lowercased()
        #expect(!lowered.contains("<script"), "\(output)")
        #expect(!lowered.contains("javascript:"), "\(output)")
        #expect(!lowered.contains("vbscript:"), "\(output)")
        let shape = SanitizedOutput(output)
        #expect(shape.problem == nil, "\(output)")
        for tag in shape.tags {
            #expect(Self.allowedTags.contains(tag.name), "\(output)")
            for attribute in tag.attributes {
                #expect(!attribute.name.hasPrefix("on"), "event handler in \(output)")
                #expect(["href", "src", "alt", "width", "height"].contains(attribute.name), "\(output)")
                if attribute.name == "href" || attribute.name == "src" {
                    #expect(attribute.value.hasPrefix("https://") || attribute.value.hasPrefix("http://"), "\(output)")
                }
            }
        }
    }

    @Test func plainTextOfHostileInputHasNoScriptContent() {
        for input in HostileHTML.cases {
            let text = HTMLSanitizer.plainText(input)
            #expect(!text.lowercased().contains("javascript:"), "\(input) → \(text)")
        }
    }

    @Test func specificNeutralisations() {
        let base = "https://feeds.example/post/"
        #expect(
            HTMLSanitizer.sanitize(#"<img src=x onerror=alert(1)>"#, baseURL: base)
                == #"<img src="https://feeds.example/post/x" alt="">"#)
        #expect(HTMLSanitizer.sanitize(#"<a href="javascript&colon;alert(1)">x</a>"#, baseURL: base) == "x")
        #expect(HTMLSanitizer.sanitize(#"<p>a<script>alert(1)</script>b</p>"#, baseURL: base) == "<p>ab</p>")
        #expect(HTMLSanitizer.sanitize(#"<svg><p>hidden</p></svg>shown"#, baseURL: base) == "shown")
        #expect(
            HTMLSanitizer.sanitize(#"<img src="https://ok.example/a.png" alt="<script>x</script>">"#, baseURL: nil)
                == #"<img src="https://ok.example/a.png" alt="&lt;script&gt;x&lt;/script&gt;">"#)
        #expect(
            HTMLSanitizer.sanitize(#"<a href="https://ok.example/" title='"><script>'>x</a>"#, baseURL: nil)
                == #"<a href="https://ok.example/">x</a>"#)
        #expect(HTMLSanitizer.sanitize(#"<plaintext><b>not bold</b>"#, baseURL: nil) == "&lt;b&gt;not bold&lt;/b&gt;")
    }

    @Test func relativeURLsWithoutABaseAreDropped() {
        #expect(HTMLSanitizer.sanitize(#"<a href="/x">link</a><img src="y.png">"#, baseURL: nil) == "link")
    }

    @Test func deepNestingIsFlattened() {
        let input =
            String(repeating: "<blockquote>", count: 5_000) + "deep" + String(repeating: "</blockquote>", count: 5_000)
        let output = HTMLSanitizer.sanitize(input, baseURL: nil)
        #expect(SanitizedOutput(output).problem == nil)
        #expect(output.contains("deep"))
        #expect(output.components(separatedBy: "<blockquote>").count - 1 <= 64)
    }
}
