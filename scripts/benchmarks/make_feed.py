#!/usr/bin/python3
"""Writes a realistic RSS feed (Ukrainian and English text, HTML content) to stdout.

  make_feed.py [ITEMS [SENTENCES [en]]]   (defaults: 10 items of 12 sentences, a 40 KB digest message;
  `en` writes English only, which needs no encoding of non-ASCII text: the smallest messages)"""
import sys
from xml.sax.saxutils import escape

count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
sentences = int(sys.argv[2]) if len(sys.argv) > 2 else 12
english = len(sys.argv) > 3 and sys.argv[3] == "en"
sentence = "Kyiv: news, “today” & more. " if english else "Київ — «новини» “today” & more. "
city = "Kharkiv and the world" if english else "Харків і світ"
items = []
for i in range(count):
    body = "<p>" + escape(sentence) * sentences + "</p><p><a href='/story/%d'>Read on</a></p>" % i
    items.append(f"""<item><title>Story {i}: {city}</title><link>https://news.example.org/story/{i}</link>
<guid>bench-{i}</guid><pubDate>Wed, 25 Nov 2026 06:00:00 +0000</pubDate>
<description><![CDATA[{body}]]></description></item>""")
print(f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>
<link>https://news.example.org/</link>{''.join(items)}</channel></rss>""")
