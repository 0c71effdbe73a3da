"""A relay that stops answering in the middle of a digest (issue #16): after `relay_stall_limit`
consecutive failures of one kind the run stops claiming, lets the messages in flight time out,
records their state and exits 1 with one line naming the relay and the reason, within a minute
instead of waiting out the timeout of every remaining message; the rerun, once the relay answers
again, finishes the issue with each subscriber served exactly once."""

import collections
import os
import subprocess
import time

from conftest import BINARY, Herald, save_output
from stalling_smtp import StallingSMTPServer
from test_digest import add_subscribers, write_feed

SUBSCRIBERS = 400


def test_a_relay_that_goes_silent_mid_digest_ends_the_run_quickly_and_the_rerun_finishes(workdir):
    relay = StallingSMTPServer(silent_after=60)
    feed = os.path.join(workdir, "feed.xml")
    write_feed(feed, [("Stall", "https://news.example.org/stall", "g-stall")])
    herald = Herald(workdir, relay.port, {
        "smtp_timeout_seconds": 3, "relay_stall_limit": 5, "smtp_pool_size": 4,
        "newsletters": [{"slug": "daily", "title": "Daily", "time_zone": "UTC", "digest_feed": feed}]})
    herald.stop()  # only the digest command talks to the relay here
    add_subscribers(herald, SUBSCRIBERS)
    command = [BINARY, "digest", "send", "daily", "--period", "stall", "--config", herald.config_path]
    try:
        started = time.time()
        first = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=300)
        elapsed = time.time() - started
        assert first.returncode == 1, first.stdout + first.stderr
        assert elapsed < 60, f"the stalled run took {elapsed:.0f} s"
        [line] = [line for line in first.stdout.splitlines() if line.startswith("digest ")]
        save_output("relay-stall-run.txt", f"{elapsed:.1f} s, exit {first.returncode}\n{line}\n")
        assert f"stopped early: relay 127.0.0.1:{relay.port} stopped answering" in line, line
        assert "consecutive failures (no answer (timed out))" in line and "incomplete" in line
        accepted_first = list(relay.accepted)
        assert len(accepted_first) == 60
        with herald.db() as db:
            states = dict(db.execute("SELECT state, count(*) FROM digest_deliveries GROUP BY state").fetchall())
        # The state is recorded: the messages in flight timed out and the untried rest was put back,
        # all deferred, so the rerun takes them at once (no claim left to expire).
        assert states == {"sent": 60, "deferred": SUBSCRIBERS - 60}, states
    finally:
        relay.stop()

    relay = StallingSMTPServer(port=relay.port)  # the relay answers again
    try:
        again = subprocess.run(command, cwd=workdir, capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stdout + again.stderr
        assert "completed" in again.stdout
        counts = collections.Counter(accepted_first + relay.accepted)
        assert len(counts) == SUBSCRIBERS and set(counts.values()) == {1}, counts.most_common(3)
    finally:
        relay.stop()
