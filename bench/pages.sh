#!/usr/bin/env bash
# Page census (quality.md: every page type of every role, median <= 150 ms on province data, one client).
# Signs in as each role (office, admin, liaison, secretary) and times every GET page type that role can reach —
# home, every list, exports, every detail page, print views, create/edit forms, reports — with real ids taken from
# the database (the liaison's own unit's records, the secretary's own community's). Prints one table, slowest
# first: role, page, HTTP status(es), median ms, number of timed requests; flags rows over 150 ms and any non-2xx.
# Then lists links found on the crawled pages whose Controller/Action no row covers (a page type this list misses).
#
# The census runs on a fresh copy of the database ($PAGES_DB, made with sqlite3 .backup each run) to which
# bench/portal.py adds, through the portal's own forms, what the generated province lacks: a published 2025
# report, an inspection on a pairing of each demo party, an activity with a PNG as evidence, and a draft
# amendment of an agreement of the liaison's unit. The source file ($DB) is never written.
#
# Usage: bash bench/pages.sh
#   DB=/path/to/file.db   the data (default $BENCH_DIR/province.db, generated when missing; a city file works too)
#   PORT=5095             loopback port of the portal
#   N=7 WARM=2            timed requests and warm-ups per page
#   SLOW_MS=3000          a page whose first request takes longer is timed SLOW_N=2 more times without more warm-up;
#   VERY_SLOW_MS=10000    one whose first request takes longer than this reports that request alone (n=1)
#   MAX_TIME=60           curl --max-time per request; a timeout is reported as status 000 / TIMEOUT
#   ROLES="office admin liaison secretary member anonymous"   (member: demo.member's own page, when the data has that account)
#   ADMIN_PAGES=all       "own": the admin times only home and the admin-only pages (Users.*); every other admin page
#                         runs the very code of the office's page (both are OfficeOrAdmin), so this halves a busy run
#
# Every controller GET action (Controller.Action from tests/CivicPairing.IntegrationTests/AuthorizationMatrix.cs)
# is covered for each role the matrix lets in, except these, deliberately:
#   - Error.Index: timed once, as /Error/404 (anonymous); other status codes render the same view.
#   - Home.Index with filters (?year=&quarter=&street=): the office dashboard's filtered variants cost the same
#     queries as the default and each takes as long as the unfiltered one; only the default is timed.
#   - Secretary: Agreements.Create and Agreements.Edit answer 404 by design (only the office and the unit's
#     liaison draft and edit an agreement); Evidence.Show: only a unit's liaison can attach evidence and no demo
#     liaison is paired with the secretary's community, so there is no evidence the secretary may see.
#   - Units.Import/Communities.Import previews and ConfirmImport are POST results (only the GET upload page is timed).
#   - Everything POST-only (Account.Login/Logout/Language, state transitions, Checklist edits, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
PORT=${PORT:-5095}
N=${N:-7}
WARM=${WARM:-2}
SLOW_MS=${SLOW_MS:-3000}
SLOW_N=${SLOW_N:-2}
VERY_SLOW_MS=${VERY_SLOW_MS:-10000}
MAX_TIME=${MAX_TIME:-60}
BAR_MS=${BAR_MS:-150}
ROLES=${ROLES:-office admin liaison secretary member anonymous}
DB=${DB:-$BENCH_DIR/province.db}
PAGES_DB=${PAGES_DB:-$BENCH_DIR/$(basename "${DB%.db}")-pages.db}
export Evidence__Root="$BENCH_DIR/evidence-pages"

wait_for_generator
[ "$DB" = "$BENCH_DIR/province.db" ] && generate province "$DB"
[ -f "$DB" ] || { echo "no database at $DB" >&2; exit 1; }
began=$(date +%s)
rm -f "$PAGES_DB" "$PAGES_DB-wal" "$PAGES_DB-shm"
sqlite3 "$DB" ".backup '$PAGES_DB'"
# A secretary of a busy community: in the copy, demo.secretary takes the seat of the community with the most activities.
sqlite3 "$PAGES_DB" "UPDATE AspNetUsers SET CommunityId = (SELECT p.CommunityId FROM Activities a JOIN Pairings p ON p.Id = a.PairingId
  GROUP BY p.CommunityId ORDER BY COUNT(*) DESC, p.CommunityId LIMIT 1) WHERE UserName = 'demo.secretary'"
