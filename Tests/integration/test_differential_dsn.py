"""The bounce report reader (HeraldMail/Reports, `herald bounces ingest`) against Python's email
package: the same reports read by `email.message_from_bytes` (its MIME structure, header unfolding
and delivery-status block parsing), with the documented per-recipient rules applied to what Python
read, give the same verdict for every recipient. Inputs: the committed report fixtures and fuzz
corpus, and seeded generated DSN and ARF reports (several recipients, folded fields, both address
types, angle brackets, every action, valid and malformed status codes, LF and CRLF, extra parts).

The rules (README "Bounces", DeliveryReportParser): per DSN recipient, Original-Recipient else
Final-Recipient (`rfc822;` or `utf-8;`, angle brackets dropped); status class 5 → hard, 4 → soft,
2 → none, unless the action is delivered/relayed/expanded (none); a missing or malformed status
(not `class.1-3 digits.1-3 digits`) counts by the action (failed → hard, delayed → soft). An ARF
report of type abuse, fraud or other is a complaint about Original-Rcpt-To, else the returned
message's To."""

import email
import email.parser
import email.policy
import random
import re

import parser_probe

NO_FAILURE = {"delivered", "relayed", "expanded"}


def unfold(value):
    """A field value as Herald's header reader has it: each physical line trimmed, joined by one space."""
    return " ".join(line.strip(" \t") for line in re.split(r"\r?\n", value))


def field(block, name):
    value = block.get(name)
    return None if value is None else unfold(str(value))


def recipient_address(value):
    if value is None or ";" not in value:
        return None
    kind, address = value.split(";", 1)
    if kind.strip(" \t").lower() not in ("rfc822", "utf-8"):
        return None
    address = address.strip(" \t")
    if address.startswith("<") and address.endswith(">"):
        address = address[1:-1].strip(" \t")
    return address or None


def status_class(status):
    match = re.fullmatch(r"([245])\.[0-9]{1,3}\.[0-9]{1,3}", status or "")
    return match.group(1) if match else None


def verdict(block):
    action = (field(block, "action") or "").strip(" \t").lower()
    status = field(block, "status")
    status = status.strip(" \t").split()[0] if status and status.strip(" \t") else status
    klass = status_class(status.strip(" \t") if status else None)
    if klass in ("4", "5"):
        return None if action in NO_FAILURE else ("hard" if klass == "5" else "soft")
    if klass == "2":
        return None
    return {"failed": "hard", "delayed": "soft"}.get(action)


def bare(value):
    text = value.strip(" \t")
    if "<" in text and ">" in text and text.rindex("<") < text.rindex(">"):
        text = text[text.rindex("<") + 1:text.rindex(">")].strip(" \t")
    return text or None


def encoded(part):
    """The decoded body of a message/* part sent base64 or quoted-printable (which RFC 2046 forbids for
    message/*, so the email package keeps it unparsed; Herald decodes it): decoded by the email
    package as it decodes a text part."""
    if (part.get("content-transfer-encoding") or "").strip().lower() not in ("base64", "quoted-printable"):
        return None
    flat = email.parser.BytesParser(policy=email.policy.compat32).parsebytes(part.as_bytes(), headersonly=True)
    return flat.get_payload(decode=True)


def header_blocks(part):
    """The field blocks of a delivery-status or feedback-report part, as the email package reads them."""
    body = encoded(part)
    if body is None:
        return part.get_payload()
    return [email.message_from_bytes(block, policy=email.policy.compat32)
            for block in re.split(rb"\r?\n[ \t]*\r?\n", body) if block.strip()]


def returned_recipient(part):
    """The To of the returned message (message/rfc822, or text/rfc822-headers read as a header)."""
    kind = part.get_content_type()
    if kind == "message/rfc822":
        return bare(field(part.get_payload()[0], "to") or "")
    if kind == "text/rfc822-headers":
        return bare(field(email.message_from_string(part.get_payload(), policy=email.policy.compat32), "to") or "")
    return None


