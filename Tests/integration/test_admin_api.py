"""The admin API (/api/v1) end to end: authentication, every endpoint, hostile input, the audit log,
cursor pagination, GDPR erase/export, the digest queue, and schemathesis checking that the server
and openapi/admin.json agree."""

import json
import os
import sqlite3
import subprocess
import sys
import time
import urllib.parse

import pytest

from conftest import ROOT, http, save_output
from test_postgres_e2e import database_url  # noqa: F401 (fixture)

TOKEN = "admin-token-0123456789abcdef"
OPS_TOKEN = "ops-token-0123456789abcdefgh"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
JSON_AUTH = dict(AUTH, **{"Content-Type": "application/json"})
SCHEMATHESIS_DIR = os.environ.get("HERALD_SCHEMATHESIS_DIR", os.path.join(ROOT, ".build-python", "schemathesis"))

# Every documented operation, with a path that exists once the fixture's subscriber 1 is there.
OPERATIONS = [
    ("GET", "/api/v1/subscribers", None), ("POST", "/api/v1/subscribers", {"email": "x@example.org"}),
    ("GET", "/api/v1/subscribers/1", None), ("DELETE", "/api/v1/subscribers/1", None),
    ("GET", "/api/v1/subscribers/1/export", None),
    ("PATCH", "/api/v1/subscribers/1/subscriptions/news", {"status": "unsubscribed"}),
    ("GET", "/api/v1/newsletters", None), ("GET", "/api/v1/newsletters/news/digests", None),
    ("GET", "/api/v1/newsletters/news/queue", None),
    ("POST", "/api/v1/newsletters/news/queue", {"title": "T", "url": "https://example.org/t"}),
    ("GET", "/api/v1/stats", None), ("GET", "/api/v1/audit", None),
]


@pytest.fixture
def admin(make_herald):
    # These tests send many wrong tokens on purpose; the failure limit has its own test below.
    return make_herald(admin_token=TOKEN, admin_tokens={"ops": OPS_TOKEN}, admin_auth_max_failures=1000)


def call(herald, method, path, body=None, headers=AUTH):
    data = body if isinstance(body, (bytes, str)) or body is None else json.dumps(body)
    if data is not None:
        headers = dict(headers, **{"Content-Type": "application/json"})
    status, response_headers, raw = http(method, herald.base_url + path, data, headers)
    return status, response_headers, (json.loads(raw) if raw else None)


def add(herald, email, **fields):
    status, _, body = call(herald, "POST", "/api/v1/subscribers", dict(email=email, **fields))
    assert status == 201, body
    return body


def snapshot(herald):
    with herald.db() as db:
        return [db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("subscribers", "subscriptions", "consent_events", "outbox", "audit_log", "digest_queue")]


def test_every_endpoint_refuses_missing_and_wrong_tokens(admin):
    add(admin, "jane@example.org")
    before = snapshot(admin)
    wrong = [{}, {"Authorization": "Bearer wrong-token-0123456789abcdef"}, {"Authorization": f"Basic {TOKEN}"},
             {"Authorization": f"Bearer {TOKEN}x"}, {"Authorization": f"Bearer {TOKEN[:-1]}"}, {"Authorization": "Bearer"}]
    for method, path, body in OPERATIONS:
        for headers in wrong:
            status, response_headers, payload = call(admin, method, path, body, dict(headers, Accept="application/json"))
            assert status == 401, (method, path, headers, status)
            assert response_headers["WWW-Authenticate"].startswith("Bearer")
            assert payload["error"]["code"] == "unauthorized"
    assert snapshot(admin) == before
    log = open(admin.log_path).read()
    assert TOKEN not in log and OPS_TOKEN not in log