rm -rf "$Evidence__Root"

start "$PAGES_DB" "$PORT"
eval "$(python3 bench/portal.py fixtures "$PORT" "$PAGES_DB")"

q() { sqlite3 "$PAGES_DB" "$1"; }
UNIT=$(q "SELECT UnitId FROM AspNetUsers WHERE UserName = 'demo.liaison'")
COMMUNITY=$(q "SELECT CommunityId FROM AspNetUsers WHERE UserName = 'demo.secretary'")
LIAISON_USER=$(q "SELECT Id FROM AspNetUsers WHERE UserName = 'demo.liaison'")
# The liaison's side: the unit's first pairing in force and its records.
U_PAIRING=$(q "SELECT Id FROM Pairings WHERE UnitId = $UNIT AND Status = 2 ORDER BY Id LIMIT 1")
U_PARTNER=$(q "SELECT CommunityId FROM Pairings WHERE Id = $U_PAIRING")
U_ACTIVITY=$(q "SELECT Id FROM Activities WHERE PairingId = $U_PAIRING ORDER BY Date DESC, Id DESC LIMIT 1")
U_CORRECTABLE=$(q "SELECT a.Id FROM Activities a JOIN Pairings p ON p.Id = a.PairingId WHERE p.UnitId = $UNIT AND a.Status = 3 ORDER BY a.Id LIMIT 1")
U_CORRECTABLE=${U_CORRECTABLE:-$U_ACTIVITY}
U_AGREEMENT=$(q "SELECT Id FROM Agreements WHERE PairingId = $U_PAIRING AND Status = 4 ORDER BY Id LIMIT 1")
U_TASK=$(q "SELECT Id FROM AgreementTasks WHERE AgreementId = $U_AGREEMENT ORDER BY Number LIMIT 1")
# The secretary's side: the community's first pairing in force and its records.
C_PAIRING=$(q "SELECT Id FROM Pairings WHERE CommunityId = $COMMUNITY AND Status = 2 ORDER BY Id LIMIT 1")
C_PARTNER=$(q "SELECT UnitId FROM Pairings WHERE Id = $C_PAIRING")
C_ACTIVITY=$(q "SELECT Id FROM Activities WHERE PairingId = $C_PAIRING ORDER BY Date DESC, Id DESC LIMIT 1")
C_AGREEMENT=$(q "SELECT Id FROM Agreements WHERE PairingId = $C_PAIRING AND Status = 4 ORDER BY Id LIMIT 1")
C_TASK=$(q "SELECT Id FROM AgreementTasks WHERE AgreementId = $C_AGREEMENT ORDER BY Number LIMIT 1")
# The office sees everything: the busiest community (most pairings) for its detail and suggestions pages.
BUSY_COMMUNITY=$(q "SELECT CommunityId FROM Pairings GROUP BY CommunityId ORDER BY COUNT(*) DESC, CommunityId LIMIT 1")
BUSY_UNIT=$(q "SELECT UnitId FROM Pairings GROUP BY UnitId ORDER BY COUNT(*) DESC, UnitId LIMIT 1")
DATA_YEAR=$(q "SELECT substr(MAX(Date), 1, 4) FROM Activities")
# Needs and funding requests (issue 14): the newest of each for the office; one the liaison may see (open to all, or
# dispatched to or taken by the unit) and one of the secretary's community. A line whose id the data lacks is left out.
NEED=$(q "SELECT Id FROM Needs ORDER BY Id DESC LIMIT 1")
U_NEED=$(q "SELECT Id FROM Needs WHERE Status = 3 OR DispatchedToUnitId = $UNIT OR TakenByUnitId = $UNIT ORDER BY Id DESC LIMIT 1")
C_NEED=$(q "SELECT Id FROM Needs WHERE CommunityId = $COMMUNITY ORDER BY Id DESC LIMIT 1")
FUNDING=$(q "SELECT Id FROM FundingRequests ORDER BY Id DESC LIMIT 1")
U_FUNDING=$(q "SELECT r.Id FROM FundingRequests r WHERE r.OnBehalfOfUnitId = $UNIT OR r.CommunityId IN (SELECT CommunityId FROM Pairings WHERE UnitId = $UNIT AND Status = 2) ORDER BY r.Id DESC LIMIT 1")
C_FUNDING=$(q "SELECT Id FROM FundingRequests WHERE CommunityId = $COMMUNITY ORDER BY Id DESC LIMIT 1")
# Aid households and in-service party members (issue 15): the newest household and member for the office; one the unit
# helps or employs for the liaison; one of the secretary's community (a household there, a member reported there).
HOUSEHOLD=$(q "SELECT Id FROM AidHouseholds ORDER BY Id DESC LIMIT 1")
U_HOUSEHOLD=$(q "SELECT h.Id FROM AidHouseholds h JOIN Pairings p ON p.Id = h.PairingId WHERE p.UnitId = $UNIT ORDER BY h.Id DESC LIMIT 1")
C_HOUSEHOLD=$(q "SELECT Id FROM AidHouseholds WHERE CommunityId = $COMMUNITY ORDER BY Id DESC LIMIT 1")
MEMBER=$(q "SELECT Id FROM PartyMembers ORDER BY Id DESC LIMIT 1")
U_MEMBER=$(q "SELECT Id FROM PartyMembers WHERE UnitId = $UNIT ORDER BY Id DESC LIMIT 1")
C_MEMBER=$(q "SELECT MemberId FROM MemberReports WHERE CommunityId = $COMMUNITY ORDER BY Id DESC LIMIT 1")
# The member role's one page needs demo.member (a member's account); data without it times no member pages.
MEMBER_USER=$(q "SELECT Id FROM AspNetUsers WHERE UserName = 'demo.member' AND PartyMemberId IS NOT NULL")
with_id() { [ -n "$2" ] && echo "$1$2" || true; } # prefix id → the path, or nothing when the data has no such record

