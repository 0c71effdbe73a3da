"""Open counting end to end (#19): a digest through a real SMTP server, its HTML part (parsed by
Python's email package) opened in headless Chromium, which loads the open pixel from a real
`herald serve`; counts read through the admin API (JSON and CSV) and from the database."""

import csv
import io
import json
import os
import re
import sqlite3
import time

import pytest

from conftest import OUTPUT, body_parts, http, wait_for
from test_clicks import READER_AGENT, TOKEN, assert_stored_nowhere, forged, issue_id, reader_browser, report  # noqa: F401
from test_digest import add_subscribers, digest, write_feed

GIF_1X1 = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")


@pytest.fixture
def opens_herald(make_herald, workdir):
    feed = os.path.join(workdir, "feed.xml")
    herald = make_herald(
        admin_token=TOKEN, trusted_proxies=["127.0.0.1"],
        newsletters=[
            {"slug": "opened", "title": "Opened", "digest_feed": feed, "opens": True},
            {"slug": "daily", "title": "Daily", "digest_feed": feed},
        ])
    herald.articles = [(f"Story {n}", f"{herald.base_url}/?story={n}", f"story-{n}") for n in range(2)]
    write_feed(feed, herald.articles)
    add_subscribers(herald, 2, newsletter="opened")
    add_subscribers(herald, 1, newsletter="daily", start=2)
    return herald


def pixels(message):
    _, html = body_parts(message)
    return re.findall(r'<img src="(https?://[^"]+/o/[^"]+)"', html or "")


def opens(herald, newsletter="opened"):
    result = report(herald, issue_id(herald, newsletter), newsletter)
    return result["opens"], result["opens_filtered"]


def test_the_pixel_is_one_aggregate_url_counted_per_issue_with_scanners_filtered(opens_herald, smtp, reader_browser,
                                                                                  workdir):
    herald = opens_herald
    digest(herald, "send", "opened", "--period", "2026-11-25")
    first, second = smtp.wait_for_messages(2)
    assert len(pixels(first)) == 1 and pixels(first) == pixels(second)
    pixel = pixels(first)[0]
    assert f"/o/{issue_id(herald, 'opened')}." in pixel
    text, _ = body_parts(first)
    assert "/o/" not in text  # the text part has no image to load
    for address in ("reader0", "reader1", "Reader 0", "Reader 1"):
        assert address not in pixel
    assert opens(herald) == (0, 0)

    # A reader opens the mail: the HTML part, as received, shown in Chromium, which loads the pixel.
    page = os.path.join(workdir, "received.html")
    with open(page, "w", encoding="utf-8") as handle:
        handle.write(body_parts(first)[1])
    reader_browser.get("file://" + page)
    wait_for(lambda: opens(herald) == (1, 0), timeout=20, what="the browser's open counted")

    status, headers, body = http("GET", pixel, headers={"User-Agent": READER_AGENT})
    assert status == 200 and body == GIF_1X1
    assert headers["Content-Type"] == "image/gif" and headers["Cache-Control"] == "no-store"
    assert http("HEAD", pixel, headers={"User-Agent": READER_AGENT})[0] == 200
    for agent in ("Mozilla/5.0 (compatible; Mimecast Link Scanner)", "", "Mozilla/5.0 (via ggpht.com GoogleImageProxy)"):
        assert http("GET", pixel, headers={"User-Agent": agent})[0] == 200
    wait_for(lambda: opens(herald) == (2, 4), timeout=20, what="opens and filtered loads counted")

    issue = issue_id(herald, "opened")
    status, headers, body = http("GET", f"{herald.base_url}/api/v1/newsletters/opened/digests/{issue}/report.csv",
                                 headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert ["opens", "2"] in rows and ["opens_filtered", "4"] in rows
    with open(os.path.join(OUTPUT, "issue-report-opens.json"), "w") as handle:
        json.dump(report(herald, issue, "opened"), handle, indent=1)

    # Counted per (issue, hour) only: no subscriber, no address, no client or user agent stored.
    with herald.db() as db:
        columns = [row[1] for row in db.execute("PRAGMA table_info(issue_opens)")]
        assert columns == ["issue_id", "hour", "opens", "filtered"]
        rows = db.execute("SELECT issue_id, opens, filtered, hour % 3600 FROM issue_opens").fetchall()
        assert rows == [(issue, 2, 4, 0)]
        assert_stored_nowhere(db, "Mimecast", "HeadlessChrome")


def test_opens_are_off_by_default(opens_herald, smtp):
    herald = opens_herald
    digest(herald, "send", "daily", "--period", "2026-11-25")
    message = smtp.wait_for_messages(1)[0]
    assert pixels(message) == [] and "/o/" not in (body_parts(message)[1] or "")
    assert opens(herald, "daily") == (None, None)
    status, _, body = http("GET", f"{herald.base_url}/api/v1/newsletters/daily/digests/"
                                  f"{issue_id(herald, 'daily')}/report.csv",
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200 and ["opens", ""] in list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_forged_altered_hostile_and_oversized_pixel_ids_get_404_and_count_nothing(opens_herald, smtp):
    herald = opens_herald
    digest(herald, "send", "opened", "--period", "2026-11-25")
    pixel = pixels(smtp.wait_for_messages(2)[0])[0]
    base, raw = pixel.split("/o/")
    issue, mac = raw.split(".")
    click_id = forged(f"{herald.base_url}/?story=0")
    for bad in (f"{int(issue) + 1}.{mac}", f"{issue}.{mac[::-1]}", f"0{issue}.{mac}", f"{issue}.{mac}x", issue,
                f"{issue}.", f"{issue}.{mac}.{mac}", "x" * 5000, "%00", "%0d%0aSet-Cookie:%20x=1",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "1'%20OR%20'1'='1", "%C3%28", click_id, "..", "-1." + mac):
        status, headers, page = http("GET", f"{base}/o/{bad}", headers={"Accept": "text/html",
                                                                         "User-Agent": READER_AGENT})
        assert status == 404 and headers.get("Content-Type", "").startswith("text/html"), bad
        assert "Set-Cookie" not in headers and b"GIF89a" not in page
    # The real pixel still works, and only it was counted.
    assert http("GET", pixel, headers={"User-Agent": READER_AGENT})[0] == 200
    wait_for(lambda: opens(herald) == (1, 0), timeout=20, what="only the real pixel counted")


def test_a_database_outage_still_answers_the_pixel_and_the_count_arrives_later(opens_herald, smtp):
    herald = opens_herald
    digest(herald, "send", "opened", "--period", "2026-11-25")
    pixel = pixels(smtp.wait_for_messages(2)[0])[0]
    lock = sqlite3.connect(herald.database, timeout=10, isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")
    try:
        # Held across several one-second flushes, so writes really fail meanwhile.
        for _ in range(3):
            status, headers, body = http("GET", pixel, headers={"User-Agent": READER_AGENT})
            assert status == 200 and body == GIF_1X1 and headers["Cache-Control"] == "no-store"
            time.sleep(1.0)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    wait_for(lambda: opens(herald) == (3, 0), timeout=30, what="late open counts")
