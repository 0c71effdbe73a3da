"""VERP end to end: with bounce_address set, every message's envelope sender (MAIL FROM, as a real
SMTP server records it) carries a signed tag; a delivery status notification that names no
recipient at all, delivered to one of those tags, suppresses exactly that subscriber — through
`herald bounces ingest` and `POST /api/v1/bounces`; a forged tag changes nothing and is counted."""

import json
import os
import time
import re
import subprocess
import urllib.parse

import pytest

from conftest import BINARY, FORM, http, link_in, wait_for
from test_digest import add_subscribers, digest, write_feed

TOKEN = "admin-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json", "Content-Type": "application/json"}
TAGGED = re.compile(r"^bounces\+([0-9a-z-]+)@news\.example\.org$")

# A DSN whose per-recipient fields name nobody (as some forwarders and old Exchange servers send):
# only the address it was delivered to (the VERP envelope sender) says whose mail bounced.
NAMELESS_DSN = """Return-Path: <>
Delivered-To: {delivered_to}
Date: Thu, 3 Dec 2026 08:00:00 +0000
From: MAILER-DAEMON@relay.example.net (Mail Delivery System)
To: {to}
Subject: Undeliverable
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

Your message could not be delivered.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; relay.example.net

Final-Recipient: x400; /G=unknown/S=user/O=exchange/
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable

--b1--
"""


@pytest.fixture
def verp_herald(make_herald, workdir):
    feed = os.path.join(workdir, "feed.xml")
    write_feed(feed, [("Перша новина", "https://news.example.org/1", "g1"), ("Second", "https://news.example.org/2", "g2")])
    return make_herald(bounce_address="bounces@news.example.org", admin_token=TOKEN, newsletters=[
        {"slug": "news", "title": "Morning News"},
        {"slug": "daily", "title": "Дайджест дня", "time_zone": "Europe/Kyiv", "digest_feed": feed},
    ])


def ingest(herald, text, *arguments):
    return subprocess.run([BINARY, "bounces", "ingest", "--config", herald.config_path, *arguments, "-"],
                          input=text.encode(), capture_output=True, timeout=60)


def senders_by_recipient(smtp):
    return {m.envelope["rcpt_tos"][0]: m.envelope["mail_from"] for m in smtp.messages()}


def suppressed_subscribers(herald):
    with herald.db() as db:
        bounced = [row[0] for row in db.execute("SELECT subscriber_id FROM bounces ORDER BY id")]
        suppressions = db.execute("SELECT COUNT(*) FROM suppressions").fetchone()[0]
    return bounced, suppressions


def subscriber_id(herald, address):
    with herald.db() as db:
        return db.execute("SELECT id FROM subscribers WHERE email = ?", (address,)).fetchone()[0]


def forge(sender):
    """The same tag with the last signature character changed."""
    local, domain = sender.split("@")
    return local[:-1] + ("a" if local[-1] != "a" else "b") + "@" + domain


def test_digest_envelope_senders_carry_distinct_tags_without_the_address(verp_herald, smtp):
    add_subscribers(verp_herald, 3)
    digest(verp_herald, "send", "daily", "--period", "verp")
    senders = senders_by_recipient(smtp)
    assert len(senders) == 3
    assert len(set(senders.values())) == 3
    for recipient, sender in senders.items():
        tag = TAGGED.match(sender)
        assert tag, sender
        assert tag.group(1).startswith("d")
        assert len(sender.split("@")[0]) <= 64
        assert recipient.split("@")[0] not in sender
    for message in smtp.messages():  # the From header stays the newsroom's
        assert message["From"].addresses[0].addr_spec == "news@example.org"


def test_a_nameless_dsn_to_a_tag_suppresses_exactly_that_subscriber_and_a_forged_tag_changes_nothing(
        verp_herald, smtp):
    add_subscribers(verp_herald, 3)
    digest(verp_herald, "send", "daily", "--period", "verp")
    senders = senders_by_recipient(smtp)

    forged = ingest(verp_herald, NAMELESS_DSN.format(
        delivered_to=forge(senders["reader2@example.org"]), to=forge(senders["reader2@example.org"])))
    assert forged.returncode == 0, forged.stdout + forged.stderr
    assert b"ignored a forged VERP tag (counted)" in forged.stdout
    assert b"ignored 1 failure(s) naming no recipient" in forged.stdout
    assert suppressed_subscribers(verp_herald) == ([], 0)

    target = subscriber_id(verp_herald, "reader1@example.org")
    result = ingest(verp_herald, NAMELESS_DSN.format(
        delivered_to=senders["reader1@example.org"], to=senders["reader1@example.org"]))
    assert result.returncode == 0, result.stdout + result.stderr
    assert b"attributed by its VERP tag (digest issue 1, subscriber %d)" % target in result.stdout
    assert b"hard reader1@example.org: suppressed (hard_bounce)" in result.stdout
    assert suppressed_subscribers(verp_herald) == ([target], 1)

    # The next digest skips the suppressed reader; the others still get theirs.
    # The feed file's modification time is what the conditional fetch compares (whole seconds):
    # rewrite it in a later second, as a newsroom's next feed would be.
    time.sleep(1.1)
    write_feed(os.path.join(verp_herald.directory, "feed.xml"), [("Third", "https://news.example.org/3", "g3")])
    digest(verp_herald, "send", "daily", "--period", "verp-2")
    later = [m.envelope["rcpt_tos"][0] for m in smtp.wait_for_messages(5)[3:]]
    assert sorted(later) == ["reader0@example.org", "reader2@example.org"]