# Pages both office roles reach (Office = Admin + CivilizationOffice in the matrix).
office_pages() {
  cat <<EOF
/
/Account/ChangePassword
/Units
/Units?page=2
/Units/Export?format=csv
/Units/Export?format=xlsx
/Units/Details/$BUSY_UNIT
/Units/Create
/Units/Edit/$UNIT
/Units/Import
/Communities
/Communities/Export?format=csv
/Communities/Export?format=xlsx
/Communities/Details/$BUSY_COMMUNITY
/Communities/Create
/Communities/Edit/$COMMUNITY
/Communities/Import
/Audit
/Notifications
/Pairings
/Pairings/Export?format=csv
/Agreements/Export?format=csv
/Tasks/Export?format=csv
/Inspections/Export?format=csv
/Pairings?status=Active
/Pairings?idleDays=30
/Pairings/Details/$U_PAIRING
/Pairings/CorrectDates/$U_PAIRING
/Pairings/Propose?unitQuery=%E8%B4%A2%E6%94%BF&communityQuery=%E9%87%91%E6%B2%99
/Pairings/Propose
/Pairings/Suggestions?communityId=$BUSY_COMMUNITY
/Coverage
/Coverage/Export?format=csv
/Coverage/Export?format=xlsx
/Agreements
/Agreements?expiringWithinDays=30
/Agreements/Details/$U_AGREEMENT
/Agreements/Print/$U_AGREEMENT
/Agreements/Create?pairingId=$U_PAIRING
/Agreements/Edit/$DRAFT_AGREEMENT
/Tasks
/Tasks?overdue=True
/Tasks/Details/$U_TASK
/Activities
/Activities?waitingDays=7
/Activities?status=Confirmed&from=$DATA_YEAR-01-01&to=$DATA_YEAR-12-31
/Activities/Export?format=csv
/Activities/Export?format=xlsx
/Activities/Details/$U_ACTIVITY
/Evidence/$EVIDENCE_ID
/Ranking?year=2025
/Ranking?year=2025&page=30
/Ranking?year=2025&q=%E5%8C%BB%E9%99%A2
/Inspections
/Inspections/Details/$INSPECTION_UNIT
/Inspections/Record?pairingId=$U_PAIRING
/Checklist
/Assessment
/Assessment/Details/$PERIOD_ID
/Assessment/Report/$PERIOD_ID
/Assessment/Report/$PERIOD_ID?page=30
/Assessment/Report/$PERIOD_ID?q=%E5%8C%BB%E9%99%A2
/Assessment/Print/$PERIOD_ID
/Assessment/Export/$PERIOD_ID
/Assessment/Unit/$PERIOD_ID?unitId=$UNIT
/Needs
/Needs/Overview
/Funding
EOF
  with_id /Needs/Details/ "$NEED"
  with_id /Funding/Details/ "$FUNDING"
  printf '%s\n' /Members "/Members?notReported=true" "/Members?report=Pending" /Members/Overview \
    "/Feedback?unitId=$UNIT" "/Feedback/Print?unitId=$UNIT" "/Feedback/Export?unitId=$UNIT"
  with_id /Members/Details/ "$MEMBER"
}

