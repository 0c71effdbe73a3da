#!/usr/bin/env python3
"""search_index_alternatives.py [ROWS]: what a subscriber search index costs a bulk insert in SQLite, by design
(issue #21 target 3). Not Herald: Python's sqlite3 on the system's libsqlite3 (the one Herald links), so the
figures are the storage engine's ceiling for each design, without Herald's parsing, validation and checks.

Inserts ROWS (default 1,000,000) generated subscribers, as `scripts/benchmarks/import_generate.py` shapes their
addresses, in transactions of 5,000 (Herald's import batch) into a fresh WAL database with synchronous=NORMAL
and a 4 MiB page cache (Herald's import connection), once per design:
  none    the subscribers table with its unique key, no search index;
  btree   plus Herald's design since #15: one (trigram, subscriber_id) row per distinct three-character piece
          of the key in a WITHOUT ROWID table, each batch's pieces inserted sorted by piece (as the import
          writes them since #21);
  fts5    plus a contentless FTS5 table with the trigram tokenizer (posting lists), one row per subscriber;
  fts5+optimize  the same, and the erasure below also rewrites the whole index ('optimize'), timed.
Prints rows/s, the database's size, and how long a search for a rare fragment takes in each (median of 20; for
btree as Herald searches: the rarest of the fragment's pieces walked in id order, each address checked).

Then erases one person as Herald does (`secure_delete` on from the start, as Herald's connections run; the btree's
rows deleted, FTS5's contentless 'delete' command; then a checkpoint) and counts how many of the pieces only that person's address has are still in the
database file: an erasure must leave none (SECURITY.md). The person is inserted with the first batch, so the
pieces sit in the oldest part of each index."""
import os, random, sqlite3, statistics, sys, tempfile, time

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
BATCH = 5000
FIRST = ["anna", "bohdan", "olena", "taras", "iryna", "maksym", "sofia", "dmytro", "jane", "john", "zoë", "jürgen"]
LAST = ["shevchenko", "kovalenko", "bondarenko", "smith", "garcia", "müller", "rossi", "nowak", "ivanova", "silva"]
DOMAINS = ["gmail.com", "ukr.net", "outlook.com", "proton.me", "i.ua", "example.org", "gmx.de", "icloud.com"]


ERASED = "щедрик.ґава@приклад.укр"  # the person erased: Cyrillic, so each piece is 6 bytes no other content makes by chance


def keys():
    rng = random.Random(8)
    yield ERASED
    for i in range(ROWS - 1):
        yield f"{rng.choice(FIRST)}.{rng.choice(LAST)}.{i}@{rng.choice(DOMAINS)}"


def pieces(key):
    return {key[i:i + 3] for i in range(len(key) - 2)}


def build(design, folder):
    path = os.path.join(folder, f"{design}.sqlite".replace("+", "-"))
    db = sqlite3.connect(path, isolation_level=None)
    db.executescript("""
        PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -4096; PRAGMA secure_delete = ON;
        CREATE TABLE subscribers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, canonical_key TEXT NOT NULL UNIQUE,
                                  created_at INTEGER NOT NULL);""")
    if design == "btree":
        db.execute("CREATE TABLE subscriber_trigrams (trigram TEXT NOT NULL, subscriber_id INTEGER NOT NULL, "
                   "PRIMARY KEY (trigram, subscriber_id)) WITHOUT ROWID")
    elif design.startswith("fts5"):
        db.execute("CREATE VIRTUAL TABLE subscriber_search USING fts5(canonical_key, content='', "
                   "tokenize='trigram')")
    started, cpu = time.perf_counter(), time.process_time()
    batch, next_id, others = [], 1, set()
    for key in keys():
        if key != ERASED:
            others |= pieces(key)
        batch.append((next_id, key, key, 0))
        next_id += 1
        if len(batch) == BATCH:
            write(db, design, batch)
            batch = []
    if batch:
        write(db, design, batch)
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = os.path.getsize(path) / 2**20
    return db, ROWS / wall, cpu, size, sorted(pieces(ERASED) - others)