def test_the_recipient_option_names_the_tag_when_headers_do_not(verp_herald, smtp):
    body = urllib.parse.urlencode({"email": "late.reader@example.org", "newsletter": "news"})
    assert http("POST", verp_herald.base_url + "/subscribe", body, FORM)[0] == 303
    confirmation = smtp.wait_for_messages(1)[0]
    sender = confirmation.envelope["mail_from"]
    assert TAGGED.match(sender).group(1).startswith("o")
    dsn = NAMELESS_DSN.format(delivered_to="bounces@news.example.org", to="bounces@news.example.org")
    result = ingest(verp_herald, dsn, "--recipient", sender.upper())
    assert result.returncode == 0, result.stdout + result.stderr
    assert b"attributed by its VERP tag (outbox message 1)" in result.stdout
    assert suppressed_subscribers(verp_herald)[1] == 1


def test_the_api_attributes_by_sent_to_and_counts_forged_tags(verp_herald, smtp):
    add_subscribers(verp_herald, 2)
    digest(verp_herald, "send", "daily", "--period", "verp")
    senders = senders_by_recipient(smtp)
    reports = [
        {"sent_to": forge(senders["reader0@example.org"]), "kind": "hard"},
        {"sent_to": senders["reader1@example.org"], "kind": "hard", "diagnostic": "550 no such user"},
        {"sent_to": forge(senders["reader0@example.org"]), "email": "reader0@example.org", "kind": "soft"},
    ]
    status, _, body = http("POST", verp_herald.base_url + "/api/v1/bounces", json.dumps({"reports": reports}), AUTH)
    assert status == 200, body
    answer = json.loads(body)
    assert answer["forged_tags"] == 2
    assert [r["outcome"] for r in answer["results"]] == ["unattributed", "suppressed", "recorded"]
    assert [r.get("attributed_by") for r in answer["results"]] == [None, "tag", "email"]
    assert suppressed_subscribers(verp_herald) == (
        [subscriber_id(verp_herald, "reader1@example.org"), subscriber_id(verp_herald, "reader0@example.org")], 1)
    metrics = http("GET", verp_herald.base_url + "/metrics")[2].decode()
    assert "herald_bounce_forged_tags_total 2" in metrics


@pytest.mark.parametrize("report, field", [
    ({"kind": "hard"}, "reports[0].email is required"),
    ({"sent_to": "", "kind": "hard"}, "reports[0].sent_to"),
    ({"sent_to": "x\r\n@news.example.org", "kind": "hard"}, "reports[0].sent_to must not contain control"),
    ({"sent_to": "a" * 321, "kind": "hard"}, "reports[0].sent_to must be at most 320"),
    ({"sent_to": 5, "kind": "hard"}, "reports[0].sent_to must be a string"),
])
def test_bad_sent_to_values_are_refused_whole(verp_herald, report, field):
    status, _, body = http("POST", verp_herald.base_url + "/api/v1/bounces", json.dumps({"reports": [report]}), AUTH)
    assert status == 422, body
    assert field in json.loads(body)["error"]["message"]
    assert suppressed_subscribers(verp_herald) == ([], 0)


def test_without_bounce_address_the_envelope_sender_is_mail_from(make_herald, smtp):
    herald = make_herald()
    body = urllib.parse.urlencode({"email": "plain@example.org", "newsletter": "news"})
    assert http("POST", herald.base_url + "/subscribe", body, FORM)[0] == 303
    assert smtp.wait_for_messages(1)[0].envelope["mail_from"] == "news@example.org"


@pytest.mark.parametrize("value, message", [
    ("bounces.example.org", "is not an address: it has no @"),
    ("bounces+x@example.org", "has a + in its local part"),
    ("b" * 40 + "@example.org", "has a local part over 32 octets"),
])
def test_a_bad_bounce_address_stops_start_up_naming_the_key(workdir, value, message):
    config = os.path.join(workdir, "bad.yml")
    with open(config, "w") as handle:
        json.dump({"bounce_address": value, "database_url": f"sqlite:{workdir}/x.sqlite"}, handle)
    result = subprocess.run([BINARY, "serve", "--config", config], capture_output=True, timeout=30)
    assert result.returncode != 0
    output = (result.stdout + result.stderr).decode()
    assert "key 'bounce_address'" in output and message in output, output
