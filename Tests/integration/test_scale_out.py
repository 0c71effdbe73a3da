"""Several Herald processes on one PostgreSQL database: digest senders sharing one issue (three at
once over 20,000 subscribers; one SIGKILLed mid-way), PostgreSQL restarted mid-digest, two
`herald serve` processes taking the same signups, and requests while the database is away.

Needs HERALD_TEST_POSTGRES_URL (scripts/test starts that server); tests that stop PostgreSQL start a
private server of their own with scripts/postgres-for-tests. Digest mail goes to recipient_sink.py,
which records each recipient of each accepted message, so "exactly once" is counted on the server."""

import collections
import concurrent.futures
import json
import os
import re
import signal
import subprocess
import tempfile
import time
import urllib.parse

import pytest

from conftest import BINARY, FORM, HERE, ROOT, Herald, free_port, http, wait_for
from test_digest import write_feed
from test_postgres_e2e import SERVER, database_url, query  # noqa: F401 (database_url is a fixture)

POSTGRES_SCRIPT = os.path.join(ROOT, "scripts", "postgres-for-tests")


@pytest.fixture(autouse=True)
def postgres_required():
    if not SERVER:
        if os.environ.get("CI"):
            pytest.fail("HERALD_TEST_POSTGRES_URL is not set: scripts/test starts PostgreSQL for these tests")
        pytest.skip("no PostgreSQL server (run through scripts/test)")


class RecipientSink:
    """recipient_sink.py on a free port; `counts()` is how often the server accepted each recipient."""

    def __init__(self, directory, delay=0.0):
        self.log = os.path.join(directory, "recipients.log")
        port_file = os.path.join(directory, "sink.port")
        self.process = subprocess.Popen(
            ["/usr/bin/python3", os.path.join(HERE, "recipient_sink.py"), "--port-file", port_file, "--log", self.log,
             "--delay", str(delay)],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(directory, "sink.err"), "wb"))
        self.port = int(wait_for(lambda: os.path.exists(port_file) and open(port_file).read(), what="recipient sink"))

    def lines(self):
        if not os.path.exists(self.log):
            return []
        with open(self.log) as handle:
            return handle.read().splitlines()

    def counts(self):
        return collections.Counter(self.lines())

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def sink(workdir):
    server = RecipientSink(workdir)
    yield server
    server.stop()


@pytest.fixture
def private_postgres():
    """A PostgreSQL server of this test's own, which the test may halt and resume."""
    directory = tempfile.mkdtemp(prefix="herald-pg-scale.")
    url = subprocess.run([POSTGRES_SCRIPT, "start", directory], check=True, capture_output=True, text=True).stdout.strip()
    yield url, directory
    subprocess.run([POSTGRES_SCRIPT, "stop", directory], capture_output=True)


def postgres(command, directory):
    subprocess.run([POSTGRES_SCRIPT, command, directory], check=True, capture_output=True)


def digest_config(workdir, url, smtp_port):
    """A configuration for `herald digest` on `url` with the newsletter `daily` and a one-story feed."""
    feed = os.path.join(workdir, "feed.xml")
    write_feed(feed, [("Scale-out story", "https://news.example.org/scale", "g-scale")])
    path = os.path.join(workdir, "digest.yml")
    with open(path, "w") as handle:
        json.dump({
            "database_url": url, "smtp_url": f"smtp://127.0.0.1:{smtp_port}", "smtp_pool_size": 4,
            "mail_from": "Newsroom <news@example.org>", "templates": os.path.join(ROOT, "templates"),
            "base_url": "https://news.example.org",
            "newsletters": [{"slug": "daily", "title": "Daily", "digest_feed": feed}],
        }, handle)
    subprocess.run([BINARY, "migrate", "--config", path], cwd=workdir, check=True, capture_output=True, timeout=60)
    return path


def seed_confirmed(url, count):
    """`count` confirmed subscribers of `daily`, inserted by PostgreSQL itself (fast)."""
    query(url, f"""
        INSERT INTO subscribers (email, smtp_address, canonical_key, name, created_at, updated_at)
        SELECT 'r' || i || '@example.org', 'r' || i || '@example.org', 'r' || i || '@example.org', 'Reader ' || i, 0, 0
        FROM generate_series(1, {count}) AS i;
        INSERT INTO subscriptions (subscriber_id, newsletter, status, created_at, updated_at)
        SELECT id, 'daily', 'confirmed', 0, 0 FROM subscribers;""")
    return {f"r{i}@example.org" for i in range(1, count + 1)}