def pieces_in_file(path, rare):
    with open(path, "rb") as file:
        data = file.read()
    return sum(1 for piece in rare if piece.encode() in data)


def erase(db, design, path, rare):
    """Erases the person with id 1 as Herald does; returns how many of `rare` the file held before and after.

    FTS5 stores a term after the bytes it shares with the term before it (prefix compression), so a piece it
    holds is not always found whole: its "before" count says how many a byte search can see."""
    before = pieces_in_file(path, rare)
    db.execute("BEGIN")
    db.execute("DELETE FROM subscribers WHERE id = 1")
    if design == "btree":
        db.execute("DELETE FROM subscriber_trigrams WHERE subscriber_id = 1")
    elif design.startswith("fts5"):
        db.execute("INSERT INTO subscriber_search (subscriber_search, rowid, canonical_key) VALUES ('delete', 1, ?)",
                   (ERASED,))
    started = time.perf_counter()
    if design == "fts5+optimize":
        db.execute("INSERT INTO subscriber_search (subscriber_search) VALUES ('optimize')")
    rewrite_s = time.perf_counter() - started
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return before, pieces_in_file(path, rare), rewrite_s


def write(db, design, batch):
    db.execute("BEGIN")
    db.executemany("INSERT INTO subscribers (id, email, canonical_key, created_at) VALUES (?, ?, ?, ?)", batch)
    if design == "btree":
        rows = sorted((piece, row[0]) for row in batch for piece in pieces(row[2]))
        db.executemany("INSERT INTO subscriber_trigrams (trigram, subscriber_id) VALUES (?, ?)", rows)
    elif design.startswith("fts5"):
        db.executemany("INSERT INTO subscriber_search (rowid, canonical_key) VALUES (?, ?)",
                       [(row[0], row[2]) for row in batch])
    db.execute("COMMIT")


def search_ms(db, design):
    fragment = "o.777"
    if design == "none":
        query, args = "SELECT id FROM subscribers WHERE instr(canonical_key, ?) > 0 LIMIT 50", (fragment,)
    elif design == "btree":  # as Herald searches: walk the rarest piece's ids, check each address
        counts = {piece: db.execute("SELECT count(*) FROM (SELECT 1 FROM subscriber_trigrams WHERE trigram = ? "
                                    "LIMIT 10000)", (piece,)).fetchone()[0] for piece in pieces(fragment)}
        query = ("SELECT s.id FROM subscriber_trigrams g CROSS JOIN subscribers s WHERE g.trigram = ? "
                 "AND s.id = g.subscriber_id AND instr(s.canonical_key, ?) > 0 ORDER BY g.subscriber_id LIMIT 50")
        args = (min(counts, key=counts.get), fragment)
    else:  # both FTS5 designs
        query, args = "SELECT rowid FROM subscriber_search WHERE canonical_key MATCH ? LIMIT 50", (f'"{fragment}"',)
    times = []
    for _ in range(20):
        started = time.perf_counter()
        found = db.execute(query, args).fetchall()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), len(found)


def main():
    print(f"SQLite {sqlite3.sqlite_version}, {ROWS:,} rows in transactions of {BATCH:,}")
    with tempfile.TemporaryDirectory(prefix="herald-index-") as folder:
        for design in ("none", "btree", "fts5", "fts5+optimize"):
            db, rate, cpu, size, rare = build(design, folder)
            ms, found = search_ms(db, design)
            before, left, rewrite_s = erase(db, design, os.path.join(folder, f"{design}.sqlite".replace("+", "-")), rare)
            rewrite = f" (the rewrite: {rewrite_s:.1f} s)" if design == "fts5+optimize" else ""
            print(f"{design:13s}  {rate:9,.0f} rows/s  {cpu:6.1f} CPU s  {size:6.0f} MiB  "
                  f"search 'o.777': {ms:.2f} ms ({found} rows)  "
                  f"the person's {len(rare)} rare pieces found in the file: {before} before erasure, {left} after{rewrite}")
            db.close()


main()
