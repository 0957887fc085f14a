#!/usr/bin/env bash
# Export memory: peak working set (VmHWM) of streaming 10,000 and 1,000,000 rows as .xlsx and .csv, each export in its
# own process. Flat memory means the 1,000,000-row figure is about the 10,000-row one. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/export-memory.cs -v quiet -nologo > /tmp/civicpairing-export-memory-build.log
for format in xlsx csv; do
  for rows in 10000 1000000; do
    dotnet run --no-build bench/export-memory.cs -- "$format" "$rows"
  done
done
