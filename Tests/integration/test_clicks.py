"""Click counting end to end: digests through a real SMTP server, links followed by headless
Chromium and by plain HTTP clients, counts read through the admin API and from the database."""

import base64
import csv
import hashlib
import hmac
import io
import json
import os
import re
import sqlite3
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from conftest import OUTPUT, body_parts, http, link_in, wait_for
from test_digest import add_subscribers, digest, write_feed

TOKEN = "click-report-admin-token-0123456789"
# Headless Chromium names itself "HeadlessChrome", which the scanner list filters; a reader's
# browser sends an ordinary Chrome user agent.
READER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def assert_stored_nowhere(db, *needles):
    """No value in any table of the SQLite database `db` contains one of `needles`."""
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        for row in db.execute(f'SELECT * FROM "{table}"'):
            assert not any(needle in str(value) for needle in needles for value in row), table


@pytest.fixture
def reader_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900",
                     f"--user-agent={READER_AGENT}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture
def clicks_herald(make_herald, workdir):
    feed = os.path.join(workdir, "feed.xml")
    herald = make_herald(
        admin_token=TOKEN, trusted_proxies=["127.0.0.1"],
        newsletters=[
            {"slug": "daily", "title": "Daily", "digest_feed": feed, "archive": True},
            {"slug": "plain", "title": "Plain", "digest_feed": feed, "tracking": "off"},
            {"slug": "consented", "title": "Consented", "digest_feed": feed, "tracking": "per_subscriber"},
        ])
    # Article links point at this Herald's own start page, so the browser can really land there.
    herald.articles = [(f"Story {n}", f"{herald.base_url}/?story={n}", f"story-{n}") for n in range(3)]
    write_feed(feed, herald.articles)
    add_subscribers(herald, 2, newsletter="daily")
    add_subscribers(herald, 1, newsletter="plain", start=2)
    add_subscribers(herald, 2, newsletter="consented", start=3)
    return herald


def links_of(message):
    text, html = body_parts(message)
    return sorted(set(re.findall(r"https?://[^\s<>\"]+", text + html)))


def tracked(links):
    return [link for link in links if "/l/" in link]


