#!/usr/bin/python3
"""Parses one RFC 5322 message with Python's `email` package (policy=default) and prints JSON:

defects, subject, from/to/reply_to (display_name + addr_spec), message_id, date, content_type,
text and html (decoded part contents, line breaks normalised to LF), headers (name -> decoded
values), raw_header_lines, and the raw-byte invariants max_line_length / bare_line_breaks /
max_header_line_length. Usage: check_mail.py FILE
"""

import email
import email.policy
import json
import sys


def addresses(header):
    if header is None:
        return []
    return [{"display_name": a.display_name, "addr_spec": a.addr_spec} for a in header.addresses]


def all_defects(message):
    found = []
    for part in message.walk():
        found += [repr(d) for d in part.defects]
        for name, value in part.items():
            found += [f"{name}: {d!r}" for d in getattr(value, "defects", [])]
    return found


def decoded_part(message, subtype):
    part = message.get_body(preferencelist=(subtype,))
    if part is None or part.get_content_subtype() != subtype:
        return None
    return part.get_content().replace("\r\n", "\n")


def main():
    raw = open(sys.argv[1], "rb").read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    lines = raw.split(b"\r\n")
    header_block = raw.split(b"\r\n\r\n", 1)[0]
    stripped = raw.replace(b"\r\n", b"")
    result = {
        "defects": all_defects(message),
        "subject": str(message["Subject"]) if message["Subject"] is not None else None,
        "from": addresses(message["From"]),
        "to": addresses(message["To"]),
        "reply_to": addresses(message["Reply-To"]),
        "message_id": str(message["Message-ID"]) if message["Message-ID"] is not None else None,
        "date": message["Date"].datetime.isoformat() if message["Date"] is not None else None,
        "content_type": message.get_content_type(),
        "text": decoded_part(message, "plain"),
        "html": decoded_part(message, "html"),
        "headers": {name: [str(v) for v in message.get_all(name)] for name in dict.fromkeys(message.keys())},
        "raw_header_lines": header_block.decode("utf-8", "replace").split("\r\n"),
        "max_line_length": max(len(line) for line in lines),
        "max_header_line_length": max(len(line) for line in header_block.split(b"\r\n")),
        "bare_line_breaks": stripped.count(b"\r") + stripped.count(b"\n"),
        "ends_with_crlf": raw.endswith(b"\r\n"),
    }
    json.dump(result, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