# Pages only the civilization office reaches (aid households are personal data the administrator does not see).
civilization_office_pages() {
  printf '%s\n' /AidHouseholds "/AidHouseholds?status=InAid" "/AidHouseholds?overdue=true" /AidHouseholds/Overview "/AidHouseholds/Overview?page=2" "/AidHouseholds/Export?format=xlsx" /Webhooks
  with_id /AidHouseholds/Details/ "$HOUSEHOLD"
}

pages_for() { # role → one path a line
  case "$1" in
    office) office_pages; civilization_office_pages ;;
    admin) if [ "${ADMIN_PAGES:-all}" = all ]; then office_pages; else echo /; fi; printf '%s\n' /Users /Users/Create "/Users/Edit/$LIAISON_USER" ;;
    liaison) cat <<EOF
/
/Account/ChangePassword
/Units/Details/$UNIT
/Communities/Details/$U_PARTNER
/Pairings
/Pairings/Details/$U_PAIRING
/Pairings/Propose
/Agreements
/Agreements/Details/$U_AGREEMENT
/Agreements/Print/$U_AGREEMENT
/Agreements/Create?pairingId=$U_PAIRING
/Agreements/Edit/$DRAFT_AGREEMENT
/Tasks
/Tasks?overdue=True
/Tasks/Details/$U_TASK
/Activities
/Activities?status=Disputed
/Activities/Export?format=csv
/Activities/Export?format=xlsx
/Activities/Details/$U_ACTIVITY
/Activities/Log
/Activities/Log?pairingId=$U_PAIRING
/Activities/Correct/$U_CORRECTABLE
/Evidence/$EVIDENCE_ID
/Evidence/$EVIDENCE_ID?thumb=true
/Ranking/Scorecard
/Inspections
/Inspections/Details/$INSPECTION_UNIT
/Assessment
/Assessment/Report/$PERIOD_ID
/Assessment/Print/$PERIOD_ID
/Assessment/Export/$PERIOD_ID
/Assessment/Unit/$PERIOD_ID?unitId=$UNIT
/Needs
/Funding
/Funding/Create
EOF
    with_id /Needs/Details/ "$U_NEED"
    with_id /Funding/Details/ "$U_FUNDING"
    printf '%s\n' /Notifications /AidHouseholds "/AidHouseholds?overdue=true" "/AidHouseholds/Export?format=xlsx" \
      /Members "/Members?notReported=true" /Members/Create /Members/Import "/Members/Export?format=xlsx" /Feedback /Feedback/Print /Feedback/Export
    with_id /AidHouseholds/Details/ "$U_HOUSEHOLD"
    with_id /Members/Details/ "$U_MEMBER"
    with_id /Members/Edit/ "$U_MEMBER"
    ;;
    secretary) cat <<EOF
