#!/usr/bin/env python3
"""Compares Herald's and Python email-validator's verdicts on the same inputs, for scripts/bench-email.

Reads the inputs and both JSON-lines outputs (`herald check-email --json`, email_validate_python.py),
prints `RESULT email_agreement total=N agree=A both_valid=… herald_only=… python_only=…
normalized_differ=…`, then the largest groups of disagreements, each with a count and one
example input, so every difference can be traced to a documented policy.

Usage: email_compare.py INPUTS HERALD_JSONL PYTHON_JSONL
"""
import collections
import json
import re
import sys


def python_reason(message):
    """The error message with the input's own text taken out, so equal causes group together."""
    message = re.sub(r"[^\s]*[@.][^\s]*", "…", message)
    return re.sub(r": .*$", "", message)[:90]


def main():
    with open(sys.argv[1], encoding="utf-8", newline="\n") as f:
        inputs = [line.rstrip("\n") for line in f]
    with open(sys.argv[2], encoding="utf-8") as f:
        herald = [json.loads(line) for line in f]
    with open(sys.argv[3], encoding="utf-8") as f:
        python = [json.loads(line) for line in f]
    if not len(inputs) == len(herald) == len(python):
        sys.exit(f"line counts differ: inputs {len(inputs)}, herald {len(herald)}, python {len(python)}")
    counts = collections.Counter()
    groups = collections.Counter()
    examples = {}
    for text, h, p in zip(inputs, herald, python):
        h_valid, p_valid = h["result"] == "valid", p["result"] == "valid"
        if h_valid and p_valid:
            # Herald's address is the SMTP form (IDN domains as A-labels); `display` keeps the
            # Unicode form that email-validator returns as `normalized`.
            same = p["address"] in (h["address"], h.get("display"))
            counts["both_valid"] += 1
            counts["agree" if same else "normalized_differ"] += 1
            key = None if same else ("valid, other normalization", "valid")
        elif not h_valid and not p_valid:
            counts["agree"] += 1
            counts["both_invalid"] += 1
            key = None
        elif h_valid:
            counts["herald_only"] += 1
            key = ("valid", python_reason(p["message"]))
        else:
            counts["python_only"] += 1
            key = (h["code"], "valid")
        if key:
            groups[key] += 1
            examples.setdefault(key, (text, h.get("address"), p.get("address")))
    total = len(inputs)
    print(f"RESULT email_agreement total={total} agree={counts['agree']} agree_pct={100 * counts['agree'] / total:.3f} "
          f"both_valid={counts['both_valid']} both_invalid={counts['both_invalid']} "
          f"herald_only={counts['herald_only']} python_only={counts['python_only']} "
          f"normalized_differ={counts['normalized_differ']}")
    for (herald_side, python_side), count in groups.most_common(12):
        text, h_addr, p_addr = examples[(herald_side, python_side)]
        detail = f" herald={h_addr!r} python={p_addr!r}" if herald_side.startswith("valid,") else ""
        print(f"DIFF count={count} herald={herald_side!r} python={python_side!r} example={text!r}{detail}")


if __name__ == "__main__":
    main()
