#!/usr/bin/env bash
# The year's ranking report on province data (quality.md: at most 1.5x the best hand-written SQL): the portal's
# ranking page for 2025, against one hand-written SQL query computing the same per-unit aggregates over the same
# SQLite file (bench/ranking-floor.sql, timed with python3's sqlite3). Medians of RANKING_REQUESTS runs.
# The page is timed three ways. "gathered": with Scoring:MaxStaleSeconds=0 it gathers every unit's facts again before
# each request (the facts version is moved on with sqlite3, as any confirmation does) — the figure compared with the
# floor; "stored": the facts stored by the previous request; "just after a change, as served": as deployed, the page
# answers from the stored facts (and says newer ones are being scored) while the gathering runs behind it.
# Usage: bash bench/ranking.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
RANKING_REQUESTS=${RANKING_REQUESTS:-9}
generate province "$BENCH_DIR/province.db"

bump_and_time() { # the facts version moved on (as any confirmation does), then the page
  for _ in $(seq 1 "$RANKING_REQUESTS"); do
    sqlite3 "$BENCH_DIR/province.db" "PRAGMA busy_timeout=5000; UPDATE FactsVersion SET Number = Number + 1;" > /dev/null
    curl -fs -o /dev/null -b "$BENCH_DIR/jar-ranking" -w '%{time_total}\n' "http://127.0.0.1:5094/Ranking?year=2025"
  done | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) * 1000 }'
}

# As deployed: after a change the page answers from the stored facts while new ones are gathered behind it.
start "$BENCH_DIR/province.db" 5094
login 5094 "$BENCH_DIR/jar-ranking"
REQUESTS=$RANKING_REQUESTS
stored=$(median_ms 5094 "$BENCH_DIR/jar-ranking" "/Ranking?year=2025")
served=$(bump_and_time)
stop
# With no staleness allowed the page gathers every unit's facts before answering: the gathering itself.
export Scoring__MaxStaleSeconds=0
start "$BENCH_DIR/province.db" 5094
login 5094 "$BENCH_DIR/jar-ranking"
page=$(bump_and_time)
stop
unset Scoring__MaxStaleSeconds

floor=$(python3 - "$BENCH_DIR/province.db" "$RANKING_REQUESTS" <<'PY'
import sqlite3, statistics, sys, time
db, runs = sys.argv[1], int(sys.argv[2])
sql = open("bench/ranking-floor.sql").read()
connection = sqlite3.connect(db)
connection.execute(sql).fetchall()  # warm the page cache as the portal's warm-ups do
times = []
for _ in range(runs):
    start = time.perf_counter()
    rows = connection.execute(sql).fetchall()
    times.append((time.perf_counter() - start) * 1000)
print(f"{statistics.median(times):.1f}")
PY
)
echo "median of $RANKING_REQUESTS runs each, ms (province data: 5,000 units, 1,000,000 activities; SQLite; Release; loopback)"
printf '%-58s %8s\n' "ranking page for 2025, facts gathered again (all units)" "$page"
printf '%-58s %8s\n' "ranking page for 2025, facts stored by the last request" "$stored"
printf '%-58s %8s\n' "ranking page for 2025 just after a change, as served" "$served"
printf '%-58s %8s\n' "floor: one hand-written SQL query, same aggregates" "$floor"
printf '%-58s %8s\n' "ratio gathered page / floor (bar: at most 1.50)" "$(ratio "$page" "$floor")"
printf '%-58s %8s\n' "ratio page as served after a change / floor" "$(ratio "$served" "$floor")"
