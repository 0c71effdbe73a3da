#!/usr/bin/env python3
"""Validates every line of a file with Python's email-validator, for scripts/bench-email.

Runs with check_deliverability=False (syntax only, like Herald) and writes one JSON object per
input to standard output (so the work matches `herald check-email --json`). On standard error it
prints `valid=N validate_seconds=S`: S is the time spent in validate_email alone, after reading
the whole file and before writing anything (the in-process figure next to `check-email --measure`).

Usage: email_validate_python.py INPUT_FILE > results.jsonl
"""
import json
import sys
import time

from email_validator import EmailNotValidError, validate_email


def main():
    with open(sys.argv[1], encoding="utf-8", newline="\n") as lines:
        inputs = [line[:-1] if line.endswith("\n") else line for line in lines]
    results = []
    started = time.perf_counter()
    for text in inputs:
        try:
            results.append(validate_email(text, check_deliverability=False).normalized)
        except EmailNotValidError as error:
            results.append(error)
    seconds = time.perf_counter() - started
    valid = 0
    out = sys.stdout
    for result in results:
        if isinstance(result, str):
            valid += 1
            out.write(json.dumps({"result": "valid", "address": result}) + "\n")
        else:
            out.write(json.dumps({"result": "invalid", "message": str(result)}) + "\n")
    print(f"valid={valid} validate_seconds={seconds:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
