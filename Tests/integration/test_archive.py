"""The public archive end to end: issues sent by `herald digest send` through a real SMTP server,
then read as pages (html5lib strict, axe-core in headless Chromium, screenshots) and as Atom
(feedparser)."""

import json
import os
import re

import pytest
from selenium.webdriver.common.by import By

from conftest import OUTPUT, http
from page_checks import assert_valid_html, axe_violations, parse_feed
from test_browser import browser, screenshot  # noqa: F401 (fixture)
from test_digest import add_subscribers, digest, write_feed

ARTICLES = [
    ("Рада ухвалила бюджет на 2027 рік", "https://news.example.org/budget", "budget"),
    ("Trains return to the eastern line", "https://news.example.org/trains", "trains"),
]


@pytest.fixture
def archive_herald(make_herald, workdir):
    feed = os.path.join(workdir, "feed.xml")
    write_feed(feed, ARTICLES)
    herald = make_herald(newsletters=[
        {"slug": "daily", "title": "Дайджест дня", "description": "Щодня о 7:00", "time_zone": "Europe/Kyiv",
         "digest_feed": feed, "archive": True},
        {"slug": "private", "title": "Private Briefing", "digest_feed": feed},
        {"slug": "hidden", "title": "Hidden Archive", "digest_feed": feed, "archive": True, "archive_noindex": True},
    ])
    herald.feed = feed
    add_subscribers(herald, 2, newsletter="daily")
    with herald.db() as db:
        db.execute("UPDATE subscribers SET name = 'Secret Reader Name'")
    digest(herald, "send", "daily", "--period", "2026-11-25")
    return herald


def get(url):
    status, headers, body = http("GET", url, headers={"Accept": "text/html"})
    return status, headers, body.decode()


def test_an_issue_page_shows_what_was_sent_and_nothing_about_any_reader(archive_herald, smtp):
    sent = smtp.wait_for_messages(2)
    base = archive_herald.base_url
    status, headers, html = get(f"{base}/archive/daily/2026-11-25")
    assert status == 200, html
    assert_valid_html(html)
    for title, link, _ in ARTICLES:
        assert title in html and f'href="{link}"' in html
    # No name, address, manage token or tracking id of any recipient.
    assert "Secret Reader Name" not in html and "reader0" not in html and "@example.org" not in html
    for message in sent:
        for token in re.findall(r"/(?:unsubscribe|preferences)/([A-Za-z0-9._-]+)", message.as_string()):
            assert token not in html
    assert "/unsubscribe/" not in html and "/preferences/" not in html and "/l/" not in html
    canonical = f"{base}/archive/daily/2026-11-25"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta name="description" content="Рада ухвалила бюджет на 2027 рік · Trains return' in html
    assert '<meta name="robots" content="index, follow">' in html
    assert f'href="{base}/archive/daily/feed.xml"' in html
    assert 'action="' + base + '/subscribe"' in html and 'name="newsletter" value="daily"' in html
    assert headers["Cache-Control"] == "public, max-age=300"

    # A later feed change does not alter the archived issue.
    write_feed(archive_herald.feed, [("Changed headline", "https://news.example.org/changed", "changed")])
    assert get(f"{base}/archive/daily/2026-11-25")[2] == html


