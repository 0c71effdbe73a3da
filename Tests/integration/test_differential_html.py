"""The HTML sanitizer (HeraldFeeds/Sanitizer) against html5lib, the WHATWG parsing algorithm browsers
use (PyPI, installed by scripts/test into .build-python/html5lib): whatever goes in, the sanitizer's
output, parsed as a browser parses it, holds only the allowed elements and attributes, no event
handler, and no URL but http(s). Inputs: the committed fuzz corpus, hand-written attacks (mutation
XSS, parser differentials, encoded schemes) and a few thousand seeded random mixes of them."""

import os
import random
import re
import sys
import urllib.parse

from conftest import ROOT
import parser_probe

sys.path.insert(0, os.environ.get("HERALD_HTML5LIB_DIR", os.path.join(ROOT, ".build-python", "html5lib")))
import html5lib  # noqa: E402 (from the folder above)

ALLOWED = {
    "p": set(), "br": set(), "a": {"href"}, "strong": set(), "b": set(), "em": set(), "i": set(), "ul": set(),
    "ol": set(), "li": set(), "blockquote": set(), "h2": set(), "h3": set(), "h4": set(),
    "img": {"src", "alt", "width", "height"}, "figure": set(), "figcaption": set(), "code": set(), "pre": set(),
}
SCRIPT_CAPABLE = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input", "button",
    "textarea", "select", "svg", "math", "base", "link", "meta", "template", "noscript", "audio", "video",
    "source", "track", "portal", "marquee", "xmp", "noembed", "noframes", "plaintext", "title", "isindex",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "background", "poster", "srcset", "data"}

ATTACKS = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//x.example/a.js></SCRIPT>", "<scr<script>ipt>alert(1)</script>",
    "<img src=x onerror=alert(1)>", "<img/src=x/onerror=alert(1)>", "<IMG SRC=\"jav\tascript:alert(1)\">",
    "<a href=\"javascript:alert(1)\">x</a>", "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "<a href=\"&#106;&#97;vascript:alert(1)\">x</a>",
    "<a href=\"&#0000106avascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<a href=\"\x01javascript:alert(1)\">x</a>", "<a href=vbscript:msgbox(1)>x</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    "<a/href=javascript:alert(1)>x</a>", "<a href=javascript&colon;alert(1)>x</a>",
    "<a href=\"java\nscript:alert(1)\">x</a>", "<a href='//evil.example/'>x</a>", "<a href=\"/relative\">r</a>",
    "<svg><script>alert(1)</script></svg>", "<svg onload=alert(1)>", "<math><mi><mglyph><style><img src=x onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">", "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "<object data=\"javascript:alert(1)\">", "<embed src=x.swf>", "<base href=\"javascript:/\">",
    "<form action=javascript:alert(1)><button formaction=javascript:alert(1)>x</button></form>",
    "<style>@import 'x.css';</style>", "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<div onmouseover=\"alert(1)\">x</div>", "<p onclick=alert(1)>x</p>", "<!--<script>alert(1)//-->",
    "<!-- --!><script>alert(1)</script>", "<![CDATA[<script>alert(1)</script>]]>", "<?xml version=1?><script>",
    "<textarea><script>alert(1)</script></textarea>", "<title><script>alert(1)</script></title>",
    "<xmp><script>alert(1)</script></xmp>", "<template><script>alert(1)</script></template>",
    "<select><option><script>alert(1)</script>", "<table><tr><td><script>alert(1)</script>",
    "<p>unclosed <b>bold <i>italic", "</p></p></div>", "<img src=\"https://img.example/a.png\" alt=\"a\" width=10>",
    "<a href=\"https://ok.example/?a=1&b=2\" target=_blank rel=opener>ok</a>", "<h1>one</h1><h6>six</h6>",
    "<img src=x:alert(alt) alt=\"x\">", "<a href=\"http:javascript:alert(1)\">x</a>", "<meta http-equiv=refresh>",
    "<link rel=import href=x>", "<a href=\"https://x.example\" onclick=\"alert(1)\">x</a>", "\x00<script>",
    "<scri\x00pt>alert(1)</script>", "<img src=`javascript:alert(1)`>", "<a href=\"  https://ok.example/  \">s</a>",
    "<plaintext><script>", "<frameset onload=alert(1)>", "<isindex action=javascript:alert(1)>",
    "<a href=\"&#x6A;avascript&#x3A;alert(1)\">x</a>", "<a href=\"javascript&#58;alert(1)\">x</a>",
    "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">", "<a href=\"https://ok.example/\"\x0bonclick=x>y</a>",
    "<p>caf\u00e9 &amp; &lt;tag&gt; &notanentity; &#xD800; &#0;</p>", "<pre>  keep\n  spaces</pre>",
]
PIECES = ["<", ">", "/", "=", "\"", "'", "`", "&", "#", ";", " ", "\t", "\n", "\x00", "!--", "-->", "a", "p",
          "script", "img", "svg", "href", "src", "on", "javascript:", "x:", "&#", "106", "x6A", "style", "\u2028",
          "https://ok.example/", "<p>", "</p>", "<b>", "</b>"]