def test_wrong_tokens_lock_the_client_out_with_429_and_retry_after(make_herald):
    """3 wrong tokens from one client lock it out for 2 s: every admin request from it gets 429 with
    Retry-After, even with the right token (else the lockout would still tell right from wrong);
    requests without a token are not counted; other clients, and the right token from them, are
    unaffected. The client IP is the one signups use: the forwarding header from a trusted proxy."""
    herald = make_herald(admin_token=TOKEN, admin_auth_max_failures=3, admin_auth_lockout_seconds=2,
                         trusted_proxies=["127.0.0.1"])
    guesser, other = {"X-Forwarded-For": "203.0.113.7"}, {"X-Forwarded-For": "198.51.100.2"}
    before = snapshot(herald)

    def get(client, token=None, **extra):
        headers = dict(client, Accept="application/json", **extra)
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return call(herald, "GET", "/api/v1/stats", headers=headers)

    for _ in range(5):
        assert get(guesser)[0] == 401  # no token: refused, not counted
    for attempt in ("wrong-token-0123456789abcdef", TOKEN[:-1] + "X", "x" * 8000):
        status, headers, body = get(guesser, attempt)
        assert status == 401 and body["error"]["code"] == "unauthorized", (attempt[:20], status)
    for token in (TOKEN, "wrong-token-0123456789abcdef", None):
        status, headers, body = get(guesser, token)
        assert status == 429 and body["error"]["code"] == "too_many_failed_authentications", (token, status, body)
        assert 1 <= int(headers["Retry-After"]) <= 2
    # Prepending addresses to the forwarded chain does not make the guesser someone else.
    assert get({"X-Forwarded-For": "192.0.2.1, 203.0.113.7"}, TOKEN)[0] == 429
    assert get(other, TOKEN)[0] == 200
    assert get(other, "wrong-token-0123456789abcdef")[0] == 401
    assert snapshot(herald) == before
    time.sleep(2.2)
    assert get(guesser, TOKEN)[0] == 200
    log = open(herald.log_path).read()
    assert TOKEN not in log and "wrong-token-0123456789abcdef" not in log


def test_without_configured_tokens_the_admin_api_is_disabled(herald):
    status, _, body = call(herald, "GET", "/api/v1/subscribers", headers={"Authorization": "Bearer anything-at-all-here-123"})
    assert status == 403 and body["error"]["code"] == "admin_api_disabled"


def test_named_tokens_are_recorded_in_the_audit_log(admin, smtp):
    created = add(admin, "Jane@Example.org", name="Jane", newsletters=["news", "daily"])
    assert created["email"] == "Jane@Example.org"
    assert {s["status"] for s in created["subscriptions"]} == {"pending"}
    smtp.wait_for_messages(1)  # the confirmation went through the outbox
    ops = {"Authorization": f"Bearer {OPS_TOKEN}"}
    status, _, _ = call(admin, "PATCH", f"/api/v1/subscribers/{created['id']}/subscriptions/news",
                        {"status": "confirmed", "note": "phoned us on 2026-11-20"}, ops)
    assert status == 200
    status, _, audit = call(admin, "GET", "/api/v1/audit")
    assert [(e["actor"], e["action"]) for e in audit["items"]] == [("ops", "subscription.status"), ("admin", "subscriber.create")]
    assert audit["items"][0]["detail"]["note"] == "phoned us on 2026-11-20"
    assert audit["items"][0]["target"] == f"subscriber:{created['id']}"


def test_confirmed_needs_a_consent_note_which_is_kept_as_consent(admin, smtp):
    status, _, body = call(admin, "POST", "/api/v1/subscribers", {"email": "bob@example.org", "status": "confirmed"})
    assert status == 422 and body["error"]["code"] == "consent_note_required"
    created = add(admin, "bob@example.org", status="confirmed", consent_note="signed paper form at the fair")
    assert created["subscriptions"][0]["status"] == "confirmed"
    [event] = created["consent_history"]
    assert event["action"] == "admin_change" and "signed paper form at the fair" in event["source"]
    assert smtp.messages() == []  # no confirmation mail for someone added as confirmed


