#!/usr/bin/env bash
# Paging figures of quality.md on province data, over the real portal (Release build, SQLite, loopback):
#   - the activity list's last page against its first page, on 1,000,000 activities;
#   - the first page at 1,000,000 activities against the first page at 10,000 (same registry);
#   - the units list (5,000 units) last page against first page.
# Each figure is the median of REQUESTS timed requests after warm-up. Data is generated once into
# $BENCH_DIR (deterministic: seed 1) and reused by later runs.
# Usage: bash bench/lists.sh            (REQUESTS=40 BENCH_DIR=/tmp/civicpairing-bench by default)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
generate province "$BENCH_DIR/province.db"
generate province-small "$BENCH_DIR/province-small.db"

start "$BENCH_DIR/province.db" 5091
login 5091 "$BENCH_DIR/jar-big"
big_first=$(median_ms 5091 "$BENCH_DIR/jar-big" "/Activities")
big_last=$(median_ms 5091 "$BENCH_DIR/jar-big" "/Activities?last=true")
big_next=$(median_ms 5091 "$BENCH_DIR/jar-big" "/Activities?after=20250601.500000")
units_first=$(median_ms 5091 "$BENCH_DIR/jar-big" "/Units")
units_last=$(median_ms 5091 "$BENCH_DIR/jar-big" "/Units?page=250")
health=$(median_ms 5091 "$BENCH_DIR/jar-big" "/healthz")
stop

start "$BENCH_DIR/province-small.db" 5092
login 5092 "$BENCH_DIR/jar-small"
small_first=$(median_ms 5092 "$BENCH_DIR/jar-small" "/Activities")
stop

echo "median of $REQUESTS requests each, ms (province data, SQLite, Release, loopback)"
printf '%-58s %8s\n' "activity list, first page, 1,000,000 activities" "$big_first"
printf '%-58s %8s\n' "activity list, last page, 1,000,000 activities" "$big_last"
printf '%-58s %8s\n' "activity list, a middle page (after 2025-06-01)" "$big_next"
printf '%-58s %8s\n' "activity list, first page, 10,000 activities" "$small_first"
printf '%-58s %8s\n' "units list, first page (5,000 units)" "$units_first"
printf '%-58s %8s\n' "units list, last page" "$units_last"
printf '%-58s %8s\n' "/healthz (the cheapest endpoint)" "$health"
echo "ratios (quality.md bar: at most 1.50)"
printf '%-58s %8s\n' "activity list: last page / first page" "$(ratio "$big_last" "$big_first")"
printf '%-58s %8s\n' "activity list: page at 1,000,000 / page at 10,000" "$(ratio "$big_first" "$small_first")"
printf '%-58s %8s\n' "units list: last page / first page" "$(ratio "$units_last" "$units_first")"
