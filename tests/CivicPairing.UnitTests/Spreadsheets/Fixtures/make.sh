#!/usr/bin/env bash
# Dev tool, not run by the build or CI: regenerates the spreadsheet fixtures from the hand-written sources units.fods and
# units-1904.fods (flat OpenDocument, the same table; the second with the 1904 null date) with LibreOffice, so the tests
# read files a real spreadsheet program wrote. The outputs are committed; CI only reads them.
# Needs: apt-get install -y --no-install-recommends libreoffice-calc-nogui
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
lo() { soffice --headless -env:UserInstallation=file://$out/profile --convert-to "$@" --outdir "$out" >/dev/null; }

lo xlsx units.fods && cp "$out/units.xlsx" units.xlsx
lo xls units.fods && cp "$out/units.xls" units.xls
lo xlsx units-1904.fods && cp "$out/units-1904.xlsx" units-1904.xlsx
# CSV filter options: separator (44 comma, 9 tab), text delimiter 34 ("), character set (76 UTF-8, 85 GB18030, 65535 UTF-16), first line 1, cell format
# (empty), language, quote all text false, detect special numbers, "save cell contents as shown" true.
lo 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true' units.fods && cp "$out/units.csv" units-utf8.csv
lo 'csv:Text - txt - csv (StarCalc):44,34,85,1,,0,false,true,true' units.fods && cp "$out/units.csv" units-gb18030.csv
# Excel's "Unicode text": UTF-16LE with BOM, tab-separated.
lo 'csv:Text - txt - csv (StarCalc):9,34,65535,1,,0,false,true,true' units.fods && cp "$out/units.csv" units-utf16-tab.csv
# LibreOffice writes UTF-8 without a BOM; the BOM variant (what Excel's "CSV UTF-8" writes) is the same bytes after one.
{ printf '\xEF\xBB\xBF'; cat units-utf8.csv; } > units-utf8-bom.csv
ls -l units.xlsx units.xls units-1904.xlsx units-*.csv
