#!/usr/bin/env bash
# subscriber_insert_ceiling.sh HERALD [ROWS]: the fastest SQLite writes imported subscribers into Herald's
# own tables here (issue #21 target 3: CSV import at 200,000 rows/s), with no program
# between: the sqlite3 shell generates the rows in SQL (a recursive CTE) and inserts them with one
# statement per table per transaction, so neither Python nor Herald adds a microsecond per row.
#
# The database is made by `HERALD migrate` (Herald's schema: the row, its unique key, the
# by-creation index); the search index's trigger is dropped, so this is a floor with no search index
# at all. WAL, synchronous = NORMAL and a 4 MiB page cache, as Herald's import connection (foreign
# keys are not checked, which only favours the figure). Runs of ROWS rows (default 1,000,000), each
# into a fresh database, for each of
#   keys:   scrambled (addresses in no particular order: a hash of the row number) or ordered (as if
#           the file were sorted first)
#   batch:  5,000 rows per transaction (Herald's import batch) or all in one
#   tables: subscribers only; "all": also what an import writes per row besides, the subscription
#           (confirmed) and its consent event, with the dashboard's per-row counter triggers; "lean":
#           the same rows with those two counter triggers dropped (as if an import added its
#           counts once per batch, the way it already writes the search index)
# Prints "RESULT subscriber_insert keys=… batch=… tables=… rows=… seconds=… rows_per_s=…" per run.
set -euo pipefail
# shellcheck source=scripts/benchmarks/common.sh
source "$(dirname "$0")/common.sh"
herald="$1"
rows="${2:-1000000}"
work=$(mktemp -d /tmp/herald-insert-ceiling.XXXXXX)
trap 'rm -rf "$work"' EXIT

key_of() { # keys -> SQL for the address of number x (deterministic: the three columns get one value)
  if [ "$1" = scrambled ]; then echo "$scrambled_address_sql"
  else echo "'reader.' || printf('%09d', x) || '@example.org'"; fi
}

for tables in subscribers all lean; do
for keys in scrambled ordered; do
  for batch in 5000 "$rows"; do
    migrate_fresh_database "$herald" "$work"
    {
      echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -4096;"
      echo "DROP TRIGGER subscriber_trigrams_insert;"
      [ "$tables" != lean ] || echo "DROP TRIGGER subscription_counts_insert; DROP TRIGGER consent_daily_insert;"
      echo "INSERT OR IGNORE INTO newsletters (slug, title) VALUES ('daily', 'Daily');"
      for ((from = 1; from <= rows; from += batch)); do
        to=$((from + batch - 1 < rows ? from + batch - 1 : rows))
        echo "BEGIN; WITH RECURSIVE c(x) AS (SELECT $from UNION ALL SELECT x + 1 FROM c WHERE x < $to)"
        echo "INSERT INTO subscribers (email, smtp_address, canonical_key, attributes, created_at, updated_at, language)"
        echo "SELECT k, k, k, '{}', 1700000000000 + x, 1700000000000 + x, 'en' FROM (SELECT $(key_of "$keys") AS k, x FROM c);"
        if [ "$tables" != subscribers ]; then
          echo "INSERT INTO subscriptions (subscriber_id, newsletter, status, created_at, updated_at, confirmed_at)"
          echo "SELECT id, 'daily', 'confirmed', created_at, created_at, created_at FROM subscribers WHERE id BETWEEN $from AND $to;"
          echo "INSERT INTO consent_events (subscriber_id, newsletter, action, source, occurred_at)"
          echo "SELECT id, 'daily', 'import', 'import', created_at FROM subscribers WHERE id BETWEEN $from AND $to;"
        fi
        echo "COMMIT;"
      done
    } > "$work/insert.sql"
    start=$(date +%s.%N)
    sqlite3 "$work/db" < "$work/insert.sql" > /dev/null
    end=$(date +%s.%N)
    expected=$rows; [ "$tables" = subscribers ] || expected=$((3 * rows))
    count=$(sqlite3 "$work/db" "SELECT (SELECT count(*) FROM subscribers) + (SELECT count(*) FROM subscriptions)
      + (SELECT count(*) FROM consent_events) FROM (SELECT 1) WHERE (SELECT count(DISTINCT canonical_key) FROM subscribers)
      = (SELECT count(*) FROM subscribers WHERE email = canonical_key)")
    [ "$count" -eq "$expected" ] || { echo "wrote $count rows, expected $expected" >&2; exit 1; }
    awk -v t="$tables" -v k="$keys" -v b="$batch" -v n="$rows" -v s="$start" -v e="$end" 'BEGIN {
      printf "RESULT subscriber_insert keys=%s batch=%d tables=%s rows=%d seconds=%.2f rows_per_s=%.0f\n",
        k, b, t, n, e - s, n / (e - s) }'
  done
done
done
