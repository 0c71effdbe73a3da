# Shared helpers for scripts/bench and scripts/bench-*; sourced, not run.
#
# HERALD_BENCH_BINARY: the herald binary to measure (`herald serve` runs the herald-serve beside it). scripts/bench sets it after building once;
# when a bench-* script runs alone and it is unset, bench_binary builds a release binary into
# .build-release (a scratch folder of its own, so it never disturbs the debug build in .build).
# Every figure a script measures is printed as one line `RESULT name key=value ...` that
# scripts/bench collects into BENCHMARKS.md.

bench_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

# Prints the herald binary to use, building it in release mode when none was given.
bench_binary() {
  if [ -z "${HERALD_BENCH_BINARY:-}" ]; then
    (cd "$bench_root" && scripts/swift-build-release --scratch-path .build-release --product herald >&2 &&
      scripts/swift-build-release --scratch-path .build-release --product herald-serve >&2)
    HERALD_BENCH_BINARY="$bench_root/.build-release/release/herald"
  fi
  [ -x "$HERALD_BENCH_BINARY" ] || { echo "bench: $HERALD_BENCH_BINARY is not an executable" >&2; return 1; }
  echo "$HERALD_BENCH_BINARY"
}

# A free TCP port on 127.0.0.1.
free_port() {
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Waits until something listens on 127.0.0.1:PORT (at most 10 s).
wait_port() {
  for _ in $(seq 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.05
  done
  echo "bench: nothing listens on 127.0.0.1:$1" >&2
  return 1
}

# Starts Postfix's smtp-sink on 127.0.0.1:PORT (extra arguments before the address, e.g. -d TEMPLATE);
# prints its process id. smtp-sink refuses to run as root unless told which user to become.
start_sink() { # port [smtp-sink options...]
  local port="$1"; shift
  local user=()
  [ "$(id -u)" -eq 0 ] && user=(-u postfix)
  /usr/sbin/smtp-sink "${user[@]}" "$@" -c "127.0.0.1:$port" 1000 >/dev/null 2>&1 &
  echo $!
}

# Reads numbers, one per line; prints "median min max" (rounded to 0 or the given decimals).
median_spread() { # [decimals]
  sort -g | awk -v d="${1:-0}" '{a[NR]=$1} END {
    if (NR == 0) { print "nan nan nan"; exit }
    m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
    printf "%.*f %.*f %.*f\n", d, m, d, a[1], d, a[NR] }'
}

# Seconds since the epoch with nanoseconds.
now_seconds() { date +%s.%N; }

# a / b with three decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == "nan" || b + 0 <= 0) print "nan"; else printf "%.3f", a / b }'; }

# Reads /proc/PID/status every 0.2 s while PID lives and writes to FILE the largest anonymous and
# file-backed resident sizes seen, in kB ("ANON FILE"): which kind of memory a peak (GNU time `%M`)
# was made of, for a later look at an outlier. A peak between two readings is missed.
sample_resident_parts() { # pid file
  local anon=0 file=0 a f
  while read -r a f < <(awk '/^RssAnon:/ { a = $2 } /^RssFile:/ { f = $2 } END { print a + 0, f + 0 }' \
    "/proc/$1/status" 2>/dev/null) && [ "$a" -gt 0 ]; do
    ((a > anon)) && anon=$a
    ((f > file)) && file=$f
    sleep 0.2
  done
  echo "$anon $file" > "$2"
}

# Adds COUNT confirmed subscribers of the newsletter `daily` (reader1@example.org, "Reader 1", ...) to the
# migrated SQLite database DB in one transaction: the audience of the digest benchmarks and of
# scripts/link-order's traced send.
populate_subscribers() { # db count
  sqlite3 "$1" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $2)
INSERT INTO subscribers (id, email, smtp_address, canonical_key, name, created_at, updated_at)
SELECT i, 'reader' || i || '@example.org', 'reader' || i || '@example.org', 'reader' || i || '@example.org',
       'Reader ' || i, 0, 0 FROM n;
INSERT INTO subscriptions (subscriber_id, newsletter, status, created_at, updated_at)
SELECT id, 'daily', 'confirmed', 0, 0 FROM subscribers;
COMMIT;
SQL
}

write_digest_config() { # dir smtp_url feed: the digest benchmarks' herald.yml (SQLite in dir, one newsletter)
  cat > "$1/herald.yml" <<YAML
database_url: sqlite:$1/herald.sqlite
smtp_url: $2
smtp_pool_size: 4
mail_from: "Bench News <news@example.org>"
mail_folder: $1/mail
templates: $PWD/templates
base_url: https://news.example.org
newsletters:
  - slug: daily
    title: Daily Briefing
    digest_feed: $3
YAML
}

# A fresh SQLite database DIR/db with Herald's schema, made by `HERALD migrate` (the ceiling scripts
# write into it with the sqlite3 shell or C; any earlier DIR/db* is removed first).
migrate_fresh_database() { # herald dir
  rm -f "$2"/db*
  printf 'database_url: sqlite:%s/db\nmail_from: "B <news@example.org>"\n' "$2" > "$2/herald.yml"
  "$1" migrate --config "$2/herald.yml" > "$2/migrate.log" 2>&1 || { cat "$2/migrate.log" >&2; return 1; }
}

# SQL for a scrambled address of row number x (a hash of x: addresses in no particular order, the
# same every time it is evaluated).
scrambled_address_sql="printf('%08x', (x * 2654435761) % 4294967296) || '.' || x || '@example.org'"
