/// JSON Feed documents used by the parser tests, written for these tests.
enum JSONFeedFixtures {
    static let version11 = """
        {
          "version": "https://jsonfeed.org/version/1.1",
          "title": "Podcast Notes",
          "home_page_url": "https://pod.example.net/",
          "feed_url": "https://pod.example.net/feed.json",
          "authors": [{"name": "Feed Team"}],
          "items": [
            {
              "id": "1",
              "url": "https://pod.example.net/episodes/1",
              "title": "Episode 1",
              "content_html": "<p>Show notes with <a href=\\"/links\\">links</a><script>x()</script></p>",
              "content_text": "ignored because HTML is present",
              "image": "/art/1.jpg",
              "date_published": "2024-05-01T06:00:00-05:00",
              "authors": [{"name": "Host One"}, {"name": "Host Two"}]
            },
            {
              "id": 2,
              "url": "https://pod.example.net/episodes/2",
              "content_text": "Plain text notes.\\n\\nSecond paragraph with <angle brackets> & ampersand.",
              "date_modified": "2024-05-02T06:00:00Z"
            },
            {
              "id": "3",
              "external_url": "https://elsewhere.example.org/story",
              "title": "Summary only",
              "summary": "Just a summary.",
              "banner_image": "https://pod.example.net/banner.png",
              "title_typo": true
            }
          ]
        }
        """

    static let version10 = """
        {"version": "https://jsonfeed.org/version/1", "title": "Old", "author": {"name": "Solo Writer"},
         "items": [{"id": "a", "url": "https://old.example/a", "title": "A", "content_text": "Text"}]}
        """
}