def test_get_one_shows_subscriptions_and_consent_history_and_404s(admin):
    created = add(admin, "carol@example.org")
    status, _, detail = call(admin, "GET", f"/api/v1/subscribers/{created['id']}")
    assert status == 200 and detail["consent_history"][0]["action"] == "signup"
    assert call(admin, "GET", "/api/v1/subscribers/999999")[0] == 404
    for bad in ("0", "-1", "abc", "1e3", "99999999999999999999999"):
        assert call(admin, "GET", f"/api/v1/subscribers/{bad}")[0] == 400, bad


def test_search_filters(admin):
    add(admin, "alice@example.org")
    add(admin, "alan@example.net", status="confirmed", consent_note="import from old system")
    add(admin, "zed@example.com", newsletters=["daily"])
    def emails(query):
        status, _, body = call(admin, "GET", "/api/v1/subscribers?" + urllib.parse.urlencode(query))
        assert status == 200, body
        return sorted(item["email"] for item in body["items"])
    assert emails({"q": "AL"}) == ["alan@example.net", "alice@example.org"]
    assert emails({"status": "confirmed"}) == ["alan@example.net"]
    assert emails({"newsletter": "daily"}) == ["zed@example.com"]
    assert emails({"q": "%"}) == [] and emails({"q": "_"}) == []
    assert emails({"created_from": "2000-01-01", "created_before": "2100-01-01"}) == emails({})
    assert emails({"created_before": "2000-01-01"}) == []


def test_search_finds_new_subscribers_while_queued_for_the_index_and_after(admin):
    """On SQLite a new subscriber's search index entries are written by `herald serve` after the
    signup commits (migration 23, a one-second clock): the search finds them right after the signup
    (whether the clock has ticked yet or not: TrigramIndexTests and the store contract suite cover
    each case alone) and after the queue has emptied, which it does within seconds; /metrics counts
    them."""
    created = sorted(add(admin, f"queued.reader{number}@example.org")["id"] for number in range(3))

    def found():
        status, _, body = call(admin, "GET", "/api/v1/subscribers?q=UED.READER")
        assert status == 200, body
        return sorted(item["id"] for item in body["items"])
    assert found() == created
    deadline = time.monotonic() + 15
    while True:
        with admin.db() as db:
            queued = db.execute("SELECT count(*) FROM subscriber_trigrams_pending").fetchone()[0]
            indexed = db.execute(
                "SELECT count(*) FROM subscriber_trigrams WHERE trigram = 'ued'").fetchone()[0]
        if queued == 0:
            break
        assert time.monotonic() < deadline, f"{queued} subscribers still queued for the search index"
        time.sleep(0.1)
    assert indexed == 3
    assert found() == created
    # /metrics counts what the clock indexed (counted just after its batch commits) and no failure.
    while (metrics := http("GET", admin.base_url + "/metrics")[2].decode()).find(
            "herald_search_index_subscribers_total 3\n") < 0:
        assert time.monotonic() < deadline, metrics
        time.sleep(0.1)
    assert "herald_search_index_failures_total" not in metrics


def test_cursor_pagination_walks_everything_exactly_once(admin):
    for number in range(23):
        add(admin, f"reader{number}@example.org")
    seen, cursor, pages = [], None, 0
    while True:
        query = {"limit": 5} | ({"cursor": cursor} if cursor else {})
        status, _, body = call(admin, "GET", "/api/v1/subscribers?" + urllib.parse.urlencode(query))
        assert status == 200
        seen += [item["id"] for item in body["items"]]
        pages += 1
        cursor = body.get("next_cursor")
        if not cursor:
            break
    assert sorted(seen) == seen and len(seen) == len(set(seen)) == 23 and pages == 5


