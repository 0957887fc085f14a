#!/usr/bin/env bash
# Load figures of quality.md on province data, over the real portal (Release build, SQLite, loopback):
#   1. readers: wrk, CONNECTIONS=16 connections on THREADS=2 threads for DURATION=20s, once per role with that role's
#      signed-in cookie, a small Lua script rotating the role's home page and main lists (activities, pairings,
#      agreements, tasks, and the secretary's inbox); then the same lists without the home page; each run against a
#      freshly started portal (requests wrk abandons keep the server busy, so a run never inherits the previous one's
#      backlog), warmed by a WARMUP=5s wrk run with the same settings whose figures are dropped: a portal just started
#      runs its code unoptimised until .NET's tiered compiler has recompiled the hot paths, seconds of slower requests
#      a long-running portal has behind it (as pages.sh times after warm-up requests). Prints p50, p99 (wrk --latency), requests/s as a ratio of
#      /healthz under the same settings, non-2xx/3xx responses, socket errors and timeouts (WRK_TIMEOUT=10s);
#   2. writers: WRITERS=8 concurrent demo.liaison sessions (one process each) each logging POSTS=25 activities through
#      the real form (GET /Activities/Log for the antiforgery token, POST multipart; distinct pairing/date per post;
#      one untimed warm-up post per session; the timer covers the POST's round trip), on a copy of
#      the database ($BENCH_DIR/province-writers.db, fresh each run): median and p99 per POST, errors, and the number
#      of "database is locked" lines in the portal's log;
#   3. the portal's resident memory (VmRSS, sampled every second during every run): the maximum of each run.
# Usage: bash bench/load.sh     (DB=… PORT=5096 WARMUP=5s DURATION=20s CONNECTIONS=16 THREADS=2 WRITERS=8 POSTS=25 ROLES="…")
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
need wrk
PORT=${PORT:-5096}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-5s}
CONNECTIONS=${CONNECTIONS:-16}
THREADS=${THREADS:-2}
WRK_TIMEOUT=${WRK_TIMEOUT:-10s}
WRITERS=${WRITERS:-8}
POSTS=${POSTS:-25}
ROLES=${ROLES:-office admin liaison secretary}
DB=${DB:-$BENCH_DIR/province.db}
WRITERS_DB=${WRITERS_DB:-$BENCH_DIR/$(basename "${DB%.db}")-writers.db}
export Evidence__Root="$BENCH_DIR/evidence-load"

wait_for_generator
[ "$DB" = "$BENCH_DIR/province.db" ] && generate province "$DB"
began=$(date +%s)

lists_for() { # role → the main lists that role has
  case "$1" in
    secretary) printf '%s\n' /Activities /Activities/Inbox /Pairings /Agreements /Tasks ;;
    *) printf '%s\n' /Activities /Pairings /Agreements /Tasks ;;
  esac
}

RSS_LOG="$BENCH_DIR/load-rss.log"
sample_rss() { # pid → VmRSS in MB every second into $RSS_LOG until killed
  while [ -r "/proc/$1/status" ]; do awk '/^VmRSS/ { printf "%d\n", $2 / 1024 }' "/proc/$1/status" >> "$RSS_LOG"; sleep 1; done
}
SAMPLER=""
begin_sampling() { : > "$RSS_LOG"; sample_rss "$PID" & SAMPLER=$!; }
end_sampling() { kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true; sort -n "$RSS_LOG" | tail -1; }
trap 'end_sampling > /dev/null; stop' EXIT

lua() { # cookie paths… → a wrk script rotating the paths with the cookie, counting non-2xx statuses
  local cookie=$1; shift
  printf 'local paths = {'; printf '"%s",' "$@"; printf '}\n'
  cat <<EOF
local cookie = "$cookie"
local i = 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function request()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], cookie ~= "" and { ["Cookie"] = cookie } or {})
end
function response(status, headers, body) if status < 200 or status > 299 then bad = bad + 1 end end
function done(summary, latency, requests)
  local total = 0
  for _, t in ipairs(threads) do total = total + t:get("bad") end
  io.write(string.format("NON2XX %d\n", total))
end
EOF
}

