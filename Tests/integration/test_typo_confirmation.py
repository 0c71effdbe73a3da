"""Typo confirmation (issue #16, item 2): a valid address that looks like a slip of the keyboard
("reader@gmial.com") is answered like an invalid one — the form again with "Did you mean
reader@gmail.com?" and two buttons, or JSON 422 `suggestion` with how to keep the typed address —
and nothing is stored or sent until the reader decides. The answer depends only on the typed text,
never on whether either address is subscribed."""

import json
import time
import urllib.parse

from conftest import FORM, JSON, OUTPUT, http, link_in

from test_browser import browser, page_text_containing, screenshot  # noqa: F401 (the fixture)
from selenium.webdriver.common.by import By


def rows(herald):
    with herald.db() as db:
        return (db.execute("SELECT count(*) FROM subscribers").fetchone()[0],
                db.execute("SELECT count(*) FROM outbox").fetchone()[0],
                db.execute("SELECT count(*) FROM consent_events").fetchone()[0])


def subscribe_json(herald, **fields):
    status, headers, body = http("POST", herald.base_url + "/subscribe", json.dumps(fields), JSON)
    return status, {k: v for k, v in headers.items() if k.lower() != "date"}, body


def subscribe_form(herald, **fields):
    status, headers, body = http("POST", herald.base_url + "/subscribe", urllib.parse.urlencode(fields), FORM)
    return status, {k: v for k, v in headers.items() if k.lower() != "date"}, body


def test_json_suggestion_then_confirmed_address_and_nothing_stored_before(herald, smtp):
    status, _, body = subscribe_json(herald, email="reader@gmial.com", name="Reader")
    assert status == 422
    [error] = json.loads(body)["errors"]
    assert error["field"] == "email" and error["code"] == "suggestion"
    assert error["suggestion"] == "reader@gmail.com"
    assert error["confirm"] == {"confirm_address": True}
    assert "confirm_address" in error["message"]
    for typo, suggestion in (("reader@gmail.con", "reader@gmail.com"), ("reader@hotmial.com", "reader@hotmail.com"),
                             ("reader@yahooo.com", "reader@yahoo.com")):
        status, _, body = subscribe_json(herald, email=typo)
        assert status == 422 and json.loads(body)["errors"][0]["suggestion"] == suggestion, typo
    assert rows(herald) == (0, 0, 0)  # nothing stored, nothing queued
    time.sleep(1.5)
    assert smtp.messages() == []  # nothing sent
    # Wrong type for the flag is a field error, not a way around the question.
    status, _, body = subscribe_json(herald, email="reader@gmial.com", confirm_address="yes")
    assert status == 422 and json.loads(body)["errors"][0]["field"] == "confirm_address"
    # The reader keeps the typed address.
    status, _, body = subscribe_json(herald, email="reader@gmial.com", confirm_address=True)
    assert status == 202
    [mail] = smtp.wait_for_messages(1)
    assert mail.envelope["rcpt_tos"] == ["reader@gmial.com"]
    # A correct address is never questioned; confirm_address on it changes nothing.
    assert subscribe_json(herald, email="reader@gmail.com")[0] == 202
    assert subscribe_json(herald, email="other@example.org", confirm_address=True)[0] == 202


def test_the_answer_does_not_depend_on_whether_either_address_is_subscribed(make_herald, smtp):
    herald = make_herald(throttle_minutes=0)
    before = [subscribe_json(herald, email="reader@gmial.com"), subscribe_form(herald, email="reader@gmial.com")]
    # Now make the typed address pending and the suggested one confirmed.
    assert subscribe_json(herald, email="reader@gmial.com", confirm_address=True)[0] == 202
    assert subscribe_json(herald, email="reader@gmail.com")[0] == 202
    mails = smtp.wait_for_messages(2)
    gmail = next(m for m in mails if m.envelope["rcpt_tos"] == ["reader@gmail.com"])
    assert http("POST", link_in(gmail, "/confirm/"), b"", FORM)[0] == 200
    counts = rows(herald)
    after = [subscribe_json(herald, email="reader@gmial.com"), subscribe_form(herald, email="reader@gmial.com")]
    assert after == before  # status, headers and body, byte for byte
    assert rows(herald) == counts


def test_form_offers_both_choices_with_two_buttons(herald):
    status, _, page = subscribe_form(herald, email="reader@gmial.com", name="Reader", newsletter="daily")
    assert status == 422
    text = page.decode()
    assert "Did you mean reader@gmail.com?" in text
    assert "Yes, use reader@gmail.com" in text and "No, keep reader@gmial.com" in text
    assert 'name="confirm_address" value="true"' in text
    assert 'aria-invalid="true"' not in text  # the address is valid, only questioned
    assert rows(herald) == (0, 0, 0)


def test_typo_round_trip_in_a_real_browser(herald, smtp, browser):  # noqa: F811
    browser.get(herald.base_url + "/")
    form = browser.find_elements(By.CSS_SELECTOR, "form[action$='/subscribe']")[0]
    form.find_element(By.CSS_SELECTOR, "input[name=email]").send_keys("reader@gmial.com")
    form.find_element(By.CSS_SELECTOR, "input[name=name]").send_keys("Reader")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    page_text_containing(browser, "Did you mean reader@gmail.com?")
    screenshot(browser, "typo-1-question")
    browser.set_window_size(390, 844)
    screenshot(browser, "typo-2-question-phone")
    browser.set_window_size(1200, 1000)
    assert rows(herald) == (0, 0, 0)
    browser.find_element(By.XPATH, "//button[contains(., 'No, keep reader@gmial.com')]").click()
    page_text_containing(browser, "We've sent you a confirmation email.")
    screenshot(browser, "typo-3-kept")
    [kept] = smtp.wait_for_messages(1)
    assert kept.envelope["rcpt_tos"] == ["reader@gmial.com"]

    browser.get(herald.base_url + "/")
    form = browser.find_elements(By.CSS_SELECTOR, "form[action$='/subscribe']")[0]
    form.find_element(By.CSS_SELECTOR, "input[name=email]").send_keys("other.reader@gmail.con")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    page_text_containing(browser, "Did you mean other.reader@gmail.com?")
    browser.find_element(By.XPATH, "//button[contains(., 'Yes, use other.reader@gmail.com')]").click()
    page_text_containing(browser, "We've sent you a confirmation email.")
    used = smtp.wait_for_messages(2)[1]
    assert used.envelope["rcpt_tos"] == ["other.reader@gmail.com"]
    with herald.db() as db:
        assert sorted(r[0] for r in db.execute("SELECT email FROM subscribers")) == \
            ["other.reader@gmail.com", "reader@gmial.com"]
