"""Load: 64 concurrent clients post 20,000 distinct signups plus repeats of some addresses to one
`herald serve` (SQLite). No 5xx, none lost, no duplicate subscriber, exactly one confirmation per
address within the throttle window, and the server's memory stays within a stated bound."""

import collections
import http.client
import os
import threading
import time
import urllib.parse

from conftest import free_port

DISTINCT = int(os.environ.get("HERALD_LOAD_SIGNUPS", "20000"))
REPEATED = 200  # addresses posted 5 more times each, spread over the run
CLIENTS = 64
RSS_GROWTH_LIMIT_MB = 150


def rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024


def client(port, addresses, statuses):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for address in addresses:
        body = urllib.parse.urlencode({"email": address, "newsletter": "news"})
        connection.request("POST", "/subscribe", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                        "Accept": "text/html"})
        response = connection.getresponse()
        response.read()
        statuses[response.status] += 1


def run_clients(port, addresses):
    statuses = collections.Counter()
    shares = [addresses[n::CLIENTS] for n in range(CLIENTS)]
    threads = [threading.Thread(target=client, args=(port, share, statuses)) for share in shares]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_64_clients_20000_signups_none_lost_none_doubled_memory_bounded(make_herald):
    herald = make_herald(smtp_url=f"smtp://127.0.0.1:{free_port()}", outbox_retry_seconds=3600,
                         rate_limit_burst=1_000_000, rate_limit_per_minute=1_000_000)
    warmup = [f"warmup{n}@example.org" for n in range(500)]
    run_clients(herald.port, warmup)
    before = rss_mb(herald.process.pid)
    distinct = [f"load{n}@example.org" for n in range(DISTINCT)]
    repeats = [f"load{n}@example.org" for n in range(0, DISTINCT, DISTINCT // REPEATED)] * 5
    addresses = distinct + repeats
    addresses = [addresses[(n * 7919) % len(addresses)] for n in range(len(addresses))]  # interleave repeats
    assert len(set(addresses)) == DISTINCT
    start = time.time()
    statuses = run_clients(herald.port, addresses)
    elapsed = time.time() - start
    after = rss_mb(herald.process.pid)
    assert statuses == {303: len(addresses)}, statuses
    with herald.db() as db:
        subscribers = db.execute("SELECT count(*), count(DISTINCT canonical_key) FROM subscribers "
                                 "WHERE email LIKE 'load%'").fetchone()
        confirmations = dict(db.execute(
            "SELECT json_extract(recipients, '$[0]'), count(*) FROM outbox WHERE kind = 'confirmation' "
            "AND json_extract(recipients, '$[0]') LIKE 'load%' GROUP BY 1").fetchall())
    assert subscribers == (DISTINCT, DISTINCT)  # none lost, none doubled
    assert len(confirmations) == DISTINCT and set(confirmations.values()) == {1}
    print(f"\nload: {len(addresses)} signups ({DISTINCT} distinct) from {CLIENTS} clients in {elapsed:.1f} s "
          f"({len(addresses) / elapsed:.0f}/s), RSS {before:.0f} MB -> {after:.0f} MB")
    assert after - before < RSS_GROWTH_LIMIT_MB, (before, after)
