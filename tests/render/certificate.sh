#!/usr/bin/env bash
# The certificat de réalisation prints on A4, one page per training body, final or under way:
# rendered by headless Chromium, counted by pdfinfo, its hours read back by pdftotext, the empty
# box for the stamp and signature measured with pdftotext -bbox.
#   bash tests/render/certificate.sh LEDGER_BINARY REPO_ROOT
set -euo pipefail
ledger=$(realpath "$1")
root=$(realpath "$2")
for tool in chromium pdfinfo pdftotext python3; do
  command -v "$tool" >/dev/null || { echo "certificate.sh: $tool is missing (apt-get install chromium poppler-utils)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export LEDGER_DB="$work/ledger.db" LEDGER_NOW=2026-11-27T10:00:00Z LEDGER_USER=tester TZ=UTC

"$ledger" init >/dev/null
"$ledger" convention import "$root/tests/golden/files/audit-convention.toml" >/dev/null
"$ledger" session plan --module PREMSS --date 2026-10-05 --slot am --start 09:00 --end 12:30 >/dev/null
"$ledger" session plan --module PREMSS --date 2026-10-05 --slot pm --start 13:30 --end 17:00 >/dev/null
"$ledger" session plan --module CSU --date 2026-10-07 --slot am --start 09:00 --end 12:30 >/dev/null
"$ledger" attend --module PREMSS --date 2026-10-05 --slot am --all-present --late T01=25 >/dev/null
"$ledger" attend --module PREMSS --date 2026-10-05 --slot pm --all-present >/dev/null
"$ledger" attend --module CSU --date 2026-10-07 --slot am --all-present >/dev/null
"$ledger" certificate --trainee T01 > certificate.html
# Under way, with e-learning hours too (the longest page): PREM'SS still has a half-day after
# today (2026-11-27).
"$ledger" session plan --module PASS --date 2026-10-06 --slot am --start 09:00 --end 12:30 --mode elearning >/dev/null
"$ledger" attend --module PASS --date 2026-10-06 --slot am --all-present --proof LMS-1 >/dev/null
"$ledger" session plan --module PREMSS --date 2026-12-07 --slot am --start 09:00 --end 12:30 >/dev/null
"$ledger" certificate --trainee T01 > under-way.html

to_pdf() {
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-background-networking --user-data-dir="$(mktemp -d -p "$work")" \
    --print-to-pdf="$work/$2" --no-pdf-header-footer "file://$work/$1" >/dev/null 2>&1 || true
  [ -s "$2" ] || { echo "FAIL: chromium wrote no $2" >&2; exit 1; }
}
to_pdf certificate.html certificate.pdf
to_pdf under-way.html under-way.pdf
# The tallest empty band, in mm, below the label "Cachet et signature" of page $2: the stamp box.
stamp_room() {
  pdftotext -bbox -f "$2" -l "$2" "$1" - | python3 -c '
import re, sys
words = [(float(a), float(b), w) for a, b, w in re.findall(r"yMin=\"([\d.]+)\" xMax=\"[\d.]+\" yMax=\"([\d.]+)\">([^<]*)</word>", sys.stdin.read())]
label = min(top for top, _, w in words if w == "Cachet")
below = sorted((top, bottom) for top, bottom, _ in words if top >= label)
gaps = [b[0] - a[1] for a, b in zip(below, below[1:])]
print(int(max(gaps) * 25.4 / 72))'
}

failed=0
check() {  # check WHAT ACTUAL EXPECTED
  if [ "$2" != "$3" ]; then echo "FAIL: $1: got '$2', expected '$3'" >&2; failed=1; else echo "ok: $1"; fi
}
info=$(pdfinfo certificate.pdf)
check "pages: one per training body" "$(awk '/^Pages:/ {print $2}' <<<"$info")" 2
# pdfinfo names the paper size: "594.96 x 841.92 pts (A4)".
check "page size" "$(awk -F': *' '/^Page size:/ {print $2}' <<<"$info" | grep -o '(A4)')" "(A4)"
# Hours followed: T01 missed 25 minutes of PREMSS (3 h 05 + 3 h 30), followed all of CSU.
page1=$(pdftotext -f 1 -l 1 certificate.pdf - | tr '\n' ' ')
page2=$(pdftotext -f 2 -l 2 certificate.pdf - | tr '\n' ' ')
check "page 1: the first body and its hours" "$(grep -o "Centre régional de formation d'exemple" <<<"$page1" | head -1)/$(grep -c '6 h 35' <<<"$page1")" \
  "Centre régional de formation d'exemple/1"
check "page 2: the option's body and its hours" "$(grep -o 'CRF Rhône-Alpes Option' <<<"$page2" | head -1)/$(grep -c '3 h 30' <<<"$page2")" \
  "CRF Rhône-Alpes Option/1"
check "page 1: the NDA" "$(grep -o '84691234569' <<<"$page1" | head -1)" 84691234569
check "page 2: the NDA" "$(grep -o '84690000019' <<<"$page2" | head -1)" 84690000019
check "the trainee on each page" "$(grep -c 'Prénom Nom' <<<"$page1")$(grep -c 'Prénom Nom' <<<"$page2")" 11
check "the model's origin, not the arrêté" "$(grep -c 'R. 6332-26' <<<"$page1")$(grep -c 'arrêté' <<<"$page1" || true)" 10
for k in 1 2; do
  room=$(stamp_room certificate.pdf "$k")
  if [ "$room" -ge 35 ]; then echo "ok: page $k: $room mm of room for the stamp and signature"
  else echo "FAIL: page $k: $room mm of room for the stamp and signature, expected 35 or more" >&2; failed=1; fi
done
# Under way, each body still fits on its page; only PREM'SS's body says so.
check "under way: pages" "$(pdfinfo under-way.pdf | awk '/^Pages:/ {print $2}')" 2
check "under way: the footer stays on its page" "$(pdftotext -f 1 -l 1 under-way.pdf - | grep -c 'Établi le')" 1
check "under way: the notice on page 1 only" \
  "$(pdftotext -f 1 -l 1 under-way.pdf - | grep -c 'Formation en cours')$(pdftotext -f 2 -l 2 under-way.pdf - | grep -c 'Formation en cours' || true)" 10
check "under way: the hours still planned" "$(pdftotext -f 1 -l 1 under-way.pdf - | tr '\n' ' ' | grep -c '3 h 30 de formation restent planifiées')" 1
exit $failed
