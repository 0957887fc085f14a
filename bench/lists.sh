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
REQUESTS=${REQUESTS:-40}
BENCH_DIR=${BENCH_DIR:-/tmp/civicpairing-bench}
mkdir -p "$BENCH_DIR"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/CivicPairing.Web -c Release -v quiet -nologo > "$BENCH_DIR/build.log"
WEB=src/CivicPairing.Web/bin/Release/net10.0/CivicPairing.Web.dll

generate() { # scale file
  if [ ! -f "$2" ]; then
    echo "generating $1 into $2 …"
    ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$2" Serilog__MinimumLevel__Default=Warning \
      dotnet "$WEB" generate --scale "$1" --seed 1 | grep -E "Generated|activities:" || true
  fi
}
generate province "$BENCH_DIR/province.db"
generate province-small "$BENCH_DIR/province-small.db"

PID=""
start() { # db port
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$1" Serilog__MinimumLevel__Default=Warning \
    Security__LoginAttemptsPerMinute=1000 dotnet "$WEB" --urls "http://127.0.0.1:$2" > "$BENCH_DIR/portal-$2.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$2/healthz" > /dev/null && return 0; sleep 0.2; done
  echo "portal on $2 did not start" >&2; exit 1
}
stop() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; PID=""; }
trap stop EXIT

login() { # port jar
  local token
  token=$(curl -fs -c "$2" -b "$2" "http://127.0.0.1:$1/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$2" -b "$2" --data-urlencode "UserName=demo.office" --data-urlencode "Password=Demo@2026pass" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$1/Account/Login"
}

median_ms() { # port jar path → median milliseconds over REQUESTS requests after 5 warm-ups
  local url="http://127.0.0.1:$1$3"
  for _ in 1 2 3 4 5; do curl -fs -o /dev/null -b "$2" "$url"; done
  for _ in $(seq 1 "$REQUESTS"); do curl -fs -o /dev/null -b "$2" -w '%{time_total}\n' "$url"; done |
    sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) * 1000 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

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
