"""SIGKILL of `herald digest send` at random points of a 5,000-subscriber send (SQLite), each followed by a
rerun: every subscriber must receive each issue exactly once, apart from the documented acceptance
window (a message the server accepted in the instant before the killed run recorded it), which the
rerun must report as `resumed` and which is counted here, not hidden.

CI runs HERALD_FAULT_TRIALS trials (default 1, about a minute); `scripts/fault-trials` runs 20."""

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


def spooled(smtp):
    return len([name for name in os.listdir(smtp.spool) if name.endswith(".eml")])


def test_sigkill_at_random_points_then_rerun_delivers_every_subscriber_once(digest_herald, smtp, feed_path):
    add_subscribers(digest_herald, SUBSCRIBERS)
    chooser = random.Random(int(os.environ.get("HERALD_FAULT_SEED", "9")))
    items, report = [], []
    for trial in range(TRIALS):
        items.append((f"Story {trial}", f"https://news.example.org/{trial}", f"g-{trial}"))
        write_feed(feed_path, items)  # one new article per issue
        before = spooled(smtp)
        period = f"kill-{trial}"
        command = [BINARY, "digest", "send", "daily", "--period", period, "--config", digest_herald.config_path]
        process = subprocess.Popen(command, cwd=digest_herald.directory, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if trial == 1:
            point = "before sending"
            time.sleep(chooser.uniform(0.0, 0.4))  # while the issue and its deliveries are being created
        else:
            target = chooser.randint(1, SUBSCRIBERS - 10)
            point = f"after {target} messages"
            wait_for(lambda: spooled(smtp) - before >= target or process.poll() is not None, timeout=300,
                     interval=0.02, what=point)
        process.send_signal(signal.SIGKILL)
        process.wait()
        killed_at = spooled(smtp) - before
        result = digest(digest_herald, "send", "daily", "--period", period)
        wait_for(lambda: spooled(smtp) - before >= SUBSCRIBERS, timeout=120, what="the whole issue")
        time.sleep(0.3)
        messages = smtp.messages()[before:]
        counts = collections.Counter(rcpt for m in messages for rcpt in m.envelope["rcpt_tos"])
        resumed = int(re.search(r"resumed (\d+)", result.stdout).group(1))
        doubled = [rcpt for rcpt, n in counts.items() if n > 1]
        report.append(f"trial {trial}: killed {point} (at {killed_at} received), rerun resumed {resumed}, "
                      f"doubled {len(doubled)}")
        assert len(counts) == SUBSCRIBERS, (trial, report)  # nobody lost
        assert all(counts[r] == 2 for r in doubled), (trial, report)
        # Every duplicate is reported; at most the rows in flight (16: smtp_pool_size 4 × 4) are resumed.
        assert len(doubled) <= resumed <= 16, (trial, report, result.stdout)
        assert len({m["Message-ID"] for m in messages}) == SUBSCRIBERS  # a resent copy keeps its Message-ID
    print("\n" + "\n".join(report))
    total = sum(int(re.search(r"doubled (\d+)", line).group(1)) for line in report)
    print(f"{TRIALS} kills of a {SUBSCRIBERS}-subscriber send: nobody lost, {total} acceptance-window duplicate(s)")
