#!/usr/bin/env python3
"""Validates every line of a file with Python's email-validator, for scripts/bench-email.

Runs with check_deliverability=False (syntax only, like Herald) and writes one JSON object per
input to standard output (so the work matches `herald check-email --json`); prints the number
of valid inputs to standard error.

Usage: email_validate_python.py INPUT_FILE > results.jsonl
"""
import json
import sys

from email_validator import EmailNotValidError, validate_email


def main():
    out = sys.stdout
    valid = 0
    with open(sys.argv[1], encoding="utf-8", newline="\n") as lines:
        for line in lines:
            text = line[:-1] if line.endswith("\n") else line
            try:
                result = validate_email(text, check_deliverability=False)
                valid += 1
                out.write(json.dumps({"result": "valid", "address": result.normalized}) + "\n")
            except EmailNotValidError as error:
                out.write(json.dumps({"result": "invalid", "message": str(error)}) + "\n")
    print(valid, file=sys.stderr)


if __name__ == "__main__":
    main()