def python_reading(data):
    """What the documented rules say about `data`, read by Python's email package."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if message.get_content_type() != "multipart/report":
        return {"error": "not_a_report"}
    if not message.get_boundary():
        return {"error": "malformed"}
    parts = message.get_payload()
    bounces, ignored, understood = [], 0, False
    for index, part in enumerate(parts if isinstance(parts, list) else []):
        kind = part.get_content_type()
        if kind == "message/delivery-status":
            understood = True
            for block in header_blocks(part)[1:]:
                address = recipient_address(field(block, "original-recipient")) or recipient_address(
                    field(block, "final-recipient"))
                if address is None:
                    continue
                found = verdict(block)
                if found is None:
                    ignored += 1
                else:
                    bounces.append([address, found])
        elif kind == "message/feedback-report":
            understood = True
            report = header_blocks(part)[0]
            feedback = (field(report, "feedback-type") or "").strip(" \t").lower()
            recipient = bare(field(report, "original-rcpt-to") or "")
            returned = parts[index + 1] if index + 1 < len(parts) else None
            if recipient is None and returned is not None:
                recipient = returned_recipient(returned)
            if recipient is not None and feedback in ("abuse", "fraud", "other"):
                bounces.append([recipient, "complaint"])
            else:
                ignored += 1
    return {"bounces": bounces, "ignored": ignored} if understood else {"error": "malformed"}


def generated(rng, count):
    statuses = ["5.1.1", "4.2.2", "2.0.0", "5.7.1 (policy)", "4.4.7", "5.0.x", "5..1", "4.7", "", "5.1234.1",
                "6.1.1", "2.1.5", "5.001.100"]
    actions = ["failed", "delayed", "delivered", "relayed", "expanded", "FAILED", " Delayed ", "", "unknown"]
    reports = []
    for number in range(count):
        boundary = rng.choice(["b1", "=_boundary 42", "----=_Part_0_1.2", "x" * 60])
        groups = []
        for recipient in range(rng.randint(1, 6)):
            address = f"user{number}.{recipient}@example.org"
            lines = []
            shown = rng.choice([address, f"<{address}>", f" < {address} > "])
            if rng.random() < 0.3:
                lines.append(f"Original-Recipient: {rng.choice(['rfc822', 'RFC822', 'utf-8'])};{shown}")
            lines.append(f"Final-Recipient: {rng.choice(['rfc822', 'rfc822', 'x-unknown', 'utf-8'])}; {shown}")
            action = rng.choice(actions)
            if action or rng.random() < 0.5:
                lines.append(f"Action: {action}")
            status = rng.choice(statuses)
            if status or rng.random() < 0.5:
                lines.append(f"Status: {status}" if rng.random() < 0.8 else f"Status:\n  {status}")
            lines.append("Diagnostic-Code: smtp; 550 5.1.1 <" + address + ">:\n    Recipient address rejected")
            groups.append("\n".join(lines))
        status_part = "Reporting-MTA: dns; mx.example.org\nArrival-Date: Thu, 3 Dec 2026 08:00:00 +0000\n\n" + \
            "\n\n".join(groups) + "\n"
        quoted = '"' if " " in boundary or "=" in boundary else ""
        text = (f"From: MAILER-DAEMON@example.org\nTo: bounces@news.example.org\nSubject: Undelivered\n"
                f"MIME-Version: 1.0\nContent-Type: multipart/report; report-type=delivery-status;\n"
                f"\tboundary={quoted}{boundary}{quoted}\n\nThis is a MIME report.\n\n"
                f"--{boundary}\nContent-Type: text/plain\n\nDelivery failed.\n\n"
                f"--{boundary}\nContent-Type: message/delivery-status\n\n{status_part}\n"
                f"--{boundary}\nContent-Type: text/rfc822-headers\n\nTo: someone@example.org\nSubject: hi\n\n"
                f"--{boundary}--\n")
        if number % 7 == 0:
            feedback = rng.choice(["abuse", "fraud", "other", "not-spam", "virus", "Abuse"])
            rcpt = f"Original-Rcpt-To: <arf{number}@example.org>\n" if rng.random() < 0.6 else ""
            text = (f"From: fbl@isp.example\nMIME-Version: 1.0\nContent-Type: multipart/report; "
                    f"report-type=feedback-report; boundary=\"{boundary}\"\n\n"
                    f"--{boundary}\nContent-Type: text/plain\n\nA complaint.\n\n"
                    f"--{boundary}\nContent-Type: message/feedback-report\n\nFeedback-Type: {feedback}\n"
                    f"User-Agent: isp-fbl/1.0\nVersion: 1\n{rcpt}\n"
                    f"--{boundary}\nContent-Type: message/rfc822\n\nFrom: news@example.org\n"
                    f"To: Reader <returned{number}@example.org>\nSubject: Issue\n\nBody\n\n--{boundary}--\n")
        if rng.random() < 0.5:
            text = text.replace("\n", "\r\n")
        reports.append(text.encode())
    return reports


def test_per_recipient_verdicts_equal_pythons_email_package():
    corpus = [data for _, data in parser_probe.corpus("Tests/fixtures/reports/*.eml")]
    corpus += [data for name, data in parser_probe.corpus("Fuzz/corpus/fuzz-dsn/*")
               if not name.endswith(("amplified-lines", "amplified-recipients"))]  # fuzzer-only encodings
    reports = corpus + generated(random.Random(14), 1500)
    answers = parser_probe.run("dsn", reports)
    mismatches = [(r, a, python_reading(r)) for r, a in zip(reports, answers) if a != python_reading(r)]
    assert not mismatches, "\n\n".join(f"{r[:300]!r}\nHerald: {a}\nPython: {p}" for r, a, p in mismatches[:5])
    kinds = {kind for answer in answers for _, kind in answer.get("bounces", [])}
    ignored = sum(answer.get("ignored", 0) for answer in answers)
    assert kinds == {"hard", "soft", "complaint"} and ignored > 500, (kinds, ignored)