def test_broken_or_tampered_cursors_get_400(admin):
    for number in range(3):
        add(admin, f"r{number}@example.org")
    _, _, page = call(admin, "GET", "/api/v1/subscribers?limit=1")
    cursor = page["next_cursor"]
    payload, tag = cursor.split(".")
    forged = "OTk." + tag  # "99" with the old tag
    _, _, audit = call(admin, "GET", "/api/v1/audit?limit=1")
    for bad in ("garbage", "", ".", cursor + "x", forged, cursor[::-1], "%00", "a" * 500, audit["next_cursor"]):
        status, _, body = call(admin, "GET", "/api/v1/subscribers?" + urllib.parse.urlencode({"cursor": bad}))
        assert status == 400 or (bad == "" and status == 200), (bad, status)
        if status == 400:
            assert body["error"]["code"] in ("invalid_cursor", "invalid_parameter")


def test_bad_parameters_get_400_never_500(admin):
    for query in ("limit=0", "limit=201", "limit=abc", "status=gone", "newsletter=nope", "created_from=2026-13-01",
                  "created_from=yesterday", "created_before=2026-02-30", "q=" + "a" * 300, "q=%0d%0a"):
        status, _, body = call(admin, "GET", "/api/v1/subscribers?" + query)
        assert status == 400, (query, status)
        assert body["error"]["code"] and body["error"]["message"]
    for query in ("from=2026-01-10&to=2026-01-01", "from=2020-01-01&to=2026-01-01"):
        assert call(admin, "GET", "/api/v1/stats?" + query)[0] == 422, query
    assert call(admin, "GET", "/api/v1/stats?from=nope")[0] == 400
    assert call(admin, "GET", "/api/v1/newsletters/nope/digests")[0] == 404
    for method, path in (("PUT", "/api/v1/subscribers"), ("TRACE", "/api/v1/stats"), ("POST", "/api/v1/subscribers/1")):
        status, headers, body = call(admin, method, path)
        assert status == 405 and headers["Allow"] and body["error"]["code"] == "method_not_allowed", (method, path)
    status, _, body = call(admin, "GET", "/api/v1/no/such/thing")
    assert status == 404 and body["error"]["code"] == "not_found"


HOSTILE_BODIES = [
    ('{"email": 42}', 422), ('{"email": ["a@example.org"]}', 422), ('{"email": "a@example.org", "admin": true}', 422),
    ('{"email": "a@example.org", "email": "b@example.org"}', 400), ('[]', 422), ('"x"', 422), ('', 400), ('{', 400),
    ('{"email": "<script>alert(1)</script>@example.org"}', 422), ('{"email": "a@example.org\\r\\nBcc: v@example.org"}', 422),
    ('{"email": "a@example.org", "name": "Jane\\r\\nBcc: v@example.org"}', 422),
    ('{"email": "x\'; DROP TABLE subscribers;--@example.org"}', 422),
    ('{"email": "a@example.org", "newsletters": ["news\'; DROP TABLE subscribers;--"]}', 422),
    ('{"email": "a@example.org", "status": "confirmed", "consent_note": "ok\\u0000"}', 422),
    ('{"email": "\\ud800@example.org"}', 400), ('{"email": "a@example.org", "status": "unsubscribed"}', 422),
    ('{"email": "a@example.org", "newsletters": [' + ",".join(['"news"'] * 50) + ']}', 422),
    ('[' * 100 + ']' * 100, 400), ('{"a":' * 100 + '1' + '}' * 100, 400),
]


