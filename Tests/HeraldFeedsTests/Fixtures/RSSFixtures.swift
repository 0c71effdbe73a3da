/// RSS 2.0 documents used by the parser tests, written for these tests.
enum RSSFixtures {
    /// A newsroom feed exercising CDATA, entities, Ukrainian text, typographic punctuation,
    /// hostile markup, the `content`, `dc` and `media` extensions, enclosures, relative links
    /// and a missing `pubDate`.
    static let newsroom = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"
             xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:dc="http://purl.org/dc/elements/1.1/"
             xmlns:media="http://search.yahoo.com/mrss/"
             xmlns:atom="http://www.w3.org/2005/Atom">
          <channel>
            <title>Вісті &amp; Події</title>
            <link>https://news.example.org/</link>
            <atom:link rel="self" href="https://news.example.org/feed.xml" type="application/rss+xml"/>
            <description>Щоденні новини</description>
            <item>
              <title>Київ: “Весна” — ‘перші’ квіти…</title>
              <link>/2024/05/spring</link>
              <guid isPermaLink="false">urn:uuid:1b7e-spring</guid>
              <pubDate>Wed, 01 May 2024 09:30:00 +0300</pubDate>
              <dc:creator>Олена Петренко</dc:creator>
              <description>Short teaser that must lose to content:encoded.</description>
              <content:encoded><![CDATA[
                <p>Перший абзац про <a href="/city">місто</a> &amp; людей.</p>
                <script>alert('xss')</script>
                <p><img src="images/flowers.jpg" alt="Квіти" onerror="alert(1)"> Другий абзац.</p>
              ]]></content:encoded>
              <media:content url="https://cdn.example.org/spring.jpg" medium="image" width="1200"/>
            </item>
            <item>
              <title>Tom &amp;amp; Jerry&#x2019;s &#8220;reunion&#8221;</title>
              <link>https://news.example.org/2024/05/reunion?utm_source=rss</link>
              <description>&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt; with &amp;nbsp;and&amp;mdash;entities&lt;/p&gt;</description>
              <author>editor@example.org (Jane Editor)</author>
              <enclosure url="/media/reunion.png" type="image/png" length="12345"/>
            </item>
            <item>
              <guid>https://news.example.org/2024/05/permalink</guid>
              <description>An item with neither title nor link; its guid is a permalink. It goes on for a while so that the title made from it has to be shortened at a word boundary.</description>
              <pubDate>Thu, 2 May 2024 10:15 GMT</pubDate>
            </item>
          </channel>
        </rss>
        """

    /// An RSS 1.0 (RDF) feed: items beside the channel, elements in the RSS 1.0 namespace.
    static let rdf = """
        <?xml version="1.0"?>
        <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/">
          <channel rdf:about="https://rdf.example.org/">
            <title>RDF Site</title>
            <link>https://rdf.example.org/</link>
          </channel>
          <item rdf:about="https://rdf.example.org/one">
            <title>One</title>
            <link>https://rdf.example.org/one</link>
            <dc:date>2024-05-03T08:00:00Z</dc:date>
          </item>
        </rdf:RDF>
        """

    /// An RSS document with `count` minimal items.
    static func withItems(_ count: Int) -> String {
        let items = (0..<count).map { "<item><title>Item \($0)</title><link>https://x.example/\($0)</link></item>" }
        return "<rss version=\"2.0\"><channel><title>Many</title>\(items.joined())</channel></rss>"
    }
}