/
/Account/ChangePassword
/Notifications
/Communities/Details/$COMMUNITY
/Units/Details/$C_PARTNER
/Pairings
/Pairings/Details/$C_PAIRING
/Pairings/Propose
/Agreements
/Agreements/Details/$C_AGREEMENT
/Agreements/Print/$C_AGREEMENT
/Tasks
/Tasks?overdue=True
/Tasks/Details/$C_TASK
/Activities
/Activities/Inbox
/Activities/Export?format=csv
/Activities/Export?format=xlsx
/Activities/Details/$C_ACTIVITY
/Inspections
/Inspections/Details/$INSPECTION_COMMUNITY
/Assessment
/Assessment/Report/$PERIOD_ID
/Assessment/Print/$PERIOD_ID
/Assessment/Export/$PERIOD_ID
/Assessment/Unit/$PERIOD_ID?unitId=$C_PARTNER
/Needs
/Needs/Post
/Funding
/Funding/Create
EOF
    with_id /Needs/Details/ "$C_NEED"
    with_id /Funding/Details/ "$C_FUNDING"
    printf '%s\n' /AidHouseholds "/AidHouseholds?overdue=true" "/AidHouseholds/Export?format=xlsx" /AidHouseholds/Create \
      /Members "/Members?report=Pending" "/Members?report=Accepted"
    with_id /AidHouseholds/Details/ "$C_HOUSEHOLD"
    with_id /AidHouseholds/Edit/ "$C_HOUSEHOLD"
    with_id /Members/Details/ "$C_MEMBER"
    ;;
    member) printf '%s\n' / /Me /Account/ChangePassword ;;
    anonymous) printf '%s\n' /Account/Login /Error/404 /healthz /readyz /Public/Reports "/Public/Reports/$PERIOD_ID" "/Public/Reports/$PERIOD_ID?page=30" "/Public/Reports/$PERIOD_ID?q=%E5%8C%BB%E9%99%A2" "/Public/Reports/$PERIOD_ID/Print" ;;
  esac
}

route_key() { # path → Controller/Action, the page type
  local p=${1%%\?*}
  p=${p#/}
  case "$p" in
    "") echo "Home/Index" ;;
    Evidence/*) echo "Evidence/Show" ;;
    healthz | readyz) echo "$p" ;;
    */*) local c=${p%%/*} r=${p#*/}; echo "$c/${r%%/*}" ;;
    *) echo "$p/Index" ;;
  esac
}

RESULTS="$BENCH_DIR/pages-results.tsv"
BODIES="$BENCH_DIR/pages-bodies"
: > "$RESULTS"
rm -rf "$BODIES"; mkdir -p "$BODIES"

fetch() { # jar url body → "status seconds"
  local out
  if [ -n "$1" ]; then
    out=$(curl -s -o "$3" -b "$1" --max-time "$MAX_TIME" -w '%{http_code} %{time_total}' "$2" || true)
  else
    out=$(curl -s -o "$3" --max-time "$MAX_TIME" -w '%{http_code} %{time_total}' "$2" || true)
  fi
  echo "${out:-000 $MAX_TIME}"
}

census() { # role jar
  local role=$1 jar=$2 path n=0
  while IFS= read -r path; do
    n=$((n + 1))
    local url="http://127.0.0.1:$PORT$path" body="$BODIES/$role-$n.html" codes="" times="" first ms runs i
    read -r code t < <(fetch "$jar" "$url" "$body")
    codes="$code"
    first=$(awk -v t="$t" 'BEGIN { printf "%d", t * 1000 }')
    if [ "$code" = "000" ]; then
      printf '%s\t%s\t%s\t%s\t%s\n' "$role" "$path" "TIMEOUT" "$first" "1" >> "$RESULTS"; continue
    elif [ "$first" -gt "$VERY_SLOW_MS" ]; then
      times="$t"; runs=1
    else
      if [ "$first" -gt "$SLOW_MS" ]; then runs=$SLOW_N; else runs=$N
        for ((i = 1; i < WARM; i++)); do fetch "$jar" "$url" /dev/null > /dev/null; done
      fi
      for ((i = 0; i < runs; i++)); do
        read -r code t < <(fetch "$jar" "$url" /dev/null)
        codes="$codes $code"; times="$times $t"
        [ "$code" = "000" ] && break
      done
    fi
    ms=$(printf '%s\n' $times | sort -n | awk '{ a[NR] = $1 } END { printf "%.1f", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) * 1000 }')
    codes=$(printf '%s\n' $codes | sort -u | paste -sd, -)
    printf '%s\t%s\t%s\t%s\t%s\n' "$role" "$path" "$codes" "$ms" "$(printf '%s\n' $times | wc -l)" >> "$RESULTS"
  done < <(pages_for "$role")
}

