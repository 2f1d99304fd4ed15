#!/usr/bin/env bash
# Rendering test of `ledger sheet`: prints the sheets of groups of 4, 21, 22 and 45 trainees (long
# names) and a week, renders them in headless Chromium to A4 PDF, and checks with poppler that
# each sheet takes the pages the ledger computed (src/paper/sheet.cpp, paginate), that every page
# names its sheet id, convention, module, date, slot and "page k / n", that every trainee is listed
# once with rows at least 12 mm tall, and that the trainer's box stands on the last page only,
# beside trainees' rows. Also renders the first page to PNG (kept when SHEET_PNG is set: the path
# to copy it to).
#   bash sheet.sh LEDGER_BINARY REPO_ROOT
set -euo pipefail
ledger=$(realpath "$1")
for tool in chromium pdfinfo pdftotext pdftoppm python3; do
  command -v "$tool" >/dev/null || { echo "sheet.sh: $tool is missing (apt-get install chromium poppler-utils)"; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
export LEDGER_NOW=2026-11-27T10:00:00Z LEDGER_USER=tester TZ=UTC
ref=CQP-2026-EXEMPLE

# A ledger of N trainees (the template's T01 and N - 1 with long names), all named Marie-Christine
# to be counted, in $work/N.db.
make_ledger() {
  export LEDGER_DB="$work/$1.db"
  "$ledger" init >/dev/null
  "$ledger" convention template | sed 's/^first_name = "Prénom"/first_name = "Marie-Christine"/' > "convention-$1.toml"
  for i in $(seq 2 "$1"); do
    printf '\n[[trainee]]\nid = "T%02d"\nlast_name = "Delacroix-Montmorency-%d"\nfirst_name = "Marie-Christine"\nfunction = "Conseillère offres de service, accueil & <gestion>"\n' \
      "$i" "$i" >> "convention-$1.toml"
  done
  "$ledger" convention import "convention-$1.toml" >/dev/null
}
# Long texts in the header too: they must not push the rows onto a page of the browser's own.
plan() {
  "$ledger" session plan --module PREMSS --date "$1" --slot "$2" --start "$3" --end "$4" --trainer "Paul Girard-Delavigne" \
    --place "Centre de formation, 12 avenue des Frères-Lumière, 69008 Lyon, salle B204" >/dev/null
}

to_pdf() {
  chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --disable-background-networking --no-pdf-header-footer --user-data-dir="$(mktemp -d -p "$work")" \
    --print-to-pdf="$work/$2" "file://$work/$1" >/dev/null 2>&1 || true
  [ -s "$2" ] || { echo "FAIL: chromium wrote no $2"; exit 1; }
}

failed=0
check() { if [ "$2" != "$3" ]; then echo "FAIL: $1: expected $3, got $2"; failed=1; else echo "ok: $1: $2"; fi; }
pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
size() { pdfinfo "$1" | awk '/^Page size:/ {print $NF}'; }
page_text() { pdftotext -f "$2" -l "$2" "$1" - | tr '\n' ' '; }
has() { grep -cF -- "$2" <<<"$1" || true; }
# The smallest distance, in mm, between the tops of two consecutive row numbers of page $2 (words
# made of digits right-aligned in the N° column, ending between 17 and 21 mm); "none" with fewer
# than two rows.
row_pitch() {
  pdftotext -bbox -f "$2" -l "$2" "$1" - | python3 -c '
import re, sys
mm = 72 / 25.4
tops = sorted(float(m.group(1)) for m in re.finditer(r"<word xMin=\"[\d.]+\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\"[^>]*>\d+</word>", sys.stdin.read())
              if 17 * mm <= float(m.group(2)) <= 21 * mm)
gaps = [b - a for a, b in zip(tops, tops[1:])]
print(f"{min(gaps) * 25.4 / 72:.1f}" if gaps else "none")'
}

# One half-day for each group size: the pages, and what each page carries.
for group in 4:1 21:2 22:2 45:4; do
  n=${group%:*} expected=${group#*:}
  make_ledger "$n"
  plan 2026-10-05 am 09:00 12:30
  "$ledger" sheet --module PREMSS --date 2026-10-05 --slot am --out "sheet-$n.html" >/dev/null
  to_pdf "sheet-$n.html" "sheet-$n.pdf"
  got=$(pages "sheet-$n.pdf")
  check "$n trainees: pages" "$got" "$expected"
  check "$n trainees: page size" "$(size "sheet-$n.pdf")" "(A4)"
  listed=0
  for k in $(seq 1 "$got"); do
    text=$(page_text "sheet-$n.pdf" "$k")
    check "$n trainees, page $k: sheet id, convention, module, date, slot, page number, SIRET, beneficiary" \
      "$(has "$text" "$ref-PREMSS-20261005-AM")$(has "$text" "$ref ")$(has "$text" "PREM'SS (PREMSS)")$(has "$text" "lundi 5 octobre 2026")$(has "$text" "Matin")$(has "$text" "page $k / $got")$(has "$text" "13000000000013")$(has "$text" "Caisse d'exemple")" \
      11111111
    rows=$(grep -o 'Marie-Christine' <<<"$text" | wc -l)
    listed=$((listed + rows))
    trainer=$(has "$text" "Signature du formateur")
    if [ "$k" = "$got" ]; then
      check "$n trainees, last page: the trainer's box" "$trainer" 1
      [ "$rows" -ge 2 ] || { echo "FAIL: $n trainees: the last page has $rows trainee row(s) beside the trainer's box"; failed=1; }
    else
      check "$n trainees, page $k: no trainer's box before the last page" "$trainer" 0
    fi
    pitch=$(row_pitch "sheet-$n.pdf" "$k")
    if [ "$pitch" != none ] && ! python3 -c "import sys; sys.exit(0 if $pitch >= 12 else 1)"; then
      echo "FAIL: $n trainees, page $k: signature rows $pitch mm tall"; failed=1
    fi
    echo "   page $k: $rows trainees, rows $pitch mm"
  done
  check "$n trainees: every trainee listed once" "$listed" "$n"
  check "$n trainees: no command line on the paper" "$(pdftotext "sheet-$n.pdf" - | grep -c 'ledger attend' || true)" 0
done

# A week of 22 trainees: each half-day's pages numbered on their own, in date and slot order.
export LEDGER_DB="$work/22.db"
plan 2026-10-05 pm 13:30 17:00
plan 2026-10-06 am 09:00 12:30
plan 2026-10-06 pm 13:30 17:00
plan 2026-10-07 am 09:00 12:30
plan 2026-10-12 am 09:00 12:30  # the next week: not printed
"$ledger" session plan --module PASS --date 2026-10-08 --slot am --minutes 240 --mode elearning >/dev/null
"$ledger" session cancel --module PREMSS --date 2026-10-06 --slot pm --by of --notified 2026-09-20 --reason "Formateur absent" >/dev/null
"$ledger" sheet --week 2026-10-07 --out week.html >/dev/null
to_pdf week.html week.pdf
# Monday am and pm, Tuesday am, Wednesday am, Thursday e-learning (Tuesday pm cancelled): 2 pages each.
check "week of 5 half-days, 22 trainees: pages" "$(pages week.pdf)" 10
check "week: page size" "$(size week.pdf)" "(A4)"
page=0
for id in PREMSS-20261005-AM PREMSS-20261005-PM PREMSS-20261006-AM PREMSS-20261007-AM PASS-20261008-AM; do
  for k in 1 2; do
    page=$((page + 1))
    text=$(page_text week.pdf "$page")
    ids=$(grep -o "$ref-[A-Z]*-[0-9]*-[AP]M" <<<"$text" | sort -u | tr '\n' ' ')
    check "week: page $page's sheet id and number" "$ids$(has "$text" "page $k / 2")" "$ref-$id 1"
  done
done

pdftoppm -png -r 100 -f 1 -l 1 sheet-45.pdf page
[ -s page-1.png ] || { echo "FAIL: no PNG"; failed=1; }
if [ -n "${SHEET_PNG:-}" ]; then cp page-1.png "$SHEET_PNG"; fi
exit $failed
