"""End-to-end double opt-in against a real `herald serve` and a real SMTP server."""

import re
import urllib.parse

from conftest import FORM, JSON, all_defects, body_parts, http, link_in
from page_checks import assert_valid_html


def form(**fields):
    return urllib.parse.urlencode(fields, doseq=True)


def test_healthz_answers_ok(herald):
    status, headers, body = http("GET", herald.base_url + "/healthz")
    assert status == 200 and body == b"ok\n"


def test_form_signup_confirm_welcome_and_one_click_unsubscribe(herald, smtp):
    status, headers, _ = http("POST", herald.base_url + "/subscribe",
                              form(email="Jane.Doe@Example.org", name="Jane", newsletter="news"), FORM)
    assert status == 303
    assert headers["Location"] == "/thanks?newsletter=news"
    status, _, page = http("GET", herald.base_url + headers["Location"])
    assert status == 200
    assert "Thank you for signing up for this newsletter. We've sent you a confirmation email." in page.decode()

    [confirmation] = smtp.wait_for_messages(1)
    assert all_defects(confirmation) == []
    assert confirmation.envelope["rcpt_tos"] == ["Jane.Doe@example.org"]
    assert confirmation["To"].addresses[0].display_name == ""  # not confirmed yet: nothing typed by a stranger
    confirm_url = link_in(confirmation, "/confirm/")

    # GET never confirms: link scanners are harmless.
    for _ in range(2):
        status, _, page = http("GET", confirm_url)
        assert status == 200
        assert 'method="post"' in page.decode().lower()
    with herald.db() as db:
        assert db.execute("SELECT status FROM subscriptions").fetchall() == [("pending",)]

    status, _, page = http("POST", confirm_url, b"", FORM)
    assert status == 200
    with herald.db() as db:
        assert db.execute("SELECT status FROM subscriptions").fetchall() == [("confirmed",)]
        actions = [row[0] for row in db.execute("SELECT action FROM consent_events ORDER BY id")]
        assert actions == ["signup", "confirm"]

    welcome = smtp.wait_for_messages(2)[1]
    assert all_defects(welcome) == []
    assert welcome["To"].addresses[0].display_name == "Jane"  # the typed name, once the owner confirmed
    assert welcome["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = re.search(r"<(https?://[^>]+/unsubscribe/[^>]+)>", welcome["List-Unsubscribe"]).group(1)
    assert welcome["List-Id"]

    # RFC 8058 one-click: no cookies, no login, this exact body.
    status, _, _ = http("POST", unsubscribe_url, b"List-Unsubscribe=One-Click", FORM)
    assert status == 200
    status, _, _ = http("POST", unsubscribe_url, b"List-Unsubscribe=One-Click", FORM)
    assert status == 200  # idempotent
    with herald.db() as db:
        assert db.execute("SELECT status FROM subscriptions").fetchall() == [("unsubscribed",)]


def test_confirming_twice_is_harmless_and_reused_link_still_says_confirmed(herald, smtp):
    http("POST", herald.base_url + "/subscribe", form(email="a@example.org"), FORM)
    confirm_url = link_in(smtp.wait_for_messages(1)[0], "/confirm/")
    assert http("POST", confirm_url, b"", FORM)[0] == 200
    assert http("POST", confirm_url, b"", FORM)[0] == 200
    smtp.wait_for_messages(2)
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM outbox WHERE kind = 'welcome'").fetchone() == (1,)


def test_expired_and_unknown_tokens_get_a_clear_page_offering_a_new_link(herald, smtp):
    http("POST", herald.base_url + "/subscribe", form(email="late@example.org"), FORM)
    confirm_url = link_in(smtp.wait_for_messages(1)[0], "/confirm/")
    with herald.db() as db:
        db.execute("UPDATE tokens SET expires_at = 0")
    status, _, page = http("GET", confirm_url)
    assert status == 410
    assert "/subscribe" in page.decode()
    # Two newsletters: the page offers a choice; valid HTML (incl. the <select required> rule).
    assert '<select id="resend-newsletter" name="newsletter">' in page.decode()
    assert_valid_html(page.decode())
    assert http("POST", confirm_url, b"", FORM)[0] == 410
    with herald.db() as db:
        assert db.execute("SELECT status FROM subscriptions").fetchall() == [("pending",)]
    status, _, _ = http("GET", herald.base_url + "/confirm/" + "A" * 43)
    assert status == 404
    status, _, _ = http("GET", herald.base_url + "/confirm/not-a-token")
    assert status == 404


def test_responses_are_identical_for_new_pending_confirmed_and_unsubscribed(herald, smtp):
    def signup(address, headers, encode):
        status, response_headers, body = http("POST", herald.base_url + "/subscribe", encode(address), headers)
        return status, response_headers.get("Location"), body

    as_form = lambda address: form(email=address, newsletter="news")
    as_json = lambda address: '{"email": "%s", "newsletter": ["news"]}' % address
    # Prepare: pending, confirmed, unsubscribed.
    http("POST", herald.base_url + "/subscribe", as_form("pending@example.org"), FORM)
    http("POST", herald.base_url + "/subscribe", as_form("confirmed@example.org"), FORM)
    http("POST", herald.base_url + "/subscribe", as_form("gone@example.org"), FORM)
    messages = smtp.wait_for_messages(3)
    links = {m.envelope["rcpt_tos"][0]: link_in(m, "/confirm/") for m in messages}
    http("POST", links["confirmed@example.org"], b"", FORM)
    http("POST", links["gone@example.org"], b"", FORM)
    welcomes = smtp.wait_for_messages(5)
    gone = [m for m in welcomes if m.envelope["rcpt_tos"] == ["gone@example.org"] and m["List-Unsubscribe"]][0]
    http("POST", re.search(r"<(https?://[^>]+)>", gone["List-Unsubscribe"]).group(1), b"List-Unsubscribe=One-Click", FORM)

    for headers, encode in ((FORM, as_form), (JSON, as_json)):
        answers = {signup(address, headers, encode) for address in
                   ("new@example.org", "pending@example.org", "confirmed@example.org", "gone@example.org")}
        assert len(answers) == 1, answers
    status, location, body = signup("new2@example.org", JSON, as_json)
    assert status == 202 and location is None


def test_per_address_throttle_sends_one_confirmation(herald, smtp):
    for _ in range(4):
        assert http("POST", herald.base_url + "/subscribe", form(email="victim@example.org"), FORM)[0] == 303
    smtp.wait_for_messages(1)
    import time
    time.sleep(2.5)
    assert len(smtp.messages()) == 1
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM outbox").fetchone() == (1,)


def test_confirmed_subscriber_gets_already_subscribed_mail_not_a_new_opt_in(herald, smtp):
    http("POST", herald.base_url + "/subscribe", form(email="reader@example.org"), FORM)
    http("POST", link_in(smtp.wait_for_messages(1)[0], "/confirm/"), b"", FORM)
    smtp.wait_for_messages(2)
    http("POST", herald.base_url + "/subscribe", form(email="READER@example.org"), FORM)
    third = smtp.wait_for_messages(3)[2]
    text, _ = body_parts(third)
    assert "/preferences/" in text
    assert "/confirm/" not in text
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM subscribers").fetchone() == (1,)


def test_honeypot_gets_the_normal_answer_and_is_dropped(herald, smtp):
    status, headers, _ = http("POST", herald.base_url + "/subscribe", form(email="bot@example.org", website="http://spam"), FORM)
    assert status == 303 and headers["Location"].startswith("/thanks")
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM subscribers").fetchone() == (0,)
    _, _, metrics = http("GET", herald.base_url + "/metrics")
    assert 'herald_signups_rejected_total{reason="honeypot"} 1' in metrics.decode()


def test_oversized_body_gets_413(herald):
    status, _, _ = http("POST", herald.base_url + "/subscribe", form(email="a@example.org", name="x" * 20000), FORM)
    assert status == 413
    status, _, _ = http("POST", herald.base_url + "/subscribe", b"email=" + b"a" * (1024 * 1024), FORM)
    assert status == 413


def test_rate_limit_answers_429_with_retry_after(make_herald):
    herald = make_herald(rate_limit_burst=3, rate_limit_per_minute=1)
    statuses = [http("POST", herald.base_url + "/subscribe", form(email=f"r{i}@example.org"), FORM) for i in range(5)]
    assert [s for s, _, _ in statuses[:3]] == [303, 303, 303]
    status, headers, _ = statuses[3]
    assert status == 429
    assert int(headers["Retry-After"]) >= 1


def test_cors_preflight_allows_configured_origins_only(herald):
    headers = {"Origin": "https://news.example.org", "Access-Control-Request-Method": "POST",
               "Access-Control-Request-Headers": "content-type"}
    status, response, _ = http("OPTIONS", herald.base_url + "/subscribe", None, headers)
    assert status == 204
    assert response["Access-Control-Allow-Origin"] == "https://news.example.org"
    assert "POST" in response["Access-Control-Allow-Methods"]
    status, response, _ = http("OPTIONS", herald.base_url + "/subscribe", None, dict(headers, Origin="https://evil.example"))
    assert response.get("Access-Control-Allow-Origin") is None
    status, response, _ = http("POST", herald.base_url + "/subscribe", '{"email":"c@example.org"}',
                               dict(JSON, Origin="https://news.example.org"))
    assert status == 202 and response["Access-Control-Allow-Origin"] == "https://news.example.org"


def test_redirect_only_to_allowed_origins(herald):
    _, headers, _ = http("POST", herald.base_url + "/subscribe",
                         form(email="r1@example.org", redirect="https://news.example.org/thanks"), FORM)
    assert headers["Location"] == "https://news.example.org/thanks"
    for target in ("https://evil.example/phish", "//evil.example/", "https://news.example.org.evil.example/",
                   "javascript:alert(1)", "https://user@news.example.org/"):
        _, headers, _ = http("POST", herald.base_url + "/subscribe", form(email="r2@example.org", redirect=target), FORM)
        assert headers["Location"].startswith("/thanks"), target


def test_preferences_page_lists_newsletters_and_unsubscribes_from_all(herald, smtp):
    http("POST", herald.base_url + "/subscribe", form(email="p@example.org", newsletter=["news", "daily"]), FORM)
    http("POST", link_in(smtp.wait_for_messages(1)[0], "/confirm/"), b"", FORM)
    welcome = smtp.wait_for_messages(2)[1]
    preferences = link_in(welcome, "/preferences/")
    status, _, page = http("GET", preferences)
    assert status == 200 and "Morning News" in page.decode() and "Дайджест дня" in page.decode()
    with herald.db() as db:
        assert sorted(db.execute("SELECT newsletter, status FROM subscriptions")) == [("daily", "confirmed"), ("news", "confirmed")]
    status, _, _ = http("POST", preferences, form(newsletter="daily"), FORM)
    assert status == 200
    with herald.db() as db:
        assert sorted(db.execute("SELECT newsletter, status FROM subscriptions")) == [("daily", "confirmed"), ("news", "unsubscribed")]
    http("POST", preferences, form(action="unsubscribe_all"), FORM)
    with herald.db() as db:
        assert sorted(db.execute("SELECT newsletter, status FROM subscriptions")) == [("daily", "unsubscribed"), ("news", "unsubscribed")]
    assert http("GET", preferences[:-3] + "AAA")[0] == 404


def test_sigterm_stops_serve_cleanly(herald):
    import signal
    herald.process.send_signal(signal.SIGTERM)
    assert herald.process.wait(timeout=15) == 0
