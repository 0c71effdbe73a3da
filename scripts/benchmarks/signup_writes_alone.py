#!/usr/bin/env python3
"""What SQLite alone takes for the statements of a signup, on Herald's schema, with nothing else running.

Issue #21 target 2 asks for signups at 0.3 of the same server's `/healthz`. Herald commits every signup
on one SQLite writer, so the writer's time per signup bounds the rate whatever the HTTP side costs.
This runs the statements Herald's server ran per signup under load (counted with
scripts/benchmarks/sqlite_step_count.c; BENCHMARKS.md, "statements per signup") through Python's
sqlite3 on the system's libsqlite3 (the library Herald links), with Herald's pragmas, against a database
`herald migrate` made:

  per signup, in its own savepoint (`herald_job`) of a grouped transaction: the subscriber looked up
  by key, the suppression list, the uniform-time rehearsal's savepoint, the subscriber inserted (the
  search index's trigger included unless --no-search-index) and read back twice, the subscription
  looked up and inserted, the consent event, the confirmation token, the two throttle counts, and
  the outbox row with a 3,000-byte message;
  then, as the outbox worker does, the group's rows claimed (`sending`) in one transaction and
  marked `sent` (message bytes dropped) in another.

Prints signups/s and µs per signup for each group size (signups per transaction; under load
Herald's group commit reached about 2 jobs per transaction). Python adds its own cost per statement,
so each line also gives the time the same number of `SELECT 1` calls take from Python
(`python_us_per_signup`) and what is left without it (`sqlite_us_per_signup`, the figure to compare).

  herald migrate --config C        # a fresh database, e.g. sqlite:/tmp/w/herald.sqlite
  /usr/bin/python3 scripts/benchmarks/signup_writes_alone.py /tmp/w/herald.sqlite 20000 1 2 4 8 [--no-search-index]

The database is changed (signups added); use a throwaway copy.
"""
import os
import sqlite3
import sys
import time

SUBSCRIBER_COLUMNS = "id, email, smtp_address, canonical_key, name, attributes, created_at, updated_at, language"
MESSAGE = os.urandom(1500).hex().encode()


def connect(path):
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.executescript(
        "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; "
        "PRAGMA temp_store = FILE; PRAGMA secure_delete = ON;")
    return db


