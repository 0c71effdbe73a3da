#!/usr/bin/python3
"""Writes a realistic RSS feed (10 items, Ukrainian and English text, HTML content) to stdout."""
from xml.sax.saxutils import escape

items = []
for i in range(10):
    body = "<p>" + escape("Київ — «новини» “today” & more. ") * 12 + "</p><p><a href='/story/%d'>Read on</a></p>" % i
    items.append(f"""<item><title>Story {i}: Харків і світ</title><link>https://news.example.org/story/{i}</link>
<guid>bench-{i}</guid><pubDate>Wed, 25 Nov 2026 06:00:00 +0000</pubDate>
<description><![CDATA[{body}]]></description></item>""")
print(f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench</title>
<link>https://news.example.org/</link>{''.join(items)}</channel></rss>""")
