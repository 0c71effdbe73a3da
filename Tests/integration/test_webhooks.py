"""Outgoing webhooks end to end: `herald serve` posts signed events to a local receiver written
against the documented scheme; retries with backoff; exactly one success; replays rejected."""

import json
import os
import subprocess
import time
import urllib.parse

import pytest

from conftest import BINARY, FORM, Herald, http, link_in, wait_for
from test_postgres_e2e import database_url, query  # noqa: F401 (database_url is a fixture)
from webhook_receiver import Receiver, verify

SECRET = "whsec-0123456789abcdef-test"
TOKEN = "admin-token-0123456789abcdef"
# The receiver listens on loopback, which the SSRF guard refuses unless allowed.
LOOPBACK = ["127.0.0.1"]


@pytest.fixture
def receiver():
    started = []

    def start(**options):
        server = Receiver(SECRET, **options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


def signup_and_confirm(herald, smtp, address, expected_mails):
    http("POST", herald.base_url + "/subscribe", urllib.parse.urlencode({"email": address}), FORM)
    confirmation = smtp.wait_for_messages(expected_mails)[-1]
    assert http("POST", link_in(confirmation, "/confirm/"), b"", FORM)[0] == 200


def deliveries(herald):
    with herald.db() as db:
        return db.execute(
            "SELECT event_type, state, attempts FROM webhook_deliveries ORDER BY id").fetchall()


def test_confirm_and_unsubscribe_post_signed_events_once(make_herald, smtp, receiver):
    hook = receiver()
    herald = make_herald(webhooks=[{"url": hook.url, "secret": SECRET}], allow_private_urls=LOOPBACK)
    signup_and_confirm(herald, smtp, "Reader@Example.org", 1)
    welcome = smtp.wait_for_messages(2)[1]
    unsubscribe = link_in(welcome, "/unsubscribe/")
    assert http("POST", unsubscribe, b"List-Unsubscribe=One-Click", FORM)[0] == 200
    assert http("POST", unsubscribe, b"List-Unsubscribe=One-Click", FORM)[0] == 200  # idempotent: no 2nd event

    wait_for(lambda: len(hook.events) >= 2, what="two webhook events")
    time.sleep(1.5)
    assert len(hook.events) == 2
    # Deliveries run concurrently, so arrival order is not guaranteed (README: order by created_at).
    by_type = {event["type"]: event for event in hook.events}
    confirmed, unsubscribed = by_type["subscription.confirmed"], by_type["subscription.unsubscribed"]
    assert unsubscribed["data"]["subscriber_id"] == 1
    assert confirmed["data"] == {"email": "Reader@Example.org", "newsletter": "news", "subscriber_id": 1}
    assert confirmed["created_at"].endswith("Z")
    assert all(status == 200 for _, _, status in hook.requests)
    for headers, body, _ in hook.requests:
        assert headers["Content-Type"] == "application/json"
        assert headers["Herald-Event-Type"] == json.loads(body)["type"]
    assert deliveries(herald) == [("subscription.confirmed", "delivered", 1), ("subscription.unsubscribed", "delivered", 1)]


def test_a_failing_receiver_gets_retries_and_records_exactly_one_success(make_herald, smtp, receiver):
    hook = receiver(fail_first=2)
    herald = make_herald(webhooks=[{"url": hook.url, "secret": SECRET, "events": ["subscription.confirmed"]}],
                         allow_private_urls=LOOPBACK,
                         webhook_retry_seconds=1)
    signup_and_confirm(herald, smtp, "retry@example.org", 1)
    wait_for(lambda: deliveries(herald) == [("subscription.confirmed", "delivered", 3)], timeout=30,
             what="delivery after two failures")
    assert [status for _, _, status in hook.requests] == [503, 503, 200]
    assert len(hook.events) == 1
    ids = {headers["Herald-Event-Id"] for headers, _, _ in hook.requests}
    assert len(ids) == 1  # the same event id on every attempt, for receiver-side dedup
    # Every attempt is signed at its own time, so each one verifies.
    assert all(verify(SECRET, headers["Herald-Signature"], body, time.time()) for headers, body, _ in hook.requests)


def test_receiver_rejects_tampering_and_replays_of_a_genuine_request(make_herald, smtp, receiver):
    hook = receiver()
    herald = make_herald(webhooks=[{"url": hook.url, "secret": SECRET}], allow_private_urls=LOOPBACK)
    signup_and_confirm(herald, smtp, "replay@example.org", 1)
    wait_for(lambda: hook.events, what="one event")
    headers, body, _ = hook.requests[0]
    signature = headers["Herald-Signature"]
    now = time.time()
    assert verify(SECRET, signature, body, now)
    assert not verify("another-secret-0123456789", signature, body, now)
    assert not verify(SECRET, signature, body.replace(b"replay@", b"attacker@"), now)
    assert not verify(SECRET, signature, body, now + 301)  # captured and replayed six minutes later
    replay_headers = {"Herald-Signature": signature, "Herald-Event-Id": headers["Herald-Event-Id"],
                      "Content-Type": "application/json"}
    late = Receiver(SECRET, clock_offset=600)
    try:
        assert http("POST", late.url, body, replay_headers)[0] == 401
    finally:
        late.stop()
    # Replayed at once: the signature is fresh, the event id is known, so it is acknowledged but not processed.
    assert http("POST", hook.url, body, replay_headers)[0] == 200
    assert len(hook.events) == 1


def test_erasure_posts_an_event_without_the_address(make_herald, smtp, receiver):
    hook = receiver()
    herald = make_herald(admin_token=TOKEN, webhooks=[{"url": hook.url, "secret": SECRET}], allow_private_urls=LOOPBACK)
    signup_and_confirm(herald, smtp, "forget.me@example.org", 1)
    wait_for(lambda: hook.events, what="confirmed event")
    status, _, _ = http("DELETE", herald.base_url + "/api/v1/subscribers/1", None,
                        {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"})
    assert status == 200
    wait_for(lambda: len(hook.events) >= 2, what="erased event")
    [erased] = [event for event in hook.events if event["type"] == "subscriber.erased"]
    assert erased["type"] == "subscriber.erased"
    assert erased["data"] == {"subscriber_id": 1}
    with herald.db() as db:
        bodies = [row[0] for row in db.execute("SELECT body FROM webhook_deliveries")]
    assert bodies and not any("forget.me" in body for body in bodies)


@pytest.mark.parametrize("webhooks, message", [
    ([{"url": "ftp://example.org/x", "secret": SECRET}], "expected an http(s) URL"),
    ([{"url": "https://example.org/x", "secret": "short"}], "at least 24 characters"),
    ([{"url": "https://example.org/x", "secret": SECRET, "events": ["subscription.deleted"]}], "unknown event"),
    ([{"secret": SECRET}], "needs a url"),
    ([{"url": "https://example.org/x", "secret": SECRET, "method": "PUT"}], "unknown webhook key"),
])
def test_bad_webhook_configuration_stops_start_up_naming_the_line(tmp_path, webhooks, message):
    config = tmp_path / "herald.yml"
    config.write_text("database_url: sqlite:" + str(tmp_path / "db.sqlite") + "\nwebhooks: " + json.dumps(webhooks) + "\n")
    result = subprocess.run([BINARY, "migrate", "--config", str(config)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert message in result.stderr
    assert f"{config}:2" in result.stderr


def test_two_servers_on_one_postgres_database_deliver_each_event_once(workdir, smtp, receiver, database_url):
    hook = receiver()
    servers = []
    try:
        for label in ("a", "b"):
            directory = os.path.join(workdir, label)
            os.makedirs(directory)
            servers.append(Herald(directory, smtp.port, {
                "database_url": database_url, "webhooks": [{"url": hook.url, "secret": SECRET}],
                "allow_private_urls": LOOPBACK}))
        rows = ",".join(
            f"('e{i}', 'subscription.confirmed', '{hook.url}', '{{\"id\":\"e{i}\"}}', 'pending', 0, 0, 0)"
            for i in range(200))
        query(database_url, "INSERT INTO webhook_deliveries (event_id, event_type, endpoint_url, body, state, "
                            f"attempts, created_at, next_attempt_at) VALUES {rows}")
        wait_for(lambda: query(database_url, "SELECT count(*) FROM webhook_deliveries WHERE state = 'delivered'") == "200",
                 timeout=60, what="200 deliveries")
        ids = [headers["Herald-Event-Id"] for headers, _, _ in hook.requests]
        assert len(ids) == 200 and len(set(ids)) == 200
        assert len(hook.events) == 200
    finally:
        for server in servers:
            server.stop()
