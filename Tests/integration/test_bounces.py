"""Bounces and complaints end to end: a DSN file fed through `herald bounces ingest`, reports
posted to `POST /api/v1/bounces`, and a recipient the SMTP server refuses — each suppresses the
address, after which it receives nothing more."""

import json
import os
import subprocess
import time
import urllib.parse

import pytest

from conftest import BINARY, FORM, ROOT, SMTPServer, http, link_in, wait_for

TOKEN = "admin-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json", "Content-Type": "application/json"}
REPORTS = os.path.join(ROOT, "Tests", "fixtures", "reports")


def ingest(herald, *files, stdin=None):
    return subprocess.run([BINARY, "bounces", "ingest", "--config", herald.config_path, *files],
                          input=stdin, capture_output=True, timeout=60)


def signup(herald, address, newsletter="news"):
    body = urllib.parse.urlencode({"email": address, "newsletter": newsletter})
    assert http("POST", herald.base_url + "/subscribe", body, FORM)[0] == 303


def suppression(herald):
    with herald.db() as db:
        return [row[0] for row in db.execute("SELECT reason FROM suppressions ORDER BY reason")]


def confirmed_reader(herald, smtp, address, mails_before=0):
    signup(herald, address)
    confirmation = smtp.wait_for_messages(mails_before + 1)[-1]
    assert http("POST", link_in(confirmation, "/confirm/"), b"", FORM)[0] == 200
    smtp.wait_for_messages(mails_before + 2)  # welcome


def assert_no_more_mail(herald, smtp, address, count):
    """A new signup for a suppressed address is answered like any other, but nothing is sent."""
    signup(herald, address, newsletter="daily")
    time.sleep(2.5)
    assert len(smtp.messages()) == count


def test_dsn_file_via_cli_suppresses_the_address_and_no_further_mail_goes_out(make_herald, smtp):
    herald = make_herald()
    confirmed_reader(herald, smtp, "gone.reader@example.org")
    result = ingest(herald, os.path.join(REPORTS, "postfix_hard.eml"))
    assert result.returncode == 0, result.stderr
    assert b"hard gone.reader@example.org: suppressed (hard_bounce)" in result.stdout
    assert suppression(herald) == ["hard_bounce"]
    with herald.db() as db:
        kind, source, diagnostic, subscriber = db.execute(
            "SELECT kind, source, diagnostic, subscriber_id FROM bounces").fetchone()
    assert (kind, source, subscriber) == ("hard", "dsn", 1)
    assert "gone.reader" not in diagnostic and diagnostic.startswith("5.1.1 smtp; 550 5.1.1 <<recipient>>")
    assert_no_more_mail(herald, smtp, "gone.reader@example.org", 2)


def test_every_fixture_is_read_crlf_and_stdin_included(make_herald):
    herald = make_herald()
    names = ["postfix_hard.eml", "postfix_delayed.eml", "exim_hard.eml", "gmail_hard.eml", "multi_recipient.eml",
             "arf_complaint.eml", "arf_redacted.eml", "truncated.eml"]
    result = ingest(herald, *[os.path.join(REPORTS, name) for name in names])
    assert result.returncode == 0, result.stdout + result.stderr
    with open(os.path.join(REPORTS, "exim_hard.eml"), "rb") as handle:
        crlf = handle.read().replace(b"\n", b"\r\n")
    again = ingest(herald, "-", stdin=crlf)
    assert again.returncode == 0
    assert b"-: hard Someone.Missing@Example.COM: already recorded (same report)" in again.stdout
    assert sorted(suppression(herald)) == sorted(
        ["hard_bounce"] * 5 + ["complaint"] * 2)  # delayed (soft) and the already suppressed ones add none


@pytest.mark.parametrize("content, code, message", [
    (None, 1, b"no such file"),
    (b"From: x\nContent-Type: text/plain\n\nbounce", 1, b"not a delivery status notification"),
    (b"Content-Type: multipart/report\n\n--x\n", 1, b"without a usable boundary"),
    (b"\xff\xfe\x00garbage" * 1000, 1, b"not a delivery status notification"),
])
def test_unreadable_or_malformed_files_exit_1(make_herald, tmp_path, content, code, message):
    herald = make_herald()
    path = tmp_path / "report.eml"
    if content is not None:
        path.write_bytes(content)
    result = ingest(herald, str(path))
    assert result.returncode == code
    assert message in result.stdout


def test_usage_and_start_up_errors_have_their_exit_codes(make_herald, tmp_path):
    herald = make_herald()
    assert ingest(herald).returncode == 2
    bad = tmp_path / "bad.yml"
    bad.write_text("bounce_soft_limit: 0\n")
    result = subprocess.run([BINARY, "bounces", "ingest", "--config", str(bad), os.path.join(REPORTS, "postfix_hard.eml")],
                            capture_output=True, timeout=60)
    assert result.returncode == 3
    assert f"{bad}:1: key 'bounce_soft_limit': must be between 1 and 1000".encode() in result.stderr


def post_bounces(herald, body, headers=AUTH):
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    status, _, raw = http("POST", herald.base_url + "/api/v1/bounces", data, headers)
    return status, (json.loads(raw) if raw else None)