def test_the_list_is_newest_first_paginated_and_validated(archive_herald):
    base = archive_herald.base_url
    write_feed(archive_herald.feed, [("Second day", "https://news.example.org/second", "second")])
    later = os.stat(archive_herald.feed).st_mtime + 5  # the feed reader skips a file whose time did not change
    os.utime(archive_herald.feed, (later, later))
    digest(archive_herald, "send", "daily", "--period", "2026-11-26")
    with archive_herald.db() as db:
        articles = db.execute("SELECT articles FROM digest_issues WHERE period = '2026-11-25'").fetchone()[0]
        for day in range(1, 24):  # 23 older completed issues: 25 in all, two pages of 20
            db.execute(
                "INSERT INTO digest_issues (newsletter, period, language, articles, created_at, completed_at) "
                "VALUES ('daily', ?, 'en', ?, ?, ?)",
                (f"2026-10-{day:02d}", articles, day * 86_400_000, day * 86_400_000))
        db.execute("INSERT INTO digest_issues (newsletter, period, language, articles, created_at) "
                   "VALUES ('daily', 'unsent', 'en', ?, 0)", (articles,))

    status, _, first = get(f"{base}/archive/daily")
    assert status == 200
    assert_valid_html(first)
    periods = re.findall(r'<a href="[^"]*/archive/daily/([0-9][^"/]*)"', first)
    assert periods[:2] == ["2026-11-26", "2026-11-25"] and len(periods) == 20 and "unsent" not in periods
    assert f'href="{base}/archive/daily?page=2" rel="next"' in first
    status, _, second = get(f"{base}/archive/daily?page=2")
    assert status == 200
    assert_valid_html(second)
    rest = re.findall(r'<a href="[^"]*/archive/daily/([0-9][^"/]*)"', second)
    assert len(rest) == 5 and not set(rest) & set(periods)
    assert f'<link rel="canonical" href="{base}/archive/daily?page=2">' in second

    for query in ("page=0", "page=-1", "page=abc", "page=1&page=2", "page=2&x=1", "pag=1", "page=99999999999",
                  "page=%00", "page=1.5"):
        assert get(f"{base}/archive/daily?{query}")[0] == 400, query
    assert get(f"{base}/archive/daily?page=3")[0] == 404
    assert get(f"{base}/archive/daily/2026-11-25?x=1")[0] == 400


def test_unknown_newsletters_periods_and_archives_that_are_off_answer_404(archive_herald):
    base = archive_herald.base_url
    digest(archive_herald, "send", "private", "--period", "2026-11-25")
    with archive_herald.db() as db:
        db.execute("INSERT INTO digest_issues (newsletter, period, language, articles, created_at) "
                   "VALUES ('daily', 'open', 'en', '[]', 0)")
    for path in ("/archive/nope", "/archive/nope/feed.xml", "/archive/private", "/archive/private/feed.xml",
                 "/archive/private/2026-11-25", "/archive/daily/2026-11-24", "/archive/daily/open",
                 "/archive/daily/..%2F..%2Fetc", "/archive/daily/" + "x" * 300, "/archive/daily/%0d%0aSet-Cookie:x",
                 "/archive/%3Cscript%3E"):
        status, headers, body = get(base + path)
        assert status == 404, path
        assert "text/html" in headers["Content-Type"] and "<script" not in body.lower()


def test_archive_noindex_asks_search_engines_to_stay_away(archive_herald):
    digest(archive_herald, "send", "hidden", "--period", "2026-11-25")
    for path in ("/archive/hidden", "/archive/hidden/2026-11-25"):
        status, _, html = get(archive_herald.base_url + path)
        assert status == 200 and '<meta name="robots" content="noindex">' in html, path


def test_the_atom_feed_parses_with_feedparser(archive_herald):
    base = archive_herald.base_url
    status, headers, body = http("GET", f"{base}/archive/daily/feed.xml")
    assert status == 200 and headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = parse_feed(body)
    assert feed.version == "atom10"
    assert feed.feed.title == "Дайджест дня" and feed.feed.link == f"{base}/archive/daily"
    assert len(feed.entries) == 1
    entry = feed.entries[0]
    assert entry.link == f"{base}/archive/daily/2026-11-25" and entry.id == entry.link
    content = entry.content[0].value
    assert "Рада ухвалила бюджет" in content and 'href="https://news.example.org/trains"' in content
    assert "Secret Reader Name" not in body.decode() and "<script" not in content


def test_archive_pages_in_chromium_are_accessible(archive_herald, browser):  # noqa: F811
    base = archive_herald.base_url
    for name, path in (("archive-list", "/archive/daily"), ("archive-issue", "/archive/daily/2026-11-25")):
        for width, height, suffix in ((1200, 1000, ""), (390, 844, "-phone")):
            browser.set_window_size(width, height)
            browser.get(base + path)
            assert browser.find_element(By.TAG_NAME, "h1").text
            screenshot(browser, name + suffix)
            violations = axe_violations(browser)
            assert violations == [], f"{path} at {width}px: {json.dumps(violations, ensure_ascii=False, indent=1)}"
    browser.get(base + "/archive/daily")
    browser.find_element(By.CSS_SELECTOR, "ol.issues a").click()
    assert browser.current_url == f"{base}/archive/daily/2026-11-25"
    assert os.path.exists(os.path.join(OUTPUT, "browser-archive-issue.png"))
