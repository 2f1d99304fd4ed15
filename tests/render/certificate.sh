#!/usr/bin/env bash
# The certificat de réalisation prints on A4, one page per training body: rendered by headless
# Chromium, counted by pdfinfo, its hours read back by pdftotext.
#   bash tests/render/certificate.sh LEDGER_BINARY REPO_ROOT
set -euo pipefail
ledger=$(realpath "$1")
root=$(realpath "$2")
for tool in chromium pdfinfo pdftotext; do
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

chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
  --disable-background-networking --user-data-dir="$(mktemp -d -p "$work")" \
  --print-to-pdf="$work/certificate.pdf" --no-pdf-header-footer "file://$work/certificate.html" >/dev/null 2>&1

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
exit $failed