def signup(db, number, now):
    address = f"reader.{number}.{number * 7919 % 100003}@example{number % 97}.org"
    db.execute("SAVEPOINT herald_job")
    db.execute(f"SELECT {SUBSCRIBER_COLUMNS} FROM subscribers WHERE canonical_key = ?", (address,)).fetchall()
    db.execute("SELECT address_hash, reason, detail, created_at FROM suppressions WHERE address_hash = ?",
               (f"{number:064x}",)).fetchall()
    db.execute("SAVEPOINT herald_discarded")
    db.execute("ROLLBACK TO herald_discarded")
    db.execute("RELEASE herald_discarded")
    subscriber = db.execute(
        "INSERT INTO subscribers (email, smtp_address, canonical_key, name, attributes, created_at, updated_at, "
        "language) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (address, address, address, None, "{}", now, now, "en")).lastrowid
    for _ in range(2):
        db.execute(f"SELECT {SUBSCRIBER_COLUMNS} FROM subscribers WHERE id = ?", (subscriber,)).fetchall()
    db.execute("SELECT subscriber_id, newsletter, status, created_at, updated_at, confirmed_at, unsubscribed_at "
               "FROM subscriptions WHERE subscriber_id = ? AND newsletter = ?", (subscriber, "daily")).fetchall()
    db.execute("INSERT INTO subscriptions (subscriber_id, newsletter, status, created_at, updated_at, confirmed_at, "
               "unsubscribed_at) VALUES (?, ?, 'pending', ?, ?, NULL, NULL)", (subscriber, "daily", now, now))
    db.execute("INSERT INTO consent_events (subscriber_id, newsletter, action, ip, user_agent, source, occurred_at) "
               "VALUES (?, ?, 'subscribe', '127.0.0.1', 'wrk', 'form', ?)", (subscriber, "daily", now))
    db.execute("INSERT INTO tokens (hash, purpose, subscriber_id, newsletter, created_at, expires_at, used_at, "
               "pending_name) VALUES (?, 'confirm', ?, ?, ?, ?, NULL, NULL)",
               (os.urandom(32).hex(), subscriber, "daily", now, now + 86_400_000))
    for _ in range(2):
        db.execute("SELECT count(*) FROM outbox WHERE throttle_key = ? AND kind = ? AND created_at >= ?",
                   (address, "confirmation", now - 3_600_000)).fetchall()
    outbox = db.execute(
        "INSERT INTO outbox (kind, subscriber_id, throttle_key, sender, recipients, smtputf8, data, state, attempts, "
        "created_at, next_attempt_at) VALUES ('confirmation', ?, ?, 'news@example.org', ?, 0, ?, 'pending', 0, ?, ?)",
        (subscriber, address, f'["{address}"]', MESSAGE, now, now)).lastrowid
    db.execute("RELEASE herald_job")
    return outbox


def run(db, count, group, first):
    start = time.perf_counter()
    for at in range(first, first + count, group):
        now = int(time.time() * 1000)
        db.execute("BEGIN IMMEDIATE")
        mails = [signup(db, number, now) for number in range(at, min(at + group, first + count))]
        db.execute("COMMIT")
        db.execute("BEGIN IMMEDIATE")
        for mail in mails:
            db.execute("UPDATE outbox SET state = 'sending', next_attempt_at = ?, lease_owner = 'bench' WHERE id = ?",
                       (now + 60_000, mail))
        db.execute("COMMIT")
        db.execute("BEGIN IMMEDIATE")
        for mail in mails:
            db.execute("UPDATE outbox SET state = 'sent', sent_at = ?, attempts = attempts + 1, last_result = ?, "
                       "data = X'', lease_owner = NULL WHERE id = ?", (now, "250 2.0.0 Ok", mail))
        db.execute("COMMIT")
    return time.perf_counter() - start


def statements_per_signup(group):
    """Statement calls per signup in `run`: 17 in `signup`, two outbox updates, three BEGIN/COMMIT pairs."""
    return 17 + 2 + 6 / group


def python_cost(db, count, group):
    """Seconds Python's sqlite3 takes for as many trivial statement calls as `count` signups make."""
    calls = int(count * statements_per_signup(group))
    start = time.perf_counter()
    for _ in range(calls):
        db.execute("SELECT 1").fetchall()
    return time.perf_counter() - start


def main():
    arguments = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(arguments) < 3:
        sys.exit(__doc__)
    path, count, groups = arguments[0], int(arguments[1]), [int(g) for g in arguments[2:]]
    db = connect(path)
    if "--no-search-index" in sys.argv:
        db.execute("DROP TRIGGER IF EXISTS subscriber_trigrams_insert")
    db.execute("INSERT OR IGNORE INTO newsletters (slug, title) VALUES ('daily', 'Daily')")
    first = 1 + db.execute("SELECT coalesce(max(id), 0) FROM subscribers").fetchone()[0]
    for group in groups:
        cpu = time.process_time()
        seconds = run(db, count, group, first)
        cpu = time.process_time() - cpu
        first += count
        python = python_cost(db, count, group)
        print(f"RESULT signup_writes signups={count} group={group} "
              f"search_index={'no' if '--no-search-index' in sys.argv else 'yes'} per_s={count / seconds:.0f} "
              f"us_per_signup={seconds / count * 1e6:.1f} cpu_us_per_signup={cpu / count * 1e6:.1f} "
              f"python_us_per_signup={python / count * 1e6:.1f} "
              f"sqlite_us_per_signup={(seconds - python) / count * 1e6:.1f} "
              f"sqlite_per_s={count / (seconds - python):.0f}")


if __name__ == "__main__":
    main()
