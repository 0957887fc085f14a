#!/usr/bin/env bash
# Reading one evidence photo: time and peak memory (resident, above the process before it read) of the upload check
# (Thumbnails.Read), against a plain full decode. Each reading runs in its own process. Figures: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR=${BENCH_DIR:-/tmp/civicpairing-bench}/photos
mkdir -p "$DIR"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/photos.cs -v quiet -nologo > "$DIR/build.log"
run() { dotnet run --no-build bench/photos.cs -- "$@"; }
run make 4000 3000 "$DIR/12mp"
run make 7745 5164 "$DIR/40mp" # 39,995,180 pixels: just under the limit
for photo in 12mp.jpg 12mp.png 40mp.jpg 40mp.png; do
  run read "$DIR/$photo"
  run full "$DIR/$photo"
done
