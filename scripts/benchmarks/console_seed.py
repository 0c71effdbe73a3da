"""Seeds a migrated Herald database for scripts/bench-console: newsroom-sized tables.

SUBSCRIBERS people over two newsletters (everyone on `daily`, every other one on `weekly`), their
subscriptions in mixed states (confirmed, pending, unsubscribed), EVENTS consent events spread over
the last 400 days (signups, confirmations, unsubscribes, preference changes), plus a few hundred
outbox rows (sent, pending, failed, deferred), audit entries and digest issues with deliveries.
Deterministic (seeded). Times are Unix milliseconds, as Herald stores them.

    python3 console_seed.py sqlite DATABASE SUBSCRIBERS EVENTS
    python3 console_seed.py csv FOLDER SUBSCRIBERS EVENTS     (CSV files for PostgreSQL's COPY, then extras.sql)
"""

import csv
import os
import random
import sqlite3
import sys
import time

DAY = 86_400_000
NOW = int(time.time() * 1000)
START = NOW - 400 * DAY
DOMAINS = ["gmail.com", "ukr.net", "outlook.com", "proton.me", "i.ua", "gmx.de", "kyivindependent.com"]
NAMES = ["anna", "bohdan", "olena", "taras", "iryna", "maksym", "sofia", "dmytro", "jane", "john"]
AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Safari/537.36"
SUBSCRIBER_COLUMNS = "id, email, smtp_address, canonical_key, name, attributes, created_at, updated_at"
SUBSCRIPTION_COLUMNS = "subscriber_id, newsletter, status, created_at, updated_at, confirmed_at, unsubscribed_at"
EVENT_COLUMNS = "id, subscriber_id, newsletter, action, ip, user_agent, source, occurred_at"


def people(count, events):
    """Yields (subscriber, [subscriptions], [events]) with `events` events in all, spread evenly."""
    rng = random.Random(15)
    per, extra = divmod(events, count)
    event_id = 0
    for i in range(1, count + 1):
        created = START + (i * 400 * DAY) // (count + 1) + rng.randrange(DAY // 2)
        address = f"{rng.choice(NAMES)}.reader{i}@{rng.choice(DOMAINS)}"
        subscriber = (i, address, address, address, rng.choice(NAMES).title(), "{}", created, created)
        subscriptions, log = [], []
        remaining = per + (1 if i <= extra else 0)
        for newsletter in ("daily", "weekly") if i % 2 else ("daily",):
            roll = rng.random()
            status = "pending" if roll < 0.12 else "unsubscribed" if roll < 0.25 else "confirmed"
            confirmed = created + rng.randrange(60_000, DAY) if status != "pending" else None
            gone = min(NOW - 1, confirmed + rng.randrange(DAY, 60 * DAY)) if status == "unsubscribed" else None
            subscriptions.append((i, newsletter, status, created, gone or confirmed or created, confirmed, gone))
            steps = [("signup", created)] + ([("confirm", confirmed)] if confirmed else [])
            steps += [("unsubscribe", gone)] if gone else []
            for action, at in steps:
                if remaining > 0:
                    log.append((action, newsletter, at))
                    remaining -= 1
        while remaining > 0:
            log.append(("preference_change", "daily", min(NOW - 1, created + rng.randrange(1, 30 * DAY))))
            remaining -= 1
        rows = []
        for action, newsletter, at in log:
            event_id += 1
            rows.append((event_id, i, newsletter, action, f"203.0.113.{i % 250}", AGENT, "form", at))
        yield subscriber, subscriptions, rows


