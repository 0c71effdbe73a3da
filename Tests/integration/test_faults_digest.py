"""SIGKILL of `herald digest send` at 20 random points of a 5,000-subscriber send (SQLite), each kill
followed by a rerun (which the next kill interrupts in turn; the last rerun finishes the issue): every
subscriber must receive the issue exactly once, apart from the documented acceptance window — a
message the server accepted in the instant before the killed run recorded it. Those rows are read
from the database right after each kill (state `sending`, with the run that claimed them), and an
address gets one extra copy at most for each run that was killed with its row in flight: a rerun that
resends a row and is killed in turn before recording it (two kills a few messages apart) opens a second
window for the same address. The finishing run must report the rows it resumed.

CI runs HERALD_FAULT_TRIALS trials (default 1: one issue, 20 kills, about two minutes);
`scripts/fault-trials` runs more (each trial is a new issue of the same list)."""

import collections
import os
import random
import re
import signal
import subprocess
import time

from conftest import BINARY, wait_for
from test_digest import add_subscribers, digest, digest_herald, feed_path, write_feed  # noqa: F401 (fixtures)

SUBSCRIBERS = int(os.environ.get("HERALD_FAULT_SUBSCRIBERS", "5000"))
TRIALS = int(os.environ.get("HERALD_FAULT_TRIALS", "1"))
KILLS = int(os.environ.get("HERALD_FAULT_KILLS", "20"))
IN_FLIGHT = 4  # --concurrency defaults to smtp_pool_size (4): the most rows one run has `sending`


def spooled(smtp):
    return len([name for name in os.listdir(smtp.spool) if name.endswith(".eml")])


def in_acceptance_window(herald, period):
    """(address, claiming run) of the rows a killed run left `sending`: the server may or may not have
    accepted them. A row still `sending` under an earlier run's claim is the same window, not a new one."""
    with herald.db() as db:
        return {(email.lower(), claimed_by) for (email, claimed_by) in db.execute(
            "SELECT s.email, d.claimed_by FROM digest_deliveries d JOIN digest_issues i ON i.id = d.issue_id "
            "JOIN subscribers s ON s.id = d.subscriber_id WHERE i.period = ? AND d.state = 'sending'", (period,))}


def read(path):
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def kill_points(chooser):
    """The first kill lands in the first 0.4 s (while the issue and its rows are being created), the
    others after a random number of received messages, in increasing order."""
    return ["early"] + sorted(chooser.sample(range(1, SUBSCRIBERS - 10), KILLS - 1))


def run_trial(herald, smtp, feed_path, chooser, trial, items):
    items.append((f"Story {trial}", f"https://news.example.org/{trial}", f"g-{trial}"))
    write_feed(feed_path, items)  # one new article per issue
    before = spooled(smtp)
    period = f"kill-{trial}"
    command = [BINARY, "digest", "send", "daily", "--period", period, "--config", herald.config_path]
    window, kills, logs, added = set(), [], [], []
    for number, point in enumerate(kill_points(chooser)):
        logs.append(os.path.join(herald.directory, f"{period}-run-{number}.log"))
        with open(logs[-1], "wb") as log:
            process = subprocess.Popen(command, cwd=herald.directory, stdout=subprocess.DEVNULL, stderr=log)
        if point == "early":
            time.sleep(chooser.uniform(0.0, 0.4))
        else:
            wait_for(lambda: spooled(smtp) - before >= point or process.poll() is not None, timeout=300,
                     interval=0.01, what=f"{point} messages")
        process.send_signal(signal.SIGKILL)
        process.wait()
        sending = in_acceptance_window(herald, period)
        # Rows of earlier killed runs stay `sending` until a rerun takes them over; this run adds at most
        # the messages it had in flight.
        assert len(sending - window) <= IN_FLIGHT, (trial, point, len(sending - window))
        added.append(len(sending - window))
        window |= sending
        kills.append(spooled(smtp) - before)
    result = digest(herald, "send", "daily", "--period", period)
    wait_for(lambda: spooled(smtp) - before >= SUBSCRIBERS, timeout=120, what="the whole issue")
    time.sleep(0.3)
    messages = smtp.messages()[before:]
    counts = collections.Counter(rcpt.lower() for m in messages for rcpt in m.envelope["rcpt_tos"])
    doubled = {rcpt for rcpt, n in counts.items() if n > 1}
    windows = collections.Counter(address for address, _ in window)  # killed runs that had the row in flight
    resumed = int(re.search(r"resumed (\d+)", result.stdout).group(1))
    warned = sum(int(n) for path in logs for n in re.findall(r"messages=(\d+)[^\n]*possible duplicates", read(path)))
    warned += sum(int(n) for n in re.findall(r"messages=(\d+)[^\n]*possible duplicates", result.stderr))
    extra = sum(n - 1 for n in counts.values())
    line = (f"trial {trial}: {len(kills)} kills at {kills} received; {len(window)} acceptance windows on "
            f"{len(windows)} addresses (new per kill: {added}), {len(doubled)} doubled, {extra} extra copies, "
            f"{warned} resends warned of, finishing run resumed {resumed}")
    assert len(counts) == SUBSCRIBERS, line  # nobody lost
    # Only in a window, and one extra copy at most per killed run that had the row in flight.
    assert all(counts[r] - 1 <= windows[r] for r in doubled), (line, {r: (counts[r], windows[r]) for r in doubled})
    assert resumed <= len(window), (line, result.stdout)
    assert extra <= warned, line  # every possible duplicate was announced before it was sent
    assert len({m["Message-ID"] for m in messages}) == SUBSCRIBERS, line  # a resent copy keeps its Message-ID
    return line, len(doubled)


def test_sigkill_at_20_random_points_each_followed_by_a_rerun_delivers_every_subscriber_once(
        digest_herald, smtp, feed_path):
    add_subscribers(digest_herald, SUBSCRIBERS)
    seed = int(os.environ.get("HERALD_FAULT_SEED", "9"))
    chooser = random.Random(seed)
    items, report, doubled = [], [], 0
    for trial in range(TRIALS):
        line, count = run_trial(digest_herald, smtp, feed_path, chooser, trial, items)
        report.append(line)
        doubled += count
    print("\n" + "\n".join(report))
    print(f"seed {seed}: {TRIALS} trial(s) × {KILLS} kills of a {SUBSCRIBERS}-subscriber send: nobody lost, "
          f"{doubled} acceptance-window duplicate(s), each in a recorded window")
