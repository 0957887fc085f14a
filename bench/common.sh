#!/usr/bin/env bash
# Shared by the bench scripts: build once, generate the province once, start and stop the portal, time requests.
REQUESTS=${REQUESTS:-40}

# The tools the scripts call, from Debian when this machine lacks them (package and command share their names).
need() {
  local missing=() sudo=""
  for tool in "$@"; do command -v "$tool" > /dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing ${missing[*]} …" >&2
  $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null
}
need curl sqlite3 python3
BENCH_DIR=${BENCH_DIR:-/tmp/civicpairing-bench}
mkdir -p "$BENCH_DIR"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet build src/CivicPairing.Web -c Release -v quiet -nologo > "$BENCH_DIR/build.log"
WEB=src/CivicPairing.Web/bin/Release/net10.0/CivicPairing.Web.dll

generate() { # scale file
  if [ ! -f "$2" ]; then
    echo "generating $1 into $2 …"
    ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$2" Serilog__MinimumLevel__Default=Warning \
      dotnet "$WEB" generate --scale "$1" --seed 1 --allow-demo-accounts yes | grep -E "Generated|activities:" || true
  fi
}

PID=""
start() { # db port → the portal on that port, its start-up work (migration check, the first warm-up of stored facts) done
  if curl -fs -o /dev/null "http://127.0.0.1:$2/healthz"; then
    echo "something already answers on port $2 (a portal left over from an earlier run?): stop it first" >&2; exit 1
  fi
  ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Default="Data Source=$1" Serilog__MinimumLevel__Default=Warning \
    Security__LoginAttemptsPerMinute=1000 dotnet "$WEB" --contentRoot "$PWD/src/CivicPairing.Web" --urls "http://127.0.0.1:$2" > "$BENCH_DIR/portal-$2.log" 2>&1 &
  PID=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$2/healthz" > /dev/null && { settle "$PID"; return 0; }; sleep 0.2; done
  echo "portal on $2 did not start" >&2; exit 1
}
settle() { # pid → returns once the process has used under 5% of a core for two seconds running (at most 3 minutes):
  # a portal just started gathers this year's scores and the dashboard in the background (FactsWarmer), seconds of
  # work at province scale that a long-running portal has behind it; figures are of the portal in its steady state
  local hz quiet=0 before after
  hz=$(getconf CLK_TCK)
  for _ in $(seq 1 180); do
    before=$(awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null) || return 0
    sleep 1
    after=$(awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null) || return 0
    if [ $(( (after - before) * 100 )) -lt $(( hz * 5 )) ]; then quiet=$((quiet + 1)); else quiet=0; fi
    [ "$quiet" -ge 2 ] && return 0
  done
  echo "the portal (pid $1) kept busy for 3 minutes after starting" >&2
}
stop() { [ -n "$PID" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true; PID=""; }
trap stop EXIT

login() { login_as "$1" "$2" demo.office; } # port jar

login_as() { # port jar user (a demo account) → the jar holds a signed-in cookie
  local token
  rm -f "$2"  # a jar from an earlier run holds cookies sealed with another database's keys
  token=$(curl -fs -c "$2" -b "$2" "http://127.0.0.1:$1/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -fs -o /dev/null -c "$2" -b "$2" --data-urlencode "UserName=$3" --data-urlencode "Password=Demo@2026pass" \
    --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$1/Account/Login"
  grep -q 'cp.auth' "$2" || { echo "login of $3 failed" >&2; exit 1; }
}

cookie_header() { # jar → "name=value; …" for tools that take a Cookie header (wrk)
  sed -n 's/^#HttpOnly_//; /^[^#]/p' "$1" | awk 'NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }'
}

wait_for_generator() { # a generate run (from any checkout) still writing the province file
  while pgrep -f 'generate --scale' > /dev/null; do echo "waiting for the data generator to finish …" >&2; sleep 10; done
}

median_ms() { # port jar path → median milliseconds over REQUESTS requests after 5 warm-ups
  local url="http://127.0.0.1:$1$3"
  for _ in 1 2 3 4 5; do curl -fs -o /dev/null -b "$2" "$url"; done
  for _ in $(seq 1 "$REQUESTS"); do curl -fs -o /dev/null -b "$2" -w '%{time_total}\n' "$url"; done |
    sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) * 1000 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

