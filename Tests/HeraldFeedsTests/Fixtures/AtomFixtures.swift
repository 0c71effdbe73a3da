/// Atom 1.0 documents used by the parser tests, written for these tests.
enum AtomFixtures {
    static let blog = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/"
              xml:base="https://blog.example.com/">
          <title type="html">Dev &lt;em&gt;Notes&lt;/em&gt;</title>
          <link rel="self" href="/atom.xml"/>
          <link rel="alternate" type="text/html" href="/"/>
          <id>tag:blog.example.com,2024:feed</id>
          <updated>2024-05-02T12:00:00Z</updated>
          <author><name>Feed Author</name></author>
          <entry>
            <title>XHTML entry</title>
            <link rel="alternate" type="text/html" href="posts/xhtml"/>
            <link rel="edit" href="/api/posts/1"/>
            <id>tag:blog.example.com,2024:1</id>
            <published>2024-05-01T10:00:00+02:00</published>
            <updated>2024-05-02T10:00:00Z</updated>
            <author><name>Ada</name></author>
            <author><name>Grace</name></author>
            <summary>Plain summary loses to content.</summary>
            <content type="xhtml" xml:base="https://blog.example.com/posts/">
              <div xmlns="http://www.w3.org/1999/xhtml">
                <p>Hello <b>world</b><br/>and <a href="xhtml#more" onclick="steal()">more</a>.</p>
                <p><img src="pic.png" alt="A picture"/></p>
              </div>
            </content>
          </entry>
          <entry>
            <title type="text">HTML entry &amp; friends</title>
            <link href="https://blog.example.com/posts/html"/>
            <id>tag:blog.example.com,2024:2</id>
            <updated>2024-05-02T09:00:00.250Z</updated>
            <content type="html">&lt;p&gt;Escaped &lt;i&gt;HTML&lt;/i&gt;&lt;/p&gt;&lt;iframe src="https://evil.example/"&gt;&lt;/iframe&gt;</content>
            <media:thumbnail url="https://blog.example.com/thumb.jpg"/>
          </entry>
          <entry>
            <title>Text summary only</title>
            <link rel="alternate" href="/posts/text"/>
            <id>tag:blog.example.com,2024:3</id>
            <updated>2024-05-02T08:00:00Z</updated>
            <summary>First line &lt;not a tag&gt;

        Second paragraph.</summary>
          </entry>
        </feed>
        """
}
