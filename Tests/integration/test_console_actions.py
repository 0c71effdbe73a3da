"""The operator console's changes in real Chromium against `herald serve` and a real SMTP server:
confirm a subscription by hand with a note, erase a person after typing the address again and find
the entry in the Audit log (the same as `GET /api/v1/audit`), retry a mail that failed once the
SMTP server is fixed (it arrives once, parsed by Python's `email`), and the Settings page without
secrets. Every page goes through html5lib and axe-core at desktop and phone widths."""

import json
import os
import time
import urllib.parse

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import FORM, SMTPServer, free_port, http, wait_for, Herald
from test_browser import browser, page_text_containing  # noqa: F401 (fixture)
from test_console import TOKEN, check_page, signup

WEBHOOK_SECRET = "console-e2e-webhook-secret-0123456789"


def sign_in(driver, herald):
    driver.get(herald.base_url + "/admin")
    field = driver.find_element(By.ID, "token")
    field.send_keys(TOKEN)
    field.send_keys(Keys.ENTER)
    page_text_containing(driver, "Signed in as")


def api(herald, path):
    status, _, body = http("GET", herald.base_url + path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert status == 200, body
    return json.loads(body)


def open_subscriber(driver, herald, address):
    driver.get(herald.base_url + "/admin/subscribers?" + urllib.parse.urlencode({"q": address}))
    driver.find_element(By.LINK_TEXT, address).click()
    page_text_containing(driver, "Consent history")


def test_an_operator_confirms_by_hand_then_erases_a_person_and_finds_it_in_the_audit_log(make_herald, smtp, browser):  # noqa: F811
    herald = make_herald(admin_token=TOKEN)
    signup(herald, "paper@example.org")
    signup(herald, "leaving@example.org")
    smtp.wait_for_messages(2)
    sign_in(browser, herald)

    # Confirm by hand: without a note the form comes back with the error beside the field.
    open_subscriber(browser, herald, "paper@example.org")
    browser.find_element(By.ID, "to-news").send_keys("confirmed")
    browser.find_element(By.CSS_SELECTOR, "form.change button").click()
    page_text_containing(browser, "Confirming by hand needs a note")
    note = browser.find_element(By.ID, "note-news")
    assert note.get_attribute("aria-invalid") == "true"
    check_page(browser, "console-subscriber-refused", browser.execute_script("return '<!DOCTYPE html>' + document.documentElement.outerHTML"))
    browser.find_element(By.ID, "to-news").send_keys("confirmed")
    note.send_keys("Signed up on paper at the book fair, 3 December")
    note.send_keys(Keys.ENTER)
    page_text_containing(browser, "The subscription was changed")
    states = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "#subscriptions-heading ~ table td")]
    assert "confirmed" in states
    assert "admin_change" in browser.find_element(By.ID, "consent-heading").find_element(By.XPATH, "..").text
    check_page(browser, "console-subscriber-changed")

    # Erase: the confirmation step asks for the address again; a wrong one erases nothing.
    open_subscriber(browser, herald, "leaving@example.org")
    browser.find_element(By.PARTIAL_LINK_TEXT, "Erase this person").click()
    page_text_containing(browser, "Type the address again to confirm")
    check_page(browser, "console-erase")
    field = browser.find_element(By.ID, "confirm-address")
    field.send_keys("leavinq@example.org")
    field.send_keys(Keys.ENTER)
    page_text_containing(browser, "Nothing was erased")
    assert browser.find_element(By.ID, "confirm-address").get_attribute("aria-invalid") == "true"
    assert [s["email"] for s in api(herald, "/api/v1/subscribers?q=leaving")["items"]] == ["leaving@example.org"]
    field = browser.find_element(By.ID, "confirm-address")
    field.clear()
    field.send_keys("leaving@example.org")
    browser.find_element(By.CSS_SELECTOR, "button.secondary").click()
    page_text_containing(browser, "The subscriber was erased")
    assert api(herald, "/api/v1/subscribers?q=leaving")["items"] == []

    # The audit log: filter by action; the entry is the one the API lists, under the token's name.
    browser.find_element(By.LINK_TEXT, "Audit log").click()
    browser.find_element(By.ID, "action").send_keys("subscriber.erase")
    browser.find_element(By.CSS_SELECTOR, "form.search button").click()
    page_text_containing(browser, "subscriber.erase")
    rows = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in browser.find_elements(By.CSS_SELECTOR, "table.list tbody tr")]
    entries = [e for e in api(herald, "/api/v1/audit")["items"] if e["action"] == "subscriber.erase"]
    assert len(rows) == 1 and len(entries) == 1
    assert rows[0][1:4] == [entries[0]["actor"], "subscriber.erase", entries[0]["target"]]
    assert "suppression: erased" in rows[0][4]
    check_page(browser, "console-audit")


