#!/usr/bin/env python3
"""Signup → confirmation latency, for scripts/bench-signup.

Joins the request times wrk's signup.lua wrote (DIR/sent-*.tsv: address, seconds) with the mail
smtp-sink dumped (-d: one file per accepted message, its modification time the moment the sink
had the whole message, its X-Rcpt-Args line the recipient). Prints one line:
`count=N delivered=D p50_ms=… p99_ms=… max_ms=…` over the requests whose confirmation arrived;
requests without one are counted in N but not in D.

Usage: confirmation_latency.py SENT_DIR MAIL_DIR
"""
import glob
import os
import re
import sys

RCPT = re.compile(rb"^X-Rcpt-Args: (?:TO:)?<([^>]+)>", re.MULTILINE | re.IGNORECASE)


def request_times(sent_dir):
    times = {}
    for path in glob.glob(os.path.join(sent_dir, "sent-*.tsv")):
        with open(path, encoding="ascii") as lines:
            for line in lines:
                address, _, seconds = line.rstrip("\n").partition("\t")
                if seconds:
                    times[address] = float(seconds)
    return times


def arrival_times(mail_dir):
    arrivals = {}
    for path in glob.glob(os.path.join(mail_dir, "**", "*"), recursive=True):
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as dump:
            head = dump.read(4096)
        match = RCPT.search(head)
        if match:
            arrivals[match.group(1).decode("ascii", "replace")] = os.stat(path).st_mtime_ns / 1e9
    return arrivals


def percentile(values, fraction):
    index = min(len(values) - 1, max(0, int(round(fraction * len(values) + 0.5)) - 1))
    return values[index]


def main():
    sent, arrived = request_times(sys.argv[1]), arrival_times(sys.argv[2])
    latencies = sorted((arrived[a] - t) * 1000 for a, t in sent.items() if a in arrived)
    if not latencies:
        print(f"count={len(sent)} delivered=0 p50_ms=nan p99_ms=nan max_ms=nan")
        return
    print(f"count={len(sent)} delivered={len(latencies)} p50_ms={percentile(latencies, 0.50):.1f} "
          f"p99_ms={percentile(latencies, 0.99):.1f} max_ms={latencies[-1]:.1f}")


if __name__ == "__main__":
    main()