def test_api_reports_suppress_and_stop_mail(make_herald, smtp):
    herald = make_herald(admin_token=TOKEN, bounce_soft_limit=2)
    confirmed_reader(herald, smtp, "api.reader@example.org")
    status, body = post_bounces(herald, {"reports": [
        {"email": "api.reader@example.org", "kind": "complaint", "diagnostic": "abuse report from ISP",
         "occurred_at": "2025-06-03T10:15:02Z"},
        {"email": "soft@example.org", "kind": "soft"},
        {"email": "soft@example.org", "kind": "soft", "diagnostic": "452 4.2.2 mailbox full"},
    ]})
    assert status == 200, body
    assert body == {"recorded": 3, "forged_tags": 0, "results": [
        {"outcome": "suppressed", "reason": "complaint", "attributed_by": "email"},
        {"outcome": "recorded", "attributed_by": "email"},
        {"outcome": "suppressed", "reason": "soft_bounces", "attributed_by": "email"}]}
    assert suppression(herald) == ["complaint", "soft_bounces"]
    with herald.db() as db:
        assert db.execute("SELECT action FROM audit_log").fetchall() == [("bounces.report",)]
    assert_no_more_mail(herald, smtp, "api.reader@example.org", 2)


@pytest.mark.parametrize("headers", [
    {"Content-Type": "application/json"},
    {"Authorization": "Bearer wrong-token-0123456789abcdef", "Content-Type": "application/json"},
    {"Authorization": f"Basic {TOKEN}", "Content-Type": "application/json"},
])
def test_api_refuses_without_a_valid_token(make_herald, headers):
    herald = make_herald(admin_token=TOKEN)
    status, body = post_bounces(herald, {"reports": [{"email": "a@example.org", "kind": "hard"}]}, headers)
    assert status == 401
    assert body["error"]["code"] == "unauthorized"
    assert suppression(herald) == []


HOSTILE = [
    (b"{", 400, "malformed_json"),
    (b"\xff\xfe", 400, "malformed_json"),
    ('{"reports": [], "reports": []}', 400, "malformed_json"),
    ("[]", 422, "invalid_type"),
    ("{}", 422, "missing_field"),
    ('{"reports": {}}', 422, "invalid_type"),
    ('{"reports": []}', 422, "missing_field"),
    ('{"reports": [1]}', 422, "invalid_type"),
    ('{"reports": [{"kind": "hard"}]}', 422, "missing_field"),
    ('{"reports": [{"email": "a@example.org"}]}', 422, "missing_field"),
    ('{"reports": [{"email": "a@example.org", "kind": "bounced"}]}', 422, "invalid_kind"),
    ('{"reports": [{"email": 42, "kind": "hard"}]}', 422, "invalid_type"),
    ('{"reports": [{"email": "not-an-address", "kind": "hard"}]}', 422, "invalid_email"),
    ('{"reports": [{"email": "x\'); DROP TABLE bounces;--@example.org", "kind": "hard"}]}', 422, "invalid_email"),
    ('{"reports": [{"email": "<script>alert(1)</script>@example.org", "kind": "hard"}]}', 422, "invalid_email"),
    ('{"reports": [{"email": "a@example.org\\r\\nBcc: x@example.org", "kind": "hard"}]}', 422, "invalid_characters"),
    ('{"reports": [{"email": "a@example.org", "kind": "hard", "diagnostic": "a\\u0000b"}]}', 422, "invalid_characters"),
    ('{"reports": [{"email": "a@example.org", "kind": "hard", "diagnostic": "' + "x" * 1001 + '"}]}', 422, "too_long"),
    ('{"reports": [{"email": "a@example.org", "kind": "hard", "occurred_at": "yesterday"}]}', 422, "invalid_date"),
    ('{"reports": [{"email": "a@example.org", "kind": "hard", "occurred_at": "2999-01-01T00:00:00Z"}]}', 422, "invalid_date"),
    ('{"reports": [{"email": "a@example.org", "kind": "hard", "extra": 1}]}', 422, "unknown_field"),
    ('{"reports": [{"email": "a@example.org", "kind": "hard"}], "more": true}', 422, "unknown_field"),
    ('{"reports": [' + ",".join(['{"email": "a@example.org", "kind": "soft"}'] * 1001) + "]}", 422, "too_many"),
]


@pytest.mark.parametrize("body, status, code", HOSTILE, ids=range(len(HOSTILE)))
def test_api_refuses_bad_input_with_400_or_422_and_records_nothing(make_herald, body, status, code):
    herald = make_herald(admin_token=TOKEN)
    got, answer = post_bounces(herald, body)
    assert (got, answer["error"]["code"]) == (status, code), answer
    with herald.db() as db:
        assert db.execute("SELECT count(*) FROM bounces").fetchone() == (0,)


def test_api_refuses_other_media_types_and_oversized_bodies(make_herald):
    herald = make_herald(admin_token=TOKEN)
    status, body = post_bounces(herald, "email=a@example.org", dict(AUTH, **{"Content-Type": "text/plain"}))
    assert status == 415
    huge = '{"reports": [{"email": "a@example.org", "kind": "hard", "diagnostic": "' + "x" * 2_000_000 + '"}]}'
    status, body = post_bounces(herald, huge)
    assert status == 413


def test_smtp_rejection_at_send_time_is_a_hard_bounce(workdir, make_herald):
    rejecting = SMTPServer(os.path.join(workdir, "rejecting"), "--reject-rcpt", "^refused")
    try:
        herald = make_herald(smtp_url=f"smtp://127.0.0.1:{rejecting.port}")
        signup(herald, "refused.reader@example.org")
        wait_for(lambda: suppression(herald) == ["hard_bounce"], timeout=20, what="suppression after a 550")
        with herald.db() as db:
            assert db.execute("SELECT state FROM outbox").fetchall() == [("failed",)]
            kind, source = db.execute("SELECT kind, source FROM bounces").fetchone()
        assert (kind, source) == ("hard", "smtp")
        signup(herald, "refused.reader@example.org", newsletter="daily")
        time.sleep(2.5)
        with herald.db() as db:
            assert db.execute("SELECT count(*) FROM outbox").fetchone() == (1,)
    finally:
        rejecting.stop()