def test_a_failed_mail_is_retried_from_the_console_once_the_smtp_server_is_fixed(workdir, browser):  # noqa: F811
    port = free_port()
    # The relay is down: every attempt fails until the last one, and the mail fails for good.
    herald = Herald(workdir, port, {"admin_token": TOKEN, "outbox_retry_seconds": 1, "outbox_max_attempts": 2,
                                    "allow_private_urls": ["127.0.0.1"],
                                    "webhooks": [{"url": "http://127.0.0.1:9/hooks/s3cr3t-path", "secret": WEBHOOK_SECRET}]})
    try:
        signup(herald, "late@example.org")
        with_db = lambda: herald.db().execute("SELECT state, last_result FROM outbox").fetchall()  # noqa: E731
        wait_for(lambda: with_db() and with_db()[0][0] == "failed", timeout=60, what="the mail failed for good")
        fixed_dir = os.path.join(workdir, "fixed")
        os.makedirs(fixed_dir)
        fixed = SMTPServer(fixed_dir, "--port", str(port))
        try:
            sign_in(browser, herald)
            browser.find_element(By.LINK_TEXT, "Mail").click()
            page_text_containing(browser, "Failed and deferred mail")
            assert "late@example.org" in browser.page_source and with_db()[0][1] in browser.page_source
            check_page(browser, "console-mail")
            browser.find_element(By.CSS_SELECTOR, "button[aria-label^='Retry mail']").click()
            page_text_containing(browser, "The mail will be sent again now")
            message = fixed.wait_for_messages(1)[0]
            assert message.envelope["rcpt_tos"] == ["late@example.org"]
            assert "/confirm/" in message.get_body(preferencelist=("plain",)).get_content()
            wait_for(lambda: with_db()[0][0] == "sent", timeout=20, what="the retried mail sent")
            time.sleep(1.5)
            assert len(fixed.messages()) == 1
            browser.refresh()
            page_text_containing(browser, "No mail has failed")
            audit = api(herald, "/api/v1/audit")["items"]
            assert audit[0]["action"] == "mail.retry" and audit[0]["detail"]["state"] == "failed"

            browser.find_element(By.LINK_TEXT, "Settings").click()
            page_text_containing(browser, "The configuration this server runs with")
            page = browser.page_source
            assert f"127.0.0.1:{port}" in page and "http://127.0.0.1:9" in page
            for secret in (TOKEN, WEBHOOK_SECRET, "s3cr3t-path"):
                assert secret not in page
            check_page(browser, "console-settings")
        finally:
            fixed.stop()
    finally:
        herald.stop()


def test_an_operator_adds_a_subscriber_who_gets_the_confirmation_mail(make_herald, smtp, browser):  # noqa: F811
    herald = make_herald(admin_token=TOKEN)
    sign_in(browser, herald)
    browser.find_element(By.LINK_TEXT, "Subscribers").click()
    browser.find_element(By.LINK_TEXT, "Add a subscriber").click()
    page_text_containing(browser, "How they join")
    check_page(browser, "console-subscriber-new")
    # A bad address comes back with the error beside the field and nothing added.
    browser.find_element(By.ID, "email").send_keys("olena@@example.org")
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    page_text_containing(browser, "This is not a valid email address")
    assert browser.find_element(By.ID, "email").get_attribute("aria-invalid") == "true"
    assert api(herald, "/api/v1/subscribers")["items"] == []
    field = browser.find_element(By.ID, "email")
    field.clear()
    field.send_keys("olena@example.org")
    browser.find_element(By.ID, "name").send_keys("Олена")
    browser.find_element(By.CSS_SELECTOR, "form.card button[type=submit]").click()
    page_text_containing(browser, "The subscriber was added")
    message = smtp.wait_for_messages(1)[0]
    assert message.envelope["rcpt_tos"] == ["olena@example.org"]
    assert "/confirm/" in message.get_body(preferencelist=("plain",)).get_content()
    items = api(herald, "/api/v1/subscribers")["items"]
    assert [(s["email"], s["subscriptions"][0]["status"]) for s in items] == [("olena@example.org", "pending")]
    assert api(herald, "/api/v1/audit")["items"][0]["action"] == "subscriber.create"