def extras(dialect, count):
    """SQL for the small tables: outbox, audit log, digest issues and their deliveries."""
    blob = (lambda text: f"X'{text.encode().hex()}'") if dialect == "sqlite" else (
        lambda text: f"'\\x{text.encode().hex()}'::bytea")
    truth = ("1", "0") if dialect == "sqlite" else ("TRUE", "FALSE")
    lines = []
    for n in range(1, 401):
        state = ["sent", "sent", "pending", "failed"][n % 4]
        attempts = 0 if state == "sent" else n % 3
        result = "'451 4.7.1 try again later'" if attempts else "NULL"
        at = NOW - (400 - n) * 60_000
        lines.append(
            f"INSERT INTO outbox (kind, subscriber_id, sender, recipients, smtputf8, data, state, attempts, created_at,"
            f" next_attempt_at, last_result) VALUES ('confirmation', {n}, 'news@example.org',"
            f" '[\"reader{n}@example.org\"]', {truth[1]}, {blob(f'Subject: Confirm {n}' + chr(13) + chr(10))},"
            f" '{state}', {attempts}, {at}, {NOW + 7 * DAY}, {result});")
    for n in range(1, 2001):
        action = ["subscription.change", "subscriber.erase", "subscriber.export", "outbox.retry"][n % 4]
        lines.append(
            f"INSERT INTO audit_log (actor, action, target, detail, occurred_at) VALUES"
            f" ('{['editor', 'audience', 'ops'][n % 3]}', '{action}', 'subscriber:{n}', '{{}}',"
            f" {NOW - (2000 - n) * 3_600_000});")
    for n in range(1, 21):
        newsletter = "daily" if n % 2 else "weekly"
        at = NOW - (21 - n) * DAY
        lines.append(
            f"INSERT INTO digest_issues (id, newsletter, period, articles, created_at, completed_at) VALUES"
            f" ({n}, '{newsletter}', 'bench-{n}', '[{{\"title\":\"One\",\"link\":\"https://news.example.org/{n}\"}}]',"
            f" {at}, {at + 3_600_000 if n < 20 else 'NULL'});")
        lines.append(
            f"INSERT INTO digest_deliveries (issue_id, subscriber_id, state, attempts, result, updated_at)"
            f" SELECT {n}, subscriber_id, CASE WHEN subscriber_id % 50 = 0 THEN 'failed' WHEN subscriber_id % 31 = 0"
            f" THEN 'deferred' ELSE 'sent' END, 1, NULL, {at} FROM subscriptions WHERE newsletter = '{newsletter}'"
            f" AND status = 'confirmed' AND subscriber_id <= {min(count, 5000)};")
    return "\n".join(lines) + "\n"


def seed_sqlite(path, count, events):
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF;")
    batch = ([], [], [])
    db.execute("BEGIN")

    def flush():
        db.executemany(f"INSERT INTO subscribers ({SUBSCRIBER_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", batch[0])
        db.executemany(f"INSERT INTO subscriptions ({SUBSCRIPTION_COLUMNS}) VALUES (?,?,?,?,?,?,?)", batch[1])
        db.executemany(f"INSERT INTO consent_events ({EVENT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?)", batch[2])
        for rows in batch:
            rows.clear()

    for subscriber, subscriptions, log in people(count, events):
        batch[0].append(subscriber)
        batch[1].extend(subscriptions)
        batch[2].extend(log)
        if len(batch[0]) >= 20_000:
            flush()
    flush()
    db.execute("COMMIT")
    # The insert trigger queued every subscriber for the search index (migration 23), which `herald
    # serve` would otherwise work through while the console is timed: index them here in one pass,
    # as migration 17 built the index for subscribers already there.
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'subscriber_trigrams_pending'").fetchone():
        db.executescript("""
            INSERT OR IGNORE INTO subscriber_trigrams (trigram, subscriber_id)
                SELECT DISTINCT substr(s.canonical_key, p.position, 3), s.id
                FROM subscriber_trigrams_pending q JOIN subscribers s ON s.id = q.subscriber_id
                JOIN trigram_positions p ON p.position <= length(s.canonical_key) - 2;
            DELETE FROM subscriber_trigrams_pending;""")
    db.executescript(extras("sqlite", count))
    db.execute("ANALYZE")
    db.close()


def seed_csv(folder, count, events):
    files = [open(os.path.join(folder, name + ".csv"), "w", newline="", encoding="utf-8")
             for name in ("subscribers", "subscriptions", "consent_events")]
    writers = [csv.writer(f) for f in files]
    for subscriber, subscriptions, log in people(count, events):
        writers[0].writerow(subscriber)
        writers[1].writerows(subscriptions)
        writers[2].writerows(log)
    for f in files:
        f.close()
    with open(os.path.join(folder, "extras.sql"), "w", encoding="utf-8") as f:
        f.write(extras("postgres", count))


def main():
    mode, target, count, events = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    (seed_sqlite if mode == "sqlite" else seed_csv)(target, count, events)


if __name__ == "__main__":
    main()
