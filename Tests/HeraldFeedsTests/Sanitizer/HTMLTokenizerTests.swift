import Testing

@testable import HeraldFeeds

@Suite("HTML tokenizer")
struct HTMLTokenizerTests {
    private func tokens(_ html: String) -> [HTMLToken] { Array(HTMLTokenizer(html)) }

    @Test func readsTagsAttributesAndText() {
        #expect(
            tokens(#"<A HREF="x" title='y' data-z=w checked>t</a>"#) == [
                .startTag(
                    name: "a",
                    attributes: [
                        HTMLAttribute(name: "href", value: "x"), HTMLAttribute(name: "title", value: "y"),
                        HTMLAttribute(name: "data-z", value: "w"), HTMLAttribute(name: "checked", value: ""),
                    ], selfClosing: false),
                .text("t"), .endTag(name: "a"),
            ])
    }

    @Test func theFirstOfRepeatedAttributesWins() {
        #expect(
            tokens(#"<img src="a" SRC="b">"#) == [
                .startTag(name: "img", attributes: [HTMLAttribute(name: "src", value: "a")], selfClosing: false)
            ])
    }

    @Test func quotedValuesMayContainAngleBrackets() {
        #expect(
            tokens(#"<a title="1>2">x"#) == [
                .startTag(name: "a", attributes: [HTMLAttribute(name: "title", value: "1>2")], selfClosing: false),
                .text("x"),
            ])
    }

    @Test func selfClosingIsRecorded() {
        #expect(tokens("<br/>") == [.startTag(name: "br", attributes: [], selfClosing: true)])
    }

    @Test func scriptContentIsRawTextUpToItsEndTag() {
        #expect(
            tokens("<script>if (a<b) x='</p>'</SCRIPT >after") == [
                .startTag(name: "script", attributes: [], selfClosing: false), .text("if (a<b) x='</p>'"),
                .endTag(name: "script"), .text("after"),
            ])
    }

    @Test func commentsAndDeclarationsProduceNothing() {
        #expect(tokens("<!DOCTYPE html><!-- a <b> -->x<?php echo 1 ?><!-->y") == [.text("x"), .text("y")])
    }

    @Test func lessThanNotFollowedByANameIsText() {
        #expect(tokens("a < b <3 </ >") == [.text("a < b <3 ")])
    }

    @Test func aTagCutOffByTheEndOfInputIsDropped() {
        #expect(tokens(#"ok<img src="x"#) == [.text("ok")])
    }

    @Test func entitiesAreDecodedLikeBrowsersDo() {
        #expect(
            HTMLEntities.decode("&amp;&lt;&#65;&#x42;&#0067;&copy&nbsp;&bogus;&#150;&#0;&#x110000;")
                == "&<ABC©\u{A0}&bogus;–\u{FFFD}\u{FFFD}")
        #expect(HTMLEntities.decode("?a=1&copy=2", inAttribute: true) == "?a=1&copy=2")
    }
}