def test_hostile_bodies_get_4xx_and_change_nothing(admin):
    add(admin, "existing@example.org")
    before = snapshot(admin)
    for body, expected in HOSTILE_BODIES:
        status, _, payload = call(admin, "POST", "/api/v1/subscribers", body)
        assert status == expected, (body[:80], status, payload)
        assert set(payload["error"]) == {"code", "message"}
    for raw in (b'{"email": "\xff\xfe@example.org"}', b'\xef\xbb\xbf{"email": "a@example.org"}'):
        assert call(admin, "POST", "/api/v1/subscribers", raw)[0] == 400
    huge = json.dumps({"email": "a@example.org", "name": "x" * 400_000})
    assert call(admin, "POST", "/api/v1/subscribers", huge)[0] == 413
    status, _, _ = http("POST", admin.base_url + "/api/v1/subscribers", '{"email":"a@example.org"}',
                        dict(AUTH, **{"Content-Type": "text/plain"}))
    assert status == 415
    for body in ('{"status": "confirmed"}', '{"status": "pending"}', '{"status": "unsubscribed", "x": 1}', '{"status": 1}'):
        assert call(admin, "PATCH", "/api/v1/subscribers/1/subscriptions/news", body)[0] == 422, body
    for body in ('{"title": "<script></script>", "url": "https://example.org/a"}', '{"title": "T", "url": "javascript:alert(1)"}',
                 '{"title": "T", "url": "https://example.org/a", "image_url": "data:x"}', '{"title": "T"}'):
        assert call(admin, "POST", "/api/v1/newsletters/news/queue", body)[0] == 422, body
    assert snapshot(admin) == before


def test_change_status_erase_and_export(admin):
    created = add(admin, "dora@example.org", status="confirmed", consent_note="double opt-in at old provider")
    subscriber_id = created["id"]
    status, _, changed = call(admin, "PATCH", f"/api/v1/subscribers/{subscriber_id}/subscriptions/news", {"status": "unsubscribed"})
    assert status == 200 and changed["status"] == "unsubscribed" and changed["unsubscribed_at"]
    assert call(admin, "PATCH", f"/api/v1/subscribers/{subscriber_id}/subscriptions/daily", {"status": "unsubscribed"})[0] == 404
    status, _, exported = call(admin, "GET", f"/api/v1/subscribers/{subscriber_id}/export")
    assert status == 200 and exported["email"] == "dora@example.org" and len(exported["consent_history"]) == 2
    status, _, erased = call(admin, "DELETE", f"/api/v1/subscribers/{subscriber_id}")
    assert status == 200 and erased["erased"] is True and erased["suppression"]["reason"] == "erased"
    assert call(admin, "GET", f"/api/v1/subscribers/{subscriber_id}")[0] == 404
    assert call(admin, "DELETE", f"/api/v1/subscribers/{subscriber_id}")[0] == 404
    with admin.db() as db:
        assert db.execute("SELECT count(*) FROM subscribers WHERE email LIKE '%dora%'").fetchone()[0] == 0
    status, _, body = call(admin, "POST", "/api/v1/subscribers", {"email": "dora@example.org"})
    assert status == 409 and body["error"]["code"] == "suppressed"
    _, _, audit = call(admin, "GET", "/api/v1/audit")
    assert [e["action"] for e in audit["items"]][:3] == ["subscriber.erase", "subscriber.export", "subscription.status"]
    assert "dora" not in json.dumps(audit)


def test_newsletter_counts_and_stats(admin):
    add(admin, "e1@example.org")
    add(admin, "e2@example.org", status="confirmed", consent_note="form")
    status, _, body = call(admin, "GET", "/api/v1/newsletters")
    news = next(item for item in body["items"] if item["slug"] == "news")
    assert status == 200 and news["counts"] == {"pending": 1, "confirmed": 1, "unsubscribed": 0}
    status, _, stats = call(admin, "GET", "/api/v1/stats?newsletter=news")
    [report] = stats["newsletters"]
    assert status == 200 and report["signups"] == 1 and report["confirmations"] == 0
    assert report["confirmation_rate"] == 0 and report["days"][0]["signups"] == 1