for role in $ROLES; do
  if [ "$role" = member ] && [ -z "$MEMBER_USER" ]; then echo "no demo.member account in the data: the member's pages are not timed" >&2; continue; fi
  jar=""
  if [ "$role" != anonymous ]; then jar="$BENCH_DIR/jar-pages-$role"; login_as "$PORT" "$jar" "demo.$role"; fi
  echo "timing $role's pages …" >&2
  census "$role" "$jar"
done
stop

echo "Page census — $(date -u +%Y-%m-%dT%H:%MZ), $(git rev-parse --short HEAD), data: $DB ($(sqlite3 "$PAGES_DB" 'SELECT COUNT(*) FROM Activities') activities)"
echo "demo.liaison: unit $UNIT ($(q "SELECT COUNT(*) FROM Pairings WHERE UnitId = $UNIT") pairings); demo.secretary: community $COMMUNITY ($(q "SELECT COUNT(*) FROM Pairings WHERE CommunityId = $COMMUNITY") pairings, $(q "SELECT COUNT(*) FROM Activities a JOIN Pairings p ON p.Id = a.PairingId WHERE p.CommunityId = $COMMUNITY") activities; busiest community: $(q "SELECT COUNT(*) FROM Activities a JOIN Pairings p ON p.Id = a.PairingId GROUP BY p.CommunityId ORDER BY 1 DESC LIMIT 1"))"
echo "median of N=$N requests after $WARM warm-ups (slow pages: n as shown); Release, SQLite, loopback; bar ${BAR_MS} ms"
printf '%-10s %-62s %-9s %10s %3s  %s\n' role page status "median ms" n flag
sort -t$'\t' -k4,4gr "$RESULTS" | awk -F'\t' -v bar="$BAR_MS" '{
  flag = ""
  if ($3 == "TIMEOUT") flag = "TIMEOUT"
  else { if ($4 + 0 > bar) flag = "SLOW"; if ($3 !~ /^2[0-9][0-9]$/) flag = flag (flag ? " " : "") "NON-2XX" }
  printf "%-10s %-62s %-9s %10s %3s  %s\n", $1, substr($2, 1, 62), $3, $4, $5, flag
}'
awk -F'\t' -v bar="$BAR_MS" '{ n++; if ($4 + 0 > bar || $3 == "TIMEOUT") slow++; if ($3 !~ /^2[0-9][0-9]$/) bad++ }
  END { printf "%d pages timed: %d over %d ms, %d non-2xx or timed out\n", n, slow, bar, bad }' "$RESULTS"

# Links on the crawled pages whose page type no row above covers.
missing=""
for role in $ROLES; do
  [ "$role" = anonymous ] && continue
  covered=$(pages_for "$role" | while IFS= read -r p; do route_key "$p"; done | sort -u)
  found=$(cat "$BODIES/$role"-*.html 2>/dev/null | grep -ao 'href="/[^"]*"' | sed 's/^href="//; s/"$//; s/&amp;/\&/g' |
    grep -vE '^/(css|js|lib|images|favicon)' | while IFS= read -r p; do route_key "$p"; done | sort -u || true)
  extra=$(comm -13 <(echo "$covered") <(echo "$found") | paste -sd' ' -)
  if [ -n "$extra" ]; then missing="$missing\n  $role: $extra"; fi
done
if [ -n "$missing" ]; then printf "linked from the crawled pages but not timed:%b\n" "$missing"; else echo "every page type linked from the crawled pages is timed"; fi
echo "run took $(( $(date +%s) - began )) s"