def test_an_operator_previews_the_next_digest_and_queues_an_article(make_herald, smtp, workdir, browser):  # noqa: F811
    from test_digest import add_subscribers, write_feed
    feed = os.path.join(workdir, "feed.xml")
    write_feed(feed, [("Світло повертається", "https://news.example.org/a/1", "a1"),
                      ("Kyiv <b>tonight</b>", "https://news.example.org/a/2", "a2")])
    herald = make_herald(admin_token=TOKEN, newsletters=[
        {"slug": "daily", "title": "Дайджест дня", "time_zone": "Europe/Kyiv", "digest_feed": feed, "tracking": "off"}])
    add_subscribers(herald, 3)
    sign_in(browser, herald)
    browser.find_element(By.LINK_TEXT, "Digests").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "Next issue").click()
    page_text_containing(browser, "Plain-text part")
    figures = {item.find_element(By.TAG_NAME, "dt").text: item.find_element(By.TAG_NAME, "dd").text
               for item in browser.find_elements(By.CSS_SELECTOR, "dl.figures > div")}
    assert figures == {"Articles": "2", "Recipients now": "3"}
    text = browser.find_element(By.CSS_SELECTOR, "pre.preview-text").text
    assert "Світло повертається" in text and "https://news.example.org/a/1" in text
    frame = browser.find_element(By.CSS_SELECTOR, "iframe.preview")
    assert frame.get_attribute("sandbox") == ""
    browser.switch_to.frame(frame)
    assert "Світло повертається" in browser.find_element(By.TAG_NAME, "body").text
    assert browser.find_elements(By.TAG_NAME, "script") == []
    browser.switch_to.default_content()
    check_page(browser, "console-digest-next")
    # Queue an article by hand; it is in the preview at once; nothing was sent.
    browser.find_element(By.ID, "queue-title").send_keys("Екстрений випуск")
    browser.find_element(By.ID, "queue-url").send_keys("https://news.example.org/extra")
    browser.find_element(By.ID, "queue-url").send_keys(Keys.ENTER)
    page_text_containing(browser, "The article is queued for the next issue")
    assert "Екстрений випуск" in browser.find_element(By.CSS_SELECTOR, "pre.preview-text").text
    assert api(herald, "/api/v1/newsletters/daily/queue")["items"][0]["title"] == "Екстрений випуск"
    browser.find_element(By.CSS_SELECTOR, "button[aria-label^='Remove']").click()
    page_text_containing(browser, "The article was removed from the queue")
    assert api(herald, "/api/v1/newsletters/daily/queue")["items"] == []
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM digest_issues").fetchone()[0] == 0
    assert smtp.messages() == []


def test_an_operator_uploads_a_csv_with_a_bad_row_and_reads_the_report(make_herald, smtp, workdir, browser):  # noqa: F811
    herald = make_herald(admin_token=TOKEN)
    path = os.path.join(workdir, "readers.csv")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("\ufeffemail,name,newsletter\r\n"
                     "olena@example.org,Олена Коваль,news\r\n"
                     "not an address,Bad Row,news\r\n"
                     "\"taras@example.org\",\"<script>alert(1)</script>\",news\r\n")
    sign_in(browser, herald)
    browser.find_element(By.LINK_TEXT, "Import").click()
    page_text_containing(browser, "Import a CSV file")
    check_page(browser, "console-import")
    browser.find_element(By.ID, "file").send_keys(path)
    browser.find_element(By.CSS_SELECTOR, "form[enctype] button[type=submit]").click()
    # The upload answers with the import's own page at once; the import runs in the background, and
    # its page (no script, no automatic refresh) shows the report once reloaded after it finished.
    page_text_containing(browser, "Import of readers.csv")
    wait_for(lambda: browser.refresh() or "Still importing" not in browser.page_source, timeout=60,
             what="the import to finish")
    page_text_containing(browser, "Rows that were not imported")
    figures = {item.find_element(By.TAG_NAME, "dt").text: item.find_element(By.TAG_NAME, "dd").text
               for item in browser.find_elements(By.CSS_SELECTOR, "dl.figures > div")}
    assert figures["Imported"] == "2" and figures["Bad rows"] == "1"
    rows = [[cell.text for cell in row.find_elements(By.TAG_NAME, "td")]
            for row in browser.find_elements(By.CSS_SELECTOR, "table.list tbody tr")]
    assert [row[0] for row in rows] == ["3"]
    check_page(browser, "console-import-report")
    emails = sorted(s["email"] for s in api(herald, "/api/v1/subscribers")["items"])
    assert emails == ["olena@example.org", "taras@example.org"]
    assert api(herald, "/api/v1/audit")["items"][0]["action"] == "subscribers.import"
    # The export is the CLI's CSV, read back by Python's csv module.
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    status, headers, body = http("GET", herald.base_url + "/admin/export.csv?newsletter=news", headers={"Cookie": cookies})
    assert status == 200 and headers["Content-Disposition"] == 'attachment; filename="subscribers-news.csv"'
    import csv
    import io
    exported = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert sorted(row["email"] for row in exported) == ["olena@example.org", "taras@example.org"]
    assert {row["name"] for row in exported} == {"Олена Коваль", "<script>alert(1)</script>"}
