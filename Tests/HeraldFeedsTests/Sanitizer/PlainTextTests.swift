import HeraldFeeds
import Testing

@Suite("Plain-text rendering")
struct PlainTextTests {
    @Test(
        "renders readable text",
        arguments: [
            ("<p>One</p><p>Two</p>", "One\n\nTwo"),
            ("<p>Read <a href=\"https://x.example/a\">the story</a>.</p>", "Read the story (https://x.example/a)."),
            ("<a href=\"https://x.example/\">https://x.example/</a>", "https://x.example/"),
            ("<a href=\"https://x.example/\"><img src=\"https://x.example/i.png\"></a>", "https://x.example/"),
            ("<a href=\"javascript:alert(1)\">click</a>", "click"),
            ("line1<br>line2<br><br>para", "line1\nline2\n\npara"),
            ("<ul><li>a</li><li>b</li></ul><ol><li>x</li><li>y</li></ol>", "- a\n- b\n\n1. x\n2. y"),
            ("<ul><li>outer<ul><li>inner</li></ul></li></ul>", "- outer\n- inner"),
            ("<p>  lots   of\n space&nbsp;&amp; entities </p>", "lots of space & entities"),
            ("<h1>Title</h1>Body text", "Title\n\nBody text"),
            ("<p>a<script>var x = 1;</script>b<style>p{}</style>c</p>", "abc"),
            ("<pre>keep\n  this</pre>after", "keep\n  this\n\nafter"),
            ("<div><div><p>nested</p></div></div><p>next</p>", "nested\n\nnext"),
            ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
            ("&ldquo;Quoted&rdquo; &mdash; Київ", "“Quoted” — Київ"),
            ("", ""),
        ])
    func renders(html: String, expected: String) {
        #expect(HTMLSanitizer.plainText(html) == expected)
    }
}
