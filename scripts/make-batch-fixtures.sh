#!/usr/bin/env bash
# Makes the batch test fixtures with a real spreadsheet program (LibreOffice Calc, headless) from the
# hand-written source table tests/core/batch/fixtures/source.fods: an .xlsx, an .ods, a UTF-16 "Unicode Text"
# .txt (tab-separated, as Excel's export) and a semicolon CSV in Windows-1252 (from the table without the rows
# that encoding cannot hold). The outputs are committed, so CI never needs LibreOffice; run this after
# changing source.fods (needs: apt-get install -y --no-install-recommends libreoffice-calc).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/tests/core/batch/fixtures"
command -v soffice >/dev/null || { echo "needs LibreOffice: apt-get install -y --no-install-recommends libreoffice-calc" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/full" "$tmp/latin" "$tmp/out"
cp "$dir/source.fods" "$tmp/full/codes.fods"
# Windows-1252 has no CJK or emoji: drop the rows after the marker comment, keep the table's end tag.
sed '/not in Windows-1252/,/<\/table:table>/{/<\/table:table>/!d}' "$dir/source.fods" > "$tmp/latin/codes.fods"

convert() {  # FILTER SOURCE: a private profile, so a running LibreOffice or the user's settings never interfere
    soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
        --convert-to "$1" --outdir "$tmp/out" "$2" >/dev/null 2>&1
}
# CSV filter tokens: separator, quote (34 = "), charset (65535 = UTF-16 with BOM, 1 = Windows-1252), first line,
# column types, language (1033 = en-US), quote all text, detect numbers, save cell contents as shown.
convert xlsx "$tmp/full/codes.fods"
convert ods "$tmp/full/codes.fods"
convert 'txt:Text - txt - csv (StarCalc):9,34,65535,1,,1033,false,true,true' "$tmp/full/codes.fods"
mv "$tmp/out/codes.txt" "$tmp/out/codes-unicode.txt"
convert 'csv:Text - txt - csv (StarCalc):59,34,1,1,,1033,false,true,true' "$tmp/latin/codes.fods"
mv "$tmp/out/codes.csv" "$tmp/out/codes-1252.csv"
for f in codes.xlsx codes.ods codes-unicode.txt codes-1252.csv; do
    [ -s "$tmp/out/$f" ] || { echo "LibreOffice did not write $f" >&2; exit 1; }
    cp "$tmp/out/$f" "$dir/$f"
done
echo "wrote $dir/{codes.xlsx,codes.ods,codes-unicode.txt,codes-1252.csv} with $(soffice --version | head -1)"
