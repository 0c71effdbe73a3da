"""What an operator sees of a running `herald serve` (issue #23): counters that count state changes
only, and a log that says what happened to each signup and each mail (never a full address at
info level), where mail goes without SMTP, and what was left in flight at shutdown."""

import os
import re
import urllib.parse

from conftest import FORM, http, link_in, wait_for


def form(**fields):
    return urllib.parse.urlencode(fields, doseq=True)


def metric(herald, line_start):
    _, _, body = http("GET", herald.base_url + "/metrics")
    for line in body.decode().splitlines():
        if line.startswith(line_start + " "):
            return float(line.split()[-1])
    return None


def log(herald):
    with open(herald.log_path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def lines_with(text, *needles):
    return [line for line in text.splitlines() if all(needle in line for needle in needles)]


def test_a_repeated_confirmation_is_harmless_and_not_counted(herald, smtp):
    http("POST", herald.base_url + "/subscribe", form(email="reader@example.org", newsletter="news"), FORM)
    confirm_url = link_in(smtp.wait_for_messages(1)[0], "/confirm/")
    for _ in range(3):
        status, _, page = http("POST", confirm_url, b"", FORM)
        assert status == 200 and "You're subscribed!" in page.decode()
    assert metric(herald, "herald_confirmations_total") == 1
    with herald.db() as db:
        actions = [row[0] for row in db.execute("SELECT action FROM consent_events ORDER BY id")]
    assert actions == ["signup", "confirm"]


def test_confirming_two_newsletters_at_once_counts_two(herald, smtp):
    http("POST", herald.base_url + "/subscribe",
         form(email="both@example.org", newsletter=["news", "daily"]), FORM)
    confirm_url = link_in(smtp.wait_for_messages(1)[0], "/confirm/")
    http("POST", confirm_url, b"", FORM)
    http("POST", confirm_url, b"", FORM)
    assert metric(herald, "herald_confirmations_total") == 2


def test_the_log_tells_each_signup_and_mail_by_domain_only(herald, smtp):
    http("POST", herald.base_url + "/subscribe", form(email="Jane.Doe@Example.org", newsletter="news"), FORM)
    http("POST", herald.base_url + "/subscribe", form(email="Jane.Doe@Example.org", newsletter="news"), FORM)
    http("POST", herald.base_url + "/subscribe", form(email="not-an-address", newsletter="news"), FORM)
    http("POST", herald.base_url + "/subscribe", form(email="bot@example.net", website="http://spam"), FORM)
    confirm_url = link_in(smtp.wait_for_messages(1)[0], "/confirm/")
    http("POST", confirm_url, b"", FORM)
    smtp.wait_for_messages(2)
    wait_for(lambda: len(lines_with(log(herald), "mail delivered")) >= 2, what="two 'mail delivered' lines")
    text = log(herald)
    assert len(lines_with(text, "signup", "outcome=confirmation_queued", "recipient_domain=example.org")) == 1
    assert len(lines_with(text, "signup", "outcome=confirmation_throttled", "recipient_domain=example.org")) == 1
    assert len(lines_with(text, "signup refused", "reason=invalid")) == 1
    assert len(lines_with(text, "signup refused", "reason=honeypot")) == 1
    assert len(lines_with(text, "subscription confirmed", "recipient_domain=example.org", "newsletters=news")) == 1
    delivered = lines_with(text, "mail delivered", "recipient_domain=example.org")
    assert {re.search(r"kind=(\w+)", line).group(1) for line in delivered} == {"confirmation", "welcome"}
    # Never the address itself (nor its local part) at info level.
    assert "jane.doe" not in text.lower() and "bot@" not in text and "not-an-address" not in text


def test_a_failed_mail_is_logged_with_the_domain_and_the_reply_without_the_address(make_herald, tmp_path):
    from conftest import SMTPServer
    rejecting = SMTPServer(str(tmp_path), "--reject-rcpt", "^gone@")
    try:
        herald = make_herald(smtp_url=f"smtp://127.0.0.1:{rejecting.port}")
        http("POST", herald.base_url + "/subscribe", form(email="gone@example.com", newsletter="news"), FORM)
        wait_for(lambda: lines_with(log(herald), "mail failed for good"), what="a 'mail failed for good' line")
        [line] = lines_with(log(herald), "mail failed for good")
        assert "recipient_domain=example.com" in line and "550" in line
        assert "gone@" not in log(herald)
    finally:
        rejecting.stop()


def test_without_smtp_the_log_names_the_absolute_mail_folder(make_herald, workdir):
    herald = make_herald(smtp_url=None, mail_folder="outgoing")
    expected = os.path.realpath(os.path.join(workdir, "outgoing"))
    [line] = lines_with(log(herald), "no smtp_url configured")
    assert f"folder={expected}" in line
    http("POST", herald.base_url + "/subscribe", form(email="reader@example.org", newsletter="news"), FORM)
    wait_for(lambda: os.path.isdir(expected) and os.listdir(expected), what="an .eml file in the mail folder")


def test_shutdown_logs_what_was_left_in_flight(make_herald, smtp):
    herald = make_herald()
    smtp.stop()  # the confirmation cannot leave: it stays pending for the next process
    http("POST", herald.base_url + "/subscribe", form(email="reader@example.org", newsletter="news"), FORM)
    wait_for(lambda: lines_with(log(herald), "mail will be retried", "recipient_domain=example.org"),
             what="a retry line")
    herald.stop()
    [line] = lines_with(log(herald), "Herald stopped")
    assert "outbox_pending=1" in line and "outbox_sending=0" in line and "webhooks_pending=0" in line
    assert "reader@" not in log(herald)