def report(herald, issue_id, newsletter="daily"):
    status, _, body = http("GET", f"{herald.base_url}/api/v1/newsletters/{newsletter}/digests/{issue_id}/report",
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200, body
    return json.loads(body)


def issue_id(herald, newsletter):
    with herald.db() as db:
        return db.execute("SELECT id FROM digest_issues WHERE newsletter = ?", (newsletter,)).fetchone()[0]


def forged(url, secret=b"another installation's secret"):
    body = f"1.0.3.{base64.urlsafe_b64encode(url.encode()).decode().rstrip('=')}"
    mac = hmac.new(secret, f"click:v1:{body}".encode(), hashlib.sha256).digest()[:16]
    return f"{body}.{base64.urlsafe_b64encode(mac).decode().rstrip('=')}"


def test_aggregate_links_are_the_same_for_everyone_count_readers_and_filter_scanners(clicks_herald, smtp,
                                                                                     reader_browser):
    herald = clicks_herald
    digest(herald, "send", "daily", "--period", "2026-11-25")
    first, second = smtp.wait_for_messages(2)
    links = tracked(links_of(first))
    assert len(links) == 3 and links == tracked(links_of(second))
    assert not any(f"story={n}" in link for n in range(3) for link in links_of(first))
    story = {}
    for link in links:
        status, headers, _ = http("GET", link, headers={"User-Agent": READER_AGENT, "X-Forwarded-For": "198.51.100.9"})
        assert status == 302
        story[int(headers["Location"].rsplit("=", 1)[1])] = link
    wait_for(lambda: report(herald, issue_id(herald, "daily"))["filtered"] == 3, timeout=20, what="a burst filtered")

    reader_browser.get(story[0])
    assert reader_browser.current_url == f"{herald.base_url}/?story=0"
    reader_browser.save_screenshot(os.path.join(OUTPUT, "browser-click-landed.png"))
    assert http("HEAD", story[1])[0] == 302
    assert http("GET", story[1], headers={"User-Agent": "Mimecast Link Scanner/1.0"})[0] == 302
    assert http("GET", story[2], headers={"User-Agent": ""})[0] == 302
    result = wait_for(lambda: (r := report(herald, issue_id(herald, "daily")))["clicks"] == 1 and r["filtered"] == 6
                      and r, timeout=20, what="click counted")
    assert [(l["clicks"], l["filtered"]) for l in result["links"]] == [(1, 1), (0, 3), (0, 2)]
    assert result["delivered"] == 2 and result["clicked_share"] is None and result["tracking"] == "aggregate"
    assert len(result["hours"]) == 48 and sum(h["clicks"] for h in result["hours"]) == 1

    status, headers, body = http("GET", f"{herald.base_url}/api/v1/newsletters/daily/digests/"
                                        f"{issue_id(herald, 'daily')}/report.csv",
                                 headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and headers["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert ["clicks", "1"] in rows and ["link", "title", "url", "clicks", "filtered"] in rows
    with open(os.path.join(OUTPUT, "issue-report.json"), "w") as handle:
        json.dump(result, handle, indent=1)

    # Privacy by construction: no row links a subscriber to a click, and no client IP is stored.
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM subscriber_clicks").fetchone()[0] == 0
        columns = [row[1] for row in db.execute("PRAGMA table_info(link_clicks)")]
        assert columns == ["issue_id", "link_index", "hour", "clicks", "filtered"]
        assert_stored_nowhere(db, "198.51.100", "Mimecast")


def test_forged_altered_and_foreign_ids_get_the_404_page_and_count_nothing(clicks_herald, smtp):
    herald = clicks_herald
    digest(herald, "send", "daily", "--period", "2026-11-25")
    link = tracked(links_of(smtp.wait_for_messages(2)[0]))[0]
    base, raw = link.split("/l/")
    body, mac = raw.rsplit(".", 1)
    for bad in (forged("https://evil.example/"), forged(f"{herald.base_url}/?story=0"), body + "." + mac[::-1],
                body.replace(".0.3.", ".1.3.", 1) + "." + mac, raw + "~1.AAAA", raw + "~", "x" * 5000, "%00",
                "1.0.3.aHR0cHM6Ly9ldmlsLmV4YW1wbGU.", "..", "-1.0.3.x.y"):
        status, headers, page = http("GET", f"{base}/l/{bad}", headers={"Accept": "text/html"})
        assert status == 404 and "Location" not in headers, bad
        assert b"<html" in page
    with herald.db() as db:
        db.execute("SELECT 1")
    herald.stop()
    with sqlite3.connect(herald.database) as db:
        assert db.execute("SELECT count(*) FROM link_clicks").fetchone()[0] == 0


def test_a_database_outage_still_redirects_and_the_count_arrives_later(clicks_herald, smtp):
    herald = clicks_herald
    digest(herald, "send", "daily", "--period", "2026-11-25")
    link = tracked(links_of(smtp.wait_for_messages(2)[0]))[0]
    lock = sqlite3.connect(herald.database, timeout=10, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        # Held across several one-second flushes, so the click writes really fail meanwhile; every
        # redirect still answers at once.
        for _ in range(3):
            started = time.monotonic()
            status, headers, _ = http("GET", link, headers={"User-Agent": READER_AGENT})
            assert status == 302 and "story=" in headers["Location"]
            assert time.monotonic() - started < 1.0
            time.sleep(1.0)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    # One reader's three hits within the burst window on one of three links: three clicks.
    wait_for(lambda: report(herald, issue_id(herald, "daily"))["clicks"] == 3, timeout=30, what="late count")


def test_tracking_off_leaves_links_untouched(clicks_herald, smtp):
    herald = clicks_herald
    digest(herald, "send", "plain", "--period", "2026-11-25")
    links = links_of(smtp.wait_for_messages(1)[0])
    assert not tracked(links)
    assert all(f"{herald.base_url}/?story={n}" in links for n in range(3))


def test_per_subscriber_records_who_clicked_and_erasure_removes_it(clicks_herald, smtp):
    herald = clicks_herald
    digest(herald, "send", "consented", "--period", "2026-11-25")
    first, second = smtp.wait_for_messages(2)
    mine, theirs = tracked(links_of(first)), tracked(links_of(second))
    assert len(mine) == 3 and not set(mine) & set(theirs)
    assert http("GET", mine[0], headers={"User-Agent": READER_AGENT})[0] == 302
    issue = issue_id(herald, "consented")
    result = wait_for(lambda: (r := report(herald, issue, "consented"))["subscribers_clicked"] == 1 and r,
                      timeout=20, what="per-subscriber click")
    assert result["clicked_share"] == 0.5
    with herald.db() as db:
        (subscriber,) = db.execute("SELECT subscriber_id FROM subscriber_clicks").fetchone()
        address = db.execute("SELECT email FROM subscribers WHERE id = ?", (subscriber,)).fetchone()[0]
    assert address in first["To"]
    status, _, body = http("DELETE", f"{herald.base_url}/api/v1/subscribers/{subscriber}",
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200, body
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM subscriber_clicks").fetchone()[0] == 0
    assert report(herald, issue, "consented")["clicks"] == 1


def confirmed_welcome(herald, smtp, address, newsletter, already):
    """Signs `address` up through the form, confirms through the mailed link; the welcome mail."""
    status, _, _ = http("POST", herald.base_url + "/subscribe",
                        f"email={address}&newsletter={newsletter}".encode(),
                        {"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 303
    confirmation = smtp.wait_for_messages(already + 1)[already]
    confirm_url = link_in(confirmation, "/confirm/")
    assert http("POST", confirm_url, b"", {"Content-Type": "application/x-www-form-urlencoded"})[0] == 200
    return smtp.wait_for_messages(already + 2)[already + 1]


def test_the_welcome_mail_links_the_latest_issue_through_a_tracked_link(clicks_herald, smtp, reader_browser):
    herald = clicks_herald
    digest(herald, "send", "daily", "--period", "2026-11-25")
    smtp.wait_for_messages(2)
    issue = issue_id(herald, "daily")
    welcome = confirmed_welcome(herald, smtp, "newcomer@example.org", "daily", 2)
    other = confirmed_welcome(herald, smtp, "second@example.org", "daily", 4)
    text, html = body_parts(welcome)
    assert "Read the latest issue" in text and "Read the latest issue" in html
    [link] = tracked(links_of(welcome))
    assert tracked(links_of(other)) == [link]  # aggregate: the same URL for every reader
    assert "newcomer" not in link and "second" not in link
    assert f"/archive/daily/2026-11-25" not in text  # the archive URL only behind /l/

    reader_browser.get(link)
    assert reader_browser.current_url == f"{herald.base_url}/archive/daily/2026-11-25"
    assert "Story 0" in reader_browser.page_source
    result = wait_for(lambda: (r := report(herald, issue))["clicks"] == 1 and r, timeout=20, what="welcome click")
    assert result["links"][-1] == {"index": 3, "title": "Welcome mail: link to this issue's archive page",
                                   "clicks": 1, "filtered": 0}
    assert [row["clicks"] for row in result["links"][:3]] == [0, 0, 0]


def test_the_welcome_mail_of_a_newsletter_without_an_archive_has_no_issue_link(clicks_herald, smtp):
    herald = clicks_herald
    digest(herald, "send", "consented", "--period", "2026-11-25")
    smtp.wait_for_messages(2)
    welcome = confirmed_welcome(herald, smtp, "newcomer@example.org", "consented", 2)
    assert "Read the latest issue" not in body_parts(welcome)[0]
    assert not tracked(links_of(welcome))


def test_the_console_shows_the_issue_report_with_clicks_per_hour(clicks_herald, smtp, reader_browser):
    """#15/#19: the report of a real sent issue in the operator console, figures equal to the API's."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from test_browser import page_text_containing
    from test_console import check_page

    herald = clicks_herald
    digest(herald, "send", "daily", "--period", "2026-11-25")
    link = tracked(links_of(smtp.wait_for_messages(2)[0]))[0]
    assert http("GET", link, headers={"User-Agent": READER_AGENT, "X-Forwarded-For": "198.51.100.20"})[0] == 302
    assert http("HEAD", link)[0] == 302
    issue = issue_id(herald, "daily")
    result = wait_for(lambda: (r := report(herald, issue))["clicks"] == 1 and r["filtered"] == 1 and r,
                      timeout=20, what="the click and the HEAD counted")

    reader_browser.get(herald.base_url + "/admin/sign-in")
    field = reader_browser.find_element(By.ID, "token")
    field.send_keys(TOKEN)
    field.send_keys(Keys.ENTER)
    page_text_containing(reader_browser, "Signed in as")
    reader_browser.find_element(By.LINK_TEXT, "Digests").click()
    page_text_containing(reader_browser, "2026-11-25")
    check_page(reader_browser, "console-digests")
    reader_browser.find_element(By.LINK_TEXT, "2026-11-25").click()
    page_text_containing(reader_browser, "Clicks over the first 48 hours")
    figures = {item.find_element(By.TAG_NAME, "dt").text: item.find_element(By.TAG_NAME, "dd").text
               for item in reader_browser.find_elements(By.CSS_SELECTOR, "dl.figures > div")}
    assert figures["Delivered"] == str(result["delivered"]) == "2"
    assert figures["Clicks"] == str(result["clicks"]) and figures["Filtered"] == str(result["filtered"])
    description = reader_browser.find_element(By.ID, "chart-hours-desc").get_attribute("textContent")
    assert "1 clicks, 1 filtered" in description
    rows = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in reader_browser.find_elements(By.CSS_SELECTOR, "#links-heading ~ table tbody tr")]
    assert [row[1:] for row in rows] == [[str(l["clicks"]), str(l["filtered"])] for l in result["links"]]
    check_page(reader_browser, "console-digest-report")