def generated(count, seed=14):
    rng = random.Random(seed)
    inputs = []
    for _ in range(count):
        parts = [rng.choice(ATTACKS) if rng.random() < 0.4 else rng.choice(PIECES) for _ in range(rng.randint(1, 12))]
        inputs.append("".join(parts))
    return inputs


def problems(html):
    """Every way the parsed output could run script or leave the allowed set."""
    found = []
    fragment = html5lib.parseFragment(html, container="div", treebuilder="etree", namespaceHTMLElements=False)
    for element in fragment.iter():
        tag = element.tag if isinstance(element.tag, str) else None
        if tag is None or tag == "DOCUMENT_FRAGMENT":
            continue
        name = tag.split("}")[-1].lower()
        if name in SCRIPT_CAPABLE or name not in ALLOWED:
            found.append(f"element <{name}>")
            continue
        for attribute, value in element.attrib.items():
            attribute = attribute.split("}")[-1].lower()
            if attribute.startswith("on") or attribute not in ALLOWED[name]:
                found.append(f"attribute {attribute} on <{name}>")
            if attribute in URL_ATTRIBUTES and not safe_url(value):
                found.append(f"URL {value!r} in {attribute}")
    return found


def safe_url(value):
    """As a browser reads it (WHATWG URL: C0 controls and spaces trimmed, tab and newline removed),
    the URL is absolute and its scheme is http or https."""
    cleaned = re.sub(r"[\t\n\r]", "", value.strip("".join(map(chr, range(0x21)))))
    scheme = urllib.parse.urlsplit(cleaned).scheme.lower()
    return scheme in ("http", "https") and re.match(r"(?i)^https?://[^/\\]", cleaned) is not None


def test_script_capable_markup_never_survives_sanitising():
    inputs = [data.decode("utf-8", "replace") for _, data in parser_probe.corpus("Fuzz/corpus/fuzz-feed/*")]
    inputs += ATTACKS + generated(3000)
    outputs = parser_probe.run("sanitize-html", inputs)
    failures = [(i, o, problems(o)) for i, o in zip(inputs, outputs) if problems(o)]
    assert not failures, "\n".join(f"{i!r} -> {o!r}: {p}" for i, o, p in failures[:10])
    # The comparison has teeth: the same check flags the attacks when they are not sanitised.
    assert sum(1 for attack in ATTACKS if problems(attack)) >= 50


def test_allowed_markup_and_http_links_survive():
    outputs = parser_probe.run("sanitize-html", [
        "<p>a <a href=\"https://ok.example/x\">link</a> <img src=\"https://img.example/a.png\" alt=\"A\"></p>",
        "<a href=\"/relative\">r</a>"])
    assert "href=\"https://ok.example/x\"" in outputs[0] and "src=\"https://img.example/a.png\"" in outputs[0]
    assert "href=\"https://feed.example.org/relative\"" in outputs[1]
    assert not problems(outputs[0]) and not problems(outputs[1])
