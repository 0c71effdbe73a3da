import HeraldFeeds
import Testing

@Suite("HTML sanitiser on ordinary content")
struct HTMLSanitizerTests {
    @Test(
        "benign markup is preserved or normalised",
        arguments: [
            ("<p>Hello <strong>world</strong></p>", "<p>Hello <strong>world</strong></p>"),
            (
                "<p>A <b>b</b> <em>em</em> <i>i</i> <code>x &lt; y</code></p>",
                "<p>A <b>b</b> <em>em</em> <i>i</i> <code>x &lt; y</code></p>"
            ),
            ("<h1>Title</h1><h3>Sub</h3><h6>Small</h6>", "<h2>Title</h2><h3>Sub</h3><h4>Small</h4>"),
            ("<ul><li>one<li>two</ul>", "<ul><li>one</li><li>two</li></ul>"),
            ("<ol><li>a<ul><li>nested</ul><li>b</ol>", "<ol><li>a<ul><li>nested</li></ul></li><li>b</li></ol>"),
            ("<p>a<p>b", "<p>a</p><p>b</p>"),
            ("<p>para<ul><li>x</li></ul>", "<p>para</p><ul><li>x</li></ul>"),
            ("<div class=\"c\"><span style=\"color:red\">text</span></div>", "text"),
            ("<blockquote><p>quote</p></blockquote>", "<blockquote><p>quote</p></blockquote>"),
            ("<pre><code>if a &lt; b {\n  go()\n}</code></pre>", "<pre><code>if a &lt; b {\n  go()\n}</code></pre>"),
            ("<b>bold <i>both</b> italic</i>", "<b>bold <i>both</i></b> italic"),
            ("<p>unclosed <em>emphasis", "<p>unclosed <em>emphasis</em></p>"),
            ("Fish &amp; chips &mdash; “quoted” &hellip;", "Fish &amp; chips — “quoted” …"),
            ("a < b and c > d & e", "a &lt; b and c &gt; d &amp; e"),
            ("line<br>break<br/>and</br>more", "line<br>break<br>and<br>more"),
            (
                "<a href=\"https://example.org/?a=1&amp;b=2\">q</a>",
                "<a href=\"https://example.org/?a=1&amp;b=2\">q</a>"
            ),
            ("<a href='HTTPS://Example.org/Path'>case</a>", "<a href=\"HTTPS://Example.org/Path\">case</a>"),
            ("<a href=\"https://example.org/a b\">space</a>", "<a href=\"https://example.org/a%20b\">space</a>"),
            ("<!-- comment --><p>after</p>", "<p>after</p>"),
            ("&#1055;&#x440;&#1080;&#1074;&#1110;&#1090; &#150; &#8217;", "Привіт – ’"),
            ("</p>stray end tags</b></a>", "stray end tags"),
            ("bell\u{7}&#1;&#0; gone", "bell\u{FFFD} gone"),
        ])
    func preserves(input: String, expected: String) {
        #expect(HTMLSanitizer.sanitize(input, baseURL: nil) == expected)
    }

    @Test func imagesKeepSafeAttributesAndResolveRelativeSources() {
        let input =
            #"<figure><img src="/img/a.png" alt="A &quot;cat&quot;" width="640" height="480" class="x" loading="lazy"><figcaption>Cat</figcaption></figure>"#
        let expected =
            #"<figure><img src="https://site.example/img/a.png" alt="A &quot;cat&quot;" width="640" height="480"><figcaption>Cat</figcaption></figure>"#
        #expect(HTMLSanitizer.sanitize(input, baseURL: "https://site.example/posts/1") == expected)
    }

    @Test func linksResolveAgainstTheBase() {
        let output = HTMLSanitizer.sanitize(
            #"<a href="../about">a</a> <a href="//cdn.example/x">b</a> <a href="?page=2">c</a>"#,
            baseURL: "https://site.example/blog/post/")
        #expect(
            output
                == #"<a href="https://site.example/blog/about">a</a> <a href="https://cdn.example/x">b</a> <a href="https://site.example/blog/post/?page=2">c</a>"#
        )
    }

    @Test func nestedLinksAreClosedFirst() {
        let output = HTMLSanitizer.sanitize(
            #"<a href="https://a.example/">one<a href="https://b.example/">two</a>"#, baseURL: nil)
        #expect(output == #"<a href="https://a.example/">one</a><a href="https://b.example/">two</a>"#)
    }

    @Test func emptyAndTextOnlyInputs() {
        #expect(HTMLSanitizer.sanitize("", baseURL: nil) == "")
        #expect(HTMLSanitizer.sanitize("just text", baseURL: nil) == "just text")
    }
}
