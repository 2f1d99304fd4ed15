#!/usr/bin/env bash
# Rendering test of `ledger sheet`: prints one half-day and a week from a small ledger, renders
# them in headless Chromium to PDF and checks with pdfinfo that a half-day is exactly one A4 page
# (for a group of 20 trainees with long names) and a week of N half-days is N pages. Also renders
# the first page to PNG (kept when SHEET_PNG is set: the path to copy it to).
#   bash sheet.sh LEDGER_BINARY REPO_ROOT
set -euo pipefail
ledger=$(realpath "$1")
for tool in chromium pdfinfo pdftotext pdftoppm; do
  command -v "$tool" >/dev/null || { echo "sheet.sh: $tool is missing (apt-get install chromium poppler-utils)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export LEDGER_DB="$work/ledger.db" LEDGER_NOW=2026-11-27T10:00:00Z LEDGER_USER=tester TZ=UTC

"$ledger" init >/dev/null
"$ledger" convention template > convention.toml
for i in $(seq 2 20); do
  printf '\n[[trainee]]\nid = "T%02d"\nlast_name = "Delacroix-Montmorency-%d"\nfirst_name = "Marie-Christine"\nfunction = "Conseillère offres de service, accueil & <gestion>"\n' \
    "$i" "$i" >> convention.toml
done
"$ledger" convention import convention.toml >/dev/null
plan() { "$ledger" session plan --module PREMSS --date "$1" --slot "$2" --start "$3" --end "$4" --trainer "Paul Girard" >/dev/null; }
plan 2026-10-05 am 09:00 12:30
plan 2026-10-05 pm 13:30 17:00
plan 2026-10-06 am 09:00 12:30
plan 2026-10-06 pm 13:30 17:00
plan 2026-10-07 am 09:00 12:30
plan 2026-10-12 am 09:00 12:30  # the next week: not printed
"$ledger" session plan --module PASS --date 2026-10-08 --slot am --minutes 240 --mode elearning >/dev/null
"$ledger" session cancel --module PREMSS --date 2026-10-06 --slot pm --by of --notified 2026-09-20 --reason "Formateur absent" >/dev/null

"$ledger" sheet --module PREMSS --date 2026-10-05 --slot am --out one.html >/dev/null
"$ledger" sheet --week 2026-10-07 --out week.html >/dev/null
expected_week=5  # Monday am and pm, Tuesday am, Wednesday am, Thursday e-learning; Tuesday pm cancelled

to_pdf() {
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-background-networking --no-pdf-header-footer --user-data-dir="$(mktemp -d -p "$work")" \
    --print-to-pdf="$work/$2" "file://$work/$1" >/dev/null 2>&1 || true
  [ -s "$2" ] || { echo "FAIL: chromium wrote no $2"; exit 1; }
}
to_pdf one.html one.pdf
to_pdf week.html week.pdf

failed=0
check() { if [ "$2" != "$3" ]; then echo "FAIL: $1: expected $3, got $2"; failed=1; else echo "ok: $1: $2"; fi; }
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
size() { pdfinfo "$1" | awk '/^Page size:/ {print $NF}'; }
check "one half-day, 20 trainees: pages" "$(pages one.pdf)" 1
check "one half-day: page size" "$(size one.pdf)" "(A4)"
check "week of $expected_week half-days: pages" "$(pages week.pdf)" "$expected_week"
check "week: page size" "$(size week.pdf)" "(A4)"
# Each page carries its own sheet id, in date and slot order.
page=0
for id in PREMSS-20261005-AM PREMSS-20261005-PM PREMSS-20261006-AM PREMSS-20261007-AM PASS-20261008-AM; do
  page=$((page + 1))
  ids=$(pdftotext -f "$page" -l "$page" week.pdf - | grep -o 'CQP-2026-EXEMPLE-[A-Z]*-[0-9]*-[AP]M' | sort -u | tr '\n' ' ')
  check "week: page $page's sheet id" "$ids" "CQP-2026-EXEMPLE-$id "
done
check "one half-day: every trainee printed" "$(pdftotext one.pdf - | grep -c 'Marie-Christine' || true)" 19
check "one half-day: the trainer's box" "$(pdftotext one.pdf - | grep -c 'Signature du formateur' || true)" 1

pdftoppm -png -r 100 -f 1 -l 1 one.pdf page
[ -s page-1.png ] || { echo "FAIL: no PNG"; failed=1; }
if [ -n "${SHEET_PNG:-}" ]; then cp page-1.png "$SHEET_PNG"; fi
exit $failed