RESULTS="$BENCH_DIR/load-results.tsv"
: > "$RESULTS"
HEALTH_RPS=""
run_wrk() { # label jar paths…  (a fresh portal, warmed, then wrk)
  local label=$1 jar=$2 cookie="" out p50 p99 rps errors timeouts non2xx rss
  shift 2
  start "$DB" "$PORT"
  if [ -n "$jar" ]; then login_as "$PORT" "$jar" "demo.$label"; cookie=$(cookie_header "$jar"); fi
  for p in "$@"; do for _ in 1; do curl -s -o /dev/null ${jar:+-b "$jar"} --max-time 60 "http://127.0.0.1:$PORT$p" || true; done; done
  lua "$cookie" "$@" > "$BENCH_DIR/load.lua"
  begin_sampling
  [ "$WARMUP" = "0" ] || [ "$WARMUP" = "0s" ] || wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$WRK_TIMEOUT" -s "$BENCH_DIR/load.lua" "http://127.0.0.1:$PORT" > /dev/null 2>&1
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency -s "$BENCH_DIR/load.lua" "http://127.0.0.1:$PORT" 2>&1)
  rss=$(end_sampling)
  stop
  echo "$out" > "$BENCH_DIR/wrk-$label-$#.txt"
  p50=$(echo "$out" | awk '$1 == "50%" { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  rps=$(echo "$out" | awk '/^Requests\/sec/ { print $2 }')
  errors=$(echo "$out" | awk '/Socket errors/ { gsub(",", ""); print "connect " $4 ", read " $6 ", write " $8 }')
  timeouts=$(echo "$out" | awk '/Socket errors/ { print $10 }')
  non2xx=$(echo "$out" | awk '$1 == "NON2XX" { print $2 }')
  local paths
  paths=$(printf '%s ' "$@")
  [ "$label" = healthz ] && HEALTH_RPS=$rps
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$paths" "${p50:--}" "${p99:--}" "${rps:-0}" "${non2xx:-0}" "${timeouts:-0}" "${errors:-none}" "$rss" >> "$RESULTS"
}

echo "readers: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $WRK_TIMEOUT …" >&2
run_wrk healthz "" /healthz
for role in $ROLES; do
  echo "  $role" >&2
  mapfile -t lists < <(lists_for "$role")
  run_wrk "$role" "$BENCH_DIR/jar-load-$role" / "${lists[@]}"
  run_wrk "$role" "$BENCH_DIR/jar-load-$role" "${lists[@]}"
done

echo "writers: $WRITERS × $POSTS activities …" >&2
rm -f "$WRITERS_DB" "$WRITERS_DB-wal" "$WRITERS_DB-shm"
sqlite3 "$DB" ".backup '$WRITERS_DB'"
start "$WRITERS_DB" "$PORT"
begin_sampling
writers=$(python3 bench/portal.py writers "$PORT" "$WRITERS_DB" "$WRITERS" "$POSTS")
writers_rss=$(end_sampling)
locked=$(grep -ci "database is locked" "$BENCH_DIR/portal-$PORT.log" || true)
errors_logged=$(grep -c ' ERR\]' "$BENCH_DIR/portal-$PORT.log" || true)
stop

echo "Load — $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), data: $DB; wrk -t$THREADS -c$CONNECTIONS -d$DURATION --timeout $WRK_TIMEOUT after a $WARMUP warm-up run, loopback"
echo "bars (quality.md): p99 <= 250 ms, no errors; writers' median <= 50 ms, no \"database is locked\"; <= 400 MB resident"
printf '%-10s %-52s %9s %9s %9s %7s %8s %8s %8s\n' role paths p50 p99 "req/s" "÷health" "non-2xx" timeouts "max RSS"
awk -F'\t' -v h="${HEALTH_RPS:-0}" '{
  ratio = (h + 0 > 0) ? sprintf("%.1e", $5 / h) : "-"
  printf "%-10s %-52s %9s %9s %9s %7s %8s %8s %6s MB\n", $1, substr($2, 1, 52), $3, $4, $5, ratio, $6, $7, $9
}' "$RESULTS"
awk -F'\t' '$8 != "none" && $8 != "connect 0, read 0, write 0" { printf "socket errors (%s %s): %s\n", $1, $2, $8 }' "$RESULTS"
echo "writers ($WRITERS concurrent demo.liaison sessions, $POSTS posts each, on $WRITERS_DB):"
echo "$writers" | sed 's/^/  /'
echo "  \"database is locked\" in the portal log: $locked; error lines in the log: $errors_logged; max RSS during writers: $writers_rss MB"
echo "max RSS over every run: $(cut -f9 "$RESULTS" | cat - <(echo "$writers_rss") | sort -n | tail -1) MB"
echo "run took $(( $(date +%s) - began )) s"