def start_senders(config, workdir, count, period):
    command = [BINARY, "digest", "send", "daily", "--period", period, "--config", config]
    return [subprocess.Popen(command, cwd=workdir, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(count)]


def summary_numbers(output, name):
    match = re.search(rf"\b{name} (\d+)", output)
    assert match, output
    return int(match.group(1))


def assert_exactly_once(sink, expected, resumed):
    """Every expected recipient received the digest; a second copy only within the acceptance
    window (a row a dead run left `sending`, which the rerun reports as resumed)."""
    counts = sink.counts()
    assert set(counts) == expected, f"lost: {len(expected - set(counts))}, unexpected: {set(counts) - expected}"
    duplicated = {r: c for r, c in counts.items() if c > 1}
    assert all(c == 2 for c in duplicated.values()), duplicated
    assert len(duplicated) <= resumed, (duplicated, resumed)
    return duplicated


def issue_state(url, period):
    return query(url, "SELECT d.state || ':' || count(*) FROM digest_deliveries d JOIN digest_issues i ON i.id = d.issue_id "
                      f"WHERE i.period = '{period}' AND i.completed_at IS NOT NULL GROUP BY d.state")


def test_three_senders_share_twenty_thousand_deliveries_exactly_once(workdir, sink, database_url):
    config = digest_config(workdir, database_url, sink.port)
    expected = seed_confirmed(database_url, 20_000)
    started = time.monotonic()
    runs = start_senders(config, workdir, 3, "scale")
    outputs = [run.communicate(timeout=600) for run in runs]
    elapsed = time.monotonic() - started
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    sent = [summary_numbers(out, "sent") for out, _ in outputs]
    assert sum(sent) == 20_000 and all(share > 0 for share in sent), sent  # the work was shared
    assert assert_exactly_once(sink, expected, resumed=0) == {}
    assert issue_state(database_url, "scale") == "sent:20000"
    print(f"3 senders, 20,000 subscribers: {elapsed:.1f} s, shares {sent}")


def test_a_sender_killed_mid_way_is_taken_over_by_the_others(workdir, sink, database_url):
    config = digest_config(workdir, database_url, sink.port)
    expected = seed_confirmed(database_url, 3_000)
    runs = start_senders(config, workdir, 3, "kill")
    wait_for(lambda: len(sink.lines()) >= 600, timeout=120, what="600 messages before the kill")
    runs[0].send_signal(signal.SIGKILL)
    runs[0].wait()
    outputs = [run.communicate(timeout=300) for run in runs[1:]]
    assert [run.returncode for run in runs[1:]] == [0, 0], outputs
    resumed = sum(summary_numbers(out, "resumed") for out, _ in outputs)
    duplicated = assert_exactly_once(sink, expected, resumed)
    assert issue_state(database_url, "kill") == "sent:3000"
    print(f"killed sender: {len(duplicated)} acceptance-window duplicate(s), {resumed} resumed row(s)")


def test_postgres_restarted_mid_digest_then_exactly_once(workdir, sink, private_postgres):
    url, directory = private_postgres
    config = digest_config(workdir, url, sink.port)
    expected = seed_confirmed(url, 3_000)
    [run] = start_senders(config, workdir, 1, "restart")
    wait_for(lambda: len(sink.lines()) >= 500, timeout=120, what="500 messages before the restart")
    postgres("halt", directory)
    time.sleep(3)
    postgres("resume", directory)
    try:
        out, err = run.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        run.kill()
        out, err = run.communicate()
        pytest.fail("the digest run neither finished nor exited within 120 s of PostgreSQL's restart:\n" + err[-3000:])
    resumed = 0
    if run.returncode != 0:  # the run gave up while the database was away: a rerun finishes
        assert run.returncode == 3, out + err
        [rerun] = start_senders(config, workdir, 1, "restart")
        out, err = rerun.communicate(timeout=300)
        assert rerun.returncode == 0, out + err
        resumed = summary_numbers(out, "resumed")
    duplicated = assert_exactly_once(sink, expected, resumed)
    assert issue_state(url, "restart") == "sent:3000"
    print(f"PostgreSQL restart: first run exit {run.returncode}, {len(duplicated)} duplicate(s)")


def signup(base_url, address):
    return http("POST", base_url + "/subscribe", urllib.parse.urlencode({"email": address}), FORM)[0]


def test_two_servers_taking_the_same_signups_create_one_subscriber_and_one_mail_each(workdir, smtp, database_url):
    servers = []
    for name in ("a", "b"):
        directory = os.path.join(workdir, name)
        os.makedirs(directory)
        servers.append(Herald(directory, smtp.port, {"database_url": database_url}))
    try:
        # Returning readers: subscribers with no mail in the throttle window, so both servers may
        # decide to mail them at once unless one waits for the other (the subscriber's row lock).
        returning = [f"back{i}@example.org" for i in range(30)]
        values = ",".join(f"('{a}','{a}','{a}',0,0)" for a in returning)
        query(database_url, f"INSERT INTO subscribers (email, smtp_address, canonical_key, created_at, updated_at) VALUES {values}")
        query(database_url, "INSERT INTO subscriptions (subscriber_id, newsletter, status, created_at, updated_at) "
                            "SELECT id, 'news', 'unsubscribed', 0, 0 FROM subscribers")
        new = [f"new{i}@example.org" for i in range(30)]
        jobs = [(server.base_url, address) for address in returning + new for server in servers for _ in range(3)]
        with concurrent.futures.ThreadPoolExecutor(max_workers=24) as pool:
            statuses = list(pool.map(lambda job: signup(*job), jobs))
        assert set(statuses) == {303}, collections.Counter(statuses)
        everyone = set(returning + new)
        assert query(database_url, "SELECT count(*), count(DISTINCT canonical_key) FROM subscribers") == "60|60"
        assert query(database_url, "SELECT count(*) FROM subscriptions WHERE newsletter = 'news' AND status = 'pending'") == "60"
        mails = query(database_url, "SELECT throttle_key || ' ' || count(*) FROM outbox WHERE kind = 'confirmation' "
                                    "GROUP BY throttle_key").splitlines()
        assert sorted(mails) == sorted(f"{address} 1" for address in everyone)
        smtp.wait_for_messages(60, timeout=60)
        time.sleep(1)
        received = collections.Counter(r for m in smtp.messages() for r in m.envelope["rcpt_tos"])
        assert received == {address: 1 for address in everyone}
    finally:
        for server in servers:
            server.stop()


def seed_confirmations(url, addresses):
    """Queues one due confirmation per address straight into the outbox, as a signup would."""
    rows = []
    for address in addresses:
        message = (f"From: news@example.org\r\nTo: {address}\r\nSubject: Confirm\r\n"
                   f"Message-ID: <{address}>\r\n\r\nConfirm, please.\r\n")
        rows.append(f"('confirmation', '{address}', 'news@example.org', '[\"{address}\"]', false, "
                    f"convert_to('{message}', 'UTF8'), 'pending', 0, 0, 0)")
    query(url, "INSERT INTO outbox (kind, throttle_key, sender, recipients, smtputf8, data, state, attempts, "
               "created_at, next_attempt_at) VALUES " + ",".join(rows))


def test_a_relay_slower_than_the_lease_gets_each_mail_once_from_two_servers(workdir, database_url):
    """#22: one server claims the whole batch (lease 3 s) but the relay takes 0.7 s a message, so
    the batch outlives its lease while the other server polls every second. The first renews a
    message's lease before sending it when half is gone and skips a message the other took over;
    outcomes are recorded only by the claim's owner. Counted at the relay: each address once."""
    slow = RecipientSink(workdir, delay=0.7)
    addresses = [f"lease{i}@example.org" for i in range(12)]
    settings = {"database_url": database_url, "outbox_lease_seconds": 3, "smtp_timeout_seconds": 1,
                "smtp_pool_size": 1}
    servers = []
    try:
        for name in ("a", "b"):
            directory = os.path.join(workdir, name)
            os.makedirs(directory)
            servers.append(Herald(directory, slow.port, settings))
            if name == "a":
                seed_confirmations(database_url, addresses)  # the first server has migrated the database
        wait_for(lambda: query(database_url, "SELECT count(*) FROM outbox WHERE state = 'sent'") == "12",
                 timeout=60, what="every queued confirmation sent")
        time.sleep(1.5)  # a duplicate still on its way would reach the relay by now
        assert slow.counts() == {address: 1 for address in addresses}
        assert query(database_url, "SELECT count(*) FROM outbox WHERE lease_owner IS NOT NULL") == "0"
    finally:
        for server in servers:
            server.stop()
        slow.stop()
    logs = "".join(open(os.path.join(workdir, name, "herald.log"), errors="replace").read() for name in ("a", "b"))
    assert "after its claim passed to another worker" not in logs


def test_one_send_slower_than_the_lease_keeps_its_claim_and_each_mail_leaves_once(workdir, database_url):
    """#22 item 2: the relay takes 3 s per message, the lease is 2 s (shorter than one SMTP
    transaction, allowed since leases are renewed while a batch is in flight) and two servers poll
    one PostgreSQL outbox. The server holding the batch renews every held row every third of a
    lease, so the other never takes a row that is being sent. Counted at the relay: each once."""
    slow = RecipientSink(workdir, delay=3.0)
    addresses = [f"slow{i}@example.org" for i in range(4)]
    settings = {"database_url": database_url, "outbox_lease_seconds": 2, "smtp_timeout_seconds": 10,
                "smtp_pool_size": 1}
    servers = []
    try:
        for name in ("a", "b"):
            directory = os.path.join(workdir, name)
            os.makedirs(directory)
            servers.append(Herald(directory, slow.port, settings))
            if name == "a":
                seed_confirmations(database_url, addresses)
        wait_for(lambda: query(database_url, "SELECT count(*) FROM outbox WHERE state = 'sent'") == "4",
                 timeout=90, what="every queued confirmation sent")
        time.sleep(4)  # a duplicate still on its way would reach the relay by now
        assert slow.counts() == {address: 1 for address in addresses}
        assert query(database_url, "SELECT string_agg(DISTINCT attempts::text, ',') FROM outbox") == "1"
    finally:
        for server in servers:
            server.stop()
        slow.stop()
    logs = "".join(open(os.path.join(workdir, name, "herald.log"), errors="replace").read() for name in ("a", "b"))
    assert "after its claim passed to another worker" not in logs
    assert "not sent: its claim is no longer" not in logs


def test_a_mark_by_the_server_that_lost_its_lease_changes_nothing(workdir, database_url):
    """#22 item 2: server A is frozen (SIGSTOP) in the middle of a send, so it stops renewing; its
    lease (2 s) runs out and server B claims the row, sends it and marks it sent. When A thaws its
    send completes too (SMTP cannot take a message back: a frozen process is the one way to a
    second copy), but its mark is refused: the row keeps B's outcome, and A says so in its log."""
    slow = RecipientSink(workdir, delay=3.0)
    settings = {"database_url": database_url, "outbox_lease_seconds": 2, "smtp_timeout_seconds": 30,
                "smtp_pool_size": 1}
    a_dir, b_dir = os.path.join(workdir, "a"), os.path.join(workdir, "b")
    os.makedirs(a_dir)
    os.makedirs(b_dir)
    a = Herald(a_dir, slow.port, settings)
    b = None
    try:
        seed_confirmations(database_url, ["frozen@example.org"])
        owner_a = wait_for(lambda: query(database_url, "SELECT lease_owner FROM outbox WHERE state = 'sending'"),
                           timeout=30, interval=0.05, what="server A claiming the mail")
        time.sleep(1.5)  # A is inside its SMTP transaction (the relay holds the reply for 3 s)
        a.process.send_signal(signal.SIGSTOP)
        try:
            b = Herald(b_dir, slow.port, settings)
            wait_for(lambda: query(database_url, "SELECT state FROM outbox") == "sent", timeout=60,
                     what="server B taking the row over and sending it")
            row = query(database_url, "SELECT lease_owner IS NULL, attempts, last_result FROM outbox")
        finally:
            a.process.send_signal(signal.SIGCONT)
        wait_for(lambda: "after its claim passed to another worker" in open(a.log_path, errors="replace").read(),
                 timeout=30, what="server A reporting its refused mark")
        assert query(database_url, "SELECT lease_owner IS NULL, attempts, last_result FROM outbox") == row
        assert row.startswith("t|1|250"), row
        assert owner_a
        # The one copy a frozen process can add: A's message had reached the relay before the freeze.
        assert slow.counts() == {"frozen@example.org": 2}
    finally:
        a.stop()
        if b:
            b.stop()
        slow.stop()


def test_requests_answer_503_quickly_while_postgres_is_away_and_service_resumes(make_herald, private_postgres):
    url, directory = private_postgres
    herald = make_herald(database_url=url)
    assert signup(herald.base_url, "before@example.org") == 303
    postgres("halt", directory)
    try:
        for path in ("/subscribe", "/healthz"):
            started = time.monotonic()
            status = signup(herald.base_url, "during@example.org") if path == "/subscribe" else \
                http("GET", herald.base_url + path)[0]
            assert status == 503 and time.monotonic() - started < 5, (path, status, time.monotonic() - started)
    finally:
        postgres("resume", directory)
    wait_for(lambda: signup(herald.base_url, "after@example.org") == 303, timeout=30, interval=0.5,
             what="signups to work again once PostgreSQL is back")
    assert http("GET", herald.base_url + "/healthz")[0] == 200
    assert query(url, "SELECT string_agg(canonical_key, ',' ORDER BY id) FROM subscribers") == \
        "before@example.org,after@example.org"


def test_serve_exits_naming_the_host_when_postgres_is_unreachable_at_start(workdir, private_postgres):
    url, directory = private_postgres
    postgres("halt", directory)
    port = urllib.parse.urlsplit(url).port
    config = os.path.join(workdir, "down.yml")
    with open(config, "w") as handle:
        json.dump({"database_url": url, "listen": f"127.0.0.1:{free_port()}", "templates": os.path.join(ROOT, "templates")}, handle)
    result = subprocess.run([BINARY, "serve", "--config", config], cwd=workdir, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3
    assert f"127.0.0.1:{port}" in result.stderr and "refused" in result.stderr.lower(), result.stderr