def test_queued_items_go_into_the_next_digest_once(admin, smtp):
    add(admin, "f@example.org", newsletters=["daily"], status="confirmed", consent_note="form")
    item = {"title": "Hand-picked <b>story</b>", "url": "https://example.org/story?utm_source=x",
            "summary": "<p>Read <script>alert(1)</script>this</p>", "author": "Desk"}
    status, _, queued = call(admin, "POST", "/api/v1/newsletters/daily/queue", item)
    assert status == 201 and queued["title"] == "Hand-picked story"
    assert call(admin, "POST", "/api/v1/newsletters/daily/queue", item)[0] == 409
    assert call(admin, "POST", "/api/v1/newsletters/nope/queue", item)[0] == 404
    result = subprocess.run([os.environ.get("HERALD_BINARY", os.path.join(ROOT, ".build", "debug", "herald")),
                             "digest", "send", "daily", "--config", admin.config_path],
                            cwd=admin.directory, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    [message] = smtp.wait_for_messages(1)
    text = message.get_body(preferencelist=("plain",)).get_content()
    assert "Hand-picked story" in text and "alert(1)" not in text
    status, _, pending = call(admin, "GET", "/api/v1/newsletters/daily/queue")
    assert pending["items"] == []
    status, _, issues = call(admin, "GET", "/api/v1/newsletters/daily/digests")
    [issue] = issues["items"]
    assert issue["article_count"] == 1 and issue["deliveries"]["sent"] == 1 and issue["total"] == 1
    assert issue["language"] == "en"


def test_openapi_document_is_served_and_matches_the_checked_in_file(admin):
    status, headers, served = call(admin, "GET", "/api/v1/openapi.json", headers={})
    assert status == 200 and headers["Content-Type"].startswith("application/json")
    with open(os.path.join(ROOT, "openapi", "admin.json")) as handle:
        assert served == json.load(handle)


def schemathesis_available():
    return os.path.isdir(os.path.join(SCHEMATHESIS_DIR, "schemathesis"))


# The operations that change one subscriber or newsletter get real targets: without them every
# generated id would be unknown and the run would see only 404s. A run that again sees only 404s
# (schemathesis' missing_test_data warning) or mostly refused bodies (validation_mismatch: the
# document promises more than the server accepts) fails.
SCHEMATHESIS_CONFIG = """
[warnings]
fail-on = ["missing_test_data", "validation_mismatch"]

[[operations]]
include-operation-id = "changeSubscription"
parameters = {{ "path.id" = {subscriber_id}, "path.newsletter" = "news" }}

# A language is valid only when the subscriber's newsletters offer it, which a static document
# cannot list: generated tags are mostly (rightly) refused with unknown_language, so this one
# operation runs its examples only (route tests check its 200 and 422 answers, hostile ones too).
[[operations]]
include-operation-id = "updateSubscriber"
parameters = {{ "path.id" = {update_id} }}
phases = {{ coverage = {{ enabled = false }}, fuzzing = {{ enabled = false }} }}

[[operations]]
include-operation-id = "queueDigestItem"
parameters = {{ "path.slug" = "daily" }}

[[operations]]
include-operation-id = "getDigestReport"
parameters = {{ "path.slug" = "daily", "path.id" = {issue_id} }}

[[operations]]
include-operation-id = "getDigestReportCSV"
parameters = {{ "path.slug" = "daily", "path.id" = {issue_id} }}
"""


def send_one_digest(admin, smtp):
    """A real issue of `daily` (one queued article, one confirmed reader, sent through the SMTP
    server); returns its id, so the report operations have a target."""
    add(admin, "reader@example.org", newsletters=["daily"], status="confirmed", consent_note="form")
    item = {"title": "A story", "url": "https://example.org/story"}
    assert call(admin, "POST", "/api/v1/newsletters/daily/queue", item)[0] == 201
    result = subprocess.run([os.environ.get("HERALD_BINARY", os.path.join(ROOT, ".build", "debug", "herald")),
                             "digest", "send", "daily", "--config", admin.config_path],
                            cwd=admin.directory, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr
    smtp.wait_for_messages(1)
    _, _, issues = call(admin, "GET", "/api/v1/newsletters/daily/digests")
    return issues["items"][0]["id"]


@pytest.mark.skipif(not schemathesis_available() and not os.environ.get("CI"),
                    reason="schemathesis is installed by scripts/test into .build-python/schemathesis")
def test_schemathesis_finds_no_server_errors_or_schema_violations(admin, smtp, workdir):
    # Enough subscribers that the ids DELETE /subscribers/{id} tries (small numbers, boundaries)
    # rarely reach the one PATCH works on.
    ids = [add(admin, f"seed{number}@example.org")["id"] for number in range(40)]
    target = ids[-1]
    issue_id = send_one_digest(admin, smtp)
    config = os.path.join(workdir, "schemathesis.toml")
    with open(config, "w") as handle:
        handle.write(SCHEMATHESIS_CONFIG.format(subscriber_id=target, update_id=ids[-2], issue_id=issue_id))
    env = dict(os.environ, PYTHONPATH=SCHEMATHESIS_DIR, SCHEMATHESIS_HOOKS="", NO_COLOR="1")
    command = [sys.executable, "-m", "schemathesis.cli", "--config-file", config, "run",
               admin.base_url + "/api/v1/openapi.json",
               "--url", admin.base_url + "/api/v1", "-H", f"Authorization: Bearer {TOKEN}",
               "--checks", "all", "--exclude-checks", "positive_data_acceptance",
               "--max-examples", "25", "--phases", "examples,coverage,fuzzing", "--workers", "1",
               "--generation-deterministic", "--request-timeout", "10"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=150, env=env, cwd=workdir)
    report = result.stdout + result.stderr
    save_output("schemathesis.log", report)
    assert result.returncode == 0, report[-6000:]
    assert "internal_error" not in open(admin.log_path).read()
    # The generated requests changed real state through both operations.
    with admin.db() as db:
        changes = db.execute("SELECT count(*) FROM audit_log WHERE action = 'subscription.status' "
                             "AND target = ?", (f"subscriber:{target}",)).fetchone()[0]
        queued = db.execute("SELECT count(*) FROM digest_queue WHERE newsletter = 'daily'").fetchone()[0]
    assert changes > 0, "no PATCH of the target subscription succeeded"
    assert queued > 0, "no POST to the digest queue succeeded"


def test_admin_api_on_postgres(make_herald, database_url):  # noqa: F811
    herald = make_herald(database_url=database_url, admin_token=TOKEN)
    ids = [add(herald, f"pg{number}@example.org")["id"] for number in range(7)]
    add(herald, "pg.confirmed@example.org", status="confirmed", consent_note="form; DROP TABLE subscribers;--")
    seen, cursor = [], None
    while True:
        query = {"limit": 3, "q": "pg", "created_from": "2000-01-01"} | ({"cursor": cursor} if cursor else {})
        status, _, page = call(herald, "GET", "/api/v1/subscribers?" + urllib.parse.urlencode(query))
        assert status == 200, page
        seen += [item["id"] for item in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 8
    assert call(herald, "GET", "/api/v1/subscribers?status=confirmed")[2]["items"][0]["email"] == "pg.confirmed@example.org"
    assert call(herald, "PATCH", f"/api/v1/subscribers/{ids[0]}/subscriptions/news", {"status": "unsubscribed"})[0] == 200
    assert call(herald, "DELETE", f"/api/v1/subscribers/{ids[1]}")[0] == 200
    assert call(herald, "POST", "/api/v1/newsletters/daily/queue", {"title": "T", "url": "https://example.org/pg"})[0] == 201
    assert call(herald, "POST", "/api/v1/newsletters/daily/queue", {"title": "T", "url": "https://example.org/pg"})[0] == 409
    _, _, counts = call(herald, "GET", "/api/v1/newsletters")
    news = next(item for item in counts["items"] if item["slug"] == "news")
    assert news["counts"] == {"pending": 5, "confirmed": 1, "unsubscribed": 1}
    _, _, stats = call(herald, "GET", "/api/v1/stats?newsletter=news")
    assert stats["newsletters"][0]["signups"] == 6  # the erased person's consent log is gone with them
    _, _, audit = call(herald, "GET", "/api/v1/audit?limit=200")
    assert len(audit["items"]) == 8 + 3
    assert call(herald, "GET", "/api/v1/newsletters/daily/digests")[2]["items"] == []
