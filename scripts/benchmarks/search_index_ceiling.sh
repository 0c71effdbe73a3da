#!/usr/bin/env bash
# search_index_ceiling.sh HERALD [ROWS] [RUNS]: the least time SQLite takes here to write the console's
# address search index (migration 17's subscriber_trigrams: one (piece, subscriber) entry per distinct
# three-character piece of each canonical address, about 25 per address) for ROWS subscribers
# (default 1,000,000), against issue #21 target 3's budget of 5 µs per imported row.
#
# `HERALD migrate` makes the database; the sqlite3 shell inserts ROWS subscribers with scrambled
# addresses (as subscriber_insert_ceiling.sh) with the index's trigger dropped, then, untimed, writes
# every entry into a plain table in the index's own order. Timed, per run (RUNS, default 3):
#   write: the entries copied from that table into an empty subscriber_trigrams in key order, one
#          statement in one transaction: each B-tree page written once, appended, no sort, no
#          trigger, nothing else in the transaction (the best order and batch any import could give);
#   read:  reading that table alone (part of `write`, which an import generating the entries in
#          memory would not pay: the index's own cost is write minus read);
#   generate: SQLite generating the same entries from the subscribers and removing duplicates, which
#          it does by inserting every entry, in the subscribers' row order, into a temporary B-tree
#          (SQLite drops the ORDER BY a count does not need): about what writing the index in no
#          particular order costs.
# WAL, synchronous = NORMAL, a 4 MiB page cache, as Herald's import connection. Prints
# "RESULT search_index_ceiling rows=… entries=… step=… seconds=… us_per_row=…" per run.
set -euo pipefail
# shellcheck source=scripts/benchmarks/common.sh
source "$(dirname "$0")/common.sh"
herald="$1"
rows="${2:-1000000}"
runs="${3:-3}"
work=$(mktemp -d /tmp/herald-index-ceiling.XXXXXX)
trap 'rm -rf "$work"' EXIT
migrate_fresh_database "$herald" "$work"
entries="SELECT DISTINCT substr(s.canonical_key, p.position, 3) AS trigram, s.id AS subscriber_id
  FROM subscribers s JOIN trigram_positions p ON p.position <= length(s.canonical_key) - 2"
sqlite3 "$work/db" > /dev/null <<SQL
PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;
DROP TRIGGER subscriber_trigrams_insert;
WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < $rows)
INSERT INTO subscribers (email, smtp_address, canonical_key, attributes, created_at, updated_at, language)
SELECT k, k, k, '{}', 1700000000000 + x, 1700000000000 + x, 'en'
FROM (SELECT $scrambled_address_sql AS k, x FROM c);
CREATE TABLE presorted AS $entries ORDER BY 1, 2;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
count=$(sqlite3 "$work/db" "SELECT count(*) FROM presorted")
timed() { # step sql: runs sql in the shell with the import connection's pragmas; prints seconds
  local start end
  start=$(date +%s.%N)
  printf 'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -4096;\n%s\n' "$2" |
    sqlite3 "$work/db" > "$work/out"
  end=$(date +%s.%N)
  awk -v s="$start" -v e="$end" -v n="$rows" -v c="$count" -v step="$1" 'BEGIN {
    printf "RESULT search_index_ceiling rows=%d entries=%d step=%s seconds=%.2f us_per_row=%.2f\n",
      n, c, step, e - s, (e - s) * 1e6 / n }'
}
check_count() { # the last step's query counted every entry
  [ "$(tail -1 "$work/out" | cut -d'|' -f1)" -eq "$count" ] || { echo "counted $(tail -1 "$work/out"), expected $count" >&2; exit 1; }
}
for _ in $(seq "$runs"); do
  sqlite3 "$work/db" "DELETE FROM subscriber_trigrams; PRAGMA wal_checkpoint(TRUNCATE);" > /dev/null
  timed write "INSERT INTO subscriber_trigrams (trigram, subscriber_id) SELECT trigram, subscriber_id FROM presorted ORDER BY rowid;"
  written=$(sqlite3 "$work/db" "SELECT count(*) FROM subscriber_trigrams")
  [ "$written" -eq "$count" ] || { echo "wrote $written entries, expected $count" >&2; exit 1; }
  timed read "SELECT count(*), sum(length(trigram)), sum(subscriber_id) FROM presorted;"
  check_count
  timed generate "SELECT count(*) FROM ($entries ORDER BY 1, 2);"
  check_count
done
