#!/usr/bin/env bash
# digest_state_floor.sh [--runs 5] [--messages N] MESSAGE_FILE...: how close to bare libcurl digest
# senders that keep per-recipient state in SQLite come here, from Herald's state to the cheapest
# tried (issue #21, target 1: Herald ≥ 0.9 × bare libcurl). For each message file, RUNS rounds of four clients (each round in another
# order) against one Postfix smtp-sink, 4 reused connections, N messages each
# (scripts/benchmarks/bare_curl_smtp.c):
#   bare      the transfer only;
#   durable   plus Herald's digest_deliveries state, `sending` and `sent` committed per message;
#   combined  `sent` committed with the connection's next `sending` (one commit per message);
#   minimal   combined, on the cheapest state measured (one narrow table of states, no secondary
#             index, exclusive locking, no automatic checkpoints, prepared BEGIN/COMMIT).
# Prints per file and mode "RESULT digest_state_floor bytes=… mode=… rate=… rate_min=… rate_max=…
# of_bare=… of_bare_min=… of_bare_max=…": messages/s and the ratio to bare libcurl in the same
# round, medians with min and max. Message files: any .eml; bench-digest's are one subscriber's
# digest written by `herald digest send` with no smtp_url (the messages folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/benchmarks/common.sh
runs=5
messages=10000
files=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --messages) messages="$2"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
[ ${#files[@]} -gt 0 ] || { echo "usage: digest_state_floor.sh [--runs R] [--messages N] MESSAGE_FILE..." >&2; exit 2; }
scripts/install-packages postfix gcc libcurl4-openssl-dev libsqlite3-dev >/dev/null
work=$(mktemp -d /tmp/herald-state-floor.XXXXXX)
sink_pid=""
cleanup() { [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cc -O2 -o "$work/client" scripts/benchmarks/bare_curl_smtp.c -lcurl -lpthread -lsqlite3
port=$(free_port)
sink_pid=$(start_sink "$port")
wait_port "$port"

modes=(bare durable combined minimal)
for file in "${files[@]}"; do
  bytes=$(stat -c %s "$file")
  declare -A rates=() ratios=()
  for round in $(seq "$runs"); do
    declare -A rate_of=()
    for step in 0 1 2 3; do # each round starts with a different client, so no client always runs first
      mode=${modes[$(((round + step) % 4))]}
      rm -f "$work"/state.sqlite*
      case "$mode" in bare) state=() ;; durable) state=("$work/state.sqlite") ;; *) state=("$work/state.sqlite" "$mode") ;; esac
      seconds=$("$work/client" "smtp://127.0.0.1:$port" "$file" "$messages" 4 ${state[@]+"${state[@]}"} | awk '{ print $4 }')
      rate_of[$mode]=$(awk -v n="$messages" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
    done
    for mode in "${modes[@]}"; do
      rates[$mode]+="${rate_of[$mode]} "
      ratios[$mode]+="$(ratio "${rate_of[$mode]}" "${rate_of[bare]}") "
    done
    unset rate_of
  done
  for mode in "${modes[@]}"; do
    # shellcheck disable=SC2086 # space-separated lists, split on purpose
    read -r rm rmin rmax < <(printf '%s\n' ${rates[$mode]} | median_spread)
    # shellcheck disable=SC2086
    read -r qm qmin qmax < <(printf '%s\n' ${ratios[$mode]} | median_spread 3)
    echo "RESULT digest_state_floor bytes=$bytes mode=$mode runs=$runs rate=$rm rate_min=$rmin rate_max=$rmax" \
      "of_bare=$qm of_bare_min=$qmin of_bare_max=$qmax"
  done
  unset rates ratios
done
