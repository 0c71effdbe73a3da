#!/usr/bin/env bash
# signup_writes_ceiling.sh HERALD [SIGNUPS] [RUNS]: the most signups a second SQLite itself writes here
# with Herald's schema and statements for bench-signup's addresses (scripts/benchmarks/
# signup_writes_ceiling.c: no reads, no savepoints, no outbox worker, no program around the writes),
# against issue #21 target 2 (signups ≥ 0.3 × /healthz).
# SIGNUPS (default 30,000, about what one bench-signup run commits) into a fresh database made by
# `HERALD migrate`, with the search index's insert trigger ("index=yes", as that Herald runs it: its
# ~29 index entries per signup before migration 23, one queue row from it on) and without it
# ("index=no", as if the index cost nothing), GROUP = 1, 8 and 64 signups per transaction; RUNS
# (default 3) alternated runs of each. Prints "RESULT signup_writes_ceiling index=… group=… per_s=…
# per_s_min=… per_s_max=… cpu_us=…" (medians, min–max; CPU µs per signup, median).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/benchmarks/common.sh
herald="$1"
signups="${2:-30000}"
runs="${3:-3}"
scripts/install-packages gcc sqlite3 libsqlite3-dev >/dev/null
work=$(mktemp -d /tmp/herald-signup-ceiling.XXXXXX)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/ceiling" scripts/benchmarks/signup_writes_ceiling.c -lsqlite3
declare -A rates=() cpus=()
for _ in $(seq "$runs"); do
  for index in yes no; do
    for group in 1 8 64; do
      migrate_fresh_database "$herald" "$work"
      [ "$index" = yes ] || sqlite3 "$work/db" "DROP TRIGGER subscriber_trigrams_insert"
      out=$("$work/ceiling" "$work/db" "$signups" "$group")
      # What the trigger writes: the queue (migration 23 on), else the index entries themselves.
      written=subscriber_trigrams
      [ -n "$(sqlite3 "$work/db" "SELECT name FROM sqlite_master WHERE name = 'subscriber_trigrams_pending'")" ] &&
        written=subscriber_trigrams_pending
      count=$(sqlite3 "$work/db" "SELECT (SELECT count(*) FROM subscribers) || ' ' || (SELECT count(*) FROM outbox
        WHERE state = 'pending') || ' ' || (SELECT count(*) FROM tokens) || ' ' || (SELECT count(*) > 0 FROM $written)")
      expected_index=$([ "$index" = yes ] && echo 1 || echo 0)
      [ "$count" = "$signups $signups $signups $expected_index" ] || {
        echo "index=$index group=$group: wrote '$count'" >&2; exit 1; }
      read -r _ _ _ rate cpu <<< "$out" # signups= group= seconds= per_s= cpu_us_per_signup=
      rates["$index $group"]+="${rate#per_s=} "
      cpus["$index $group"]+="${cpu#cpu_us_per_signup=} "
    done
  done
done
for index in yes no; do
  for group in 1 8 64; do
    # shellcheck disable=SC2086 # space-separated lists, split on purpose
    read -r rm rmin rmax < <(printf '%s\n' ${rates["$index $group"]} | median_spread)
    # shellcheck disable=SC2086
    read -r cm _ _ < <(printf '%s\n' ${cpus["$index $group"]} | median_spread 1)
    echo "RESULT signup_writes_ceiling index=$index group=$group signups=$signups runs=$runs per_s=$rm" \
      "per_s_min=$rmin per_s_max=$rmax cpu_us=$cm"
  done
done
