#!/usr/bin/env bash
# Chart messages on the example site that do not say what they are about:
# those that open with a verb ("Rose to 28 in 2021-22 …") or a bare figure
# ("308 in June 2023."), so a reader hears a number with no subject.
#
# usage: bench/chart_messages.sh [OUT]      (default /tmp/words-public)
#   OUTTURN=path/to/outturn bench/chart_messages.sh   counts another build
# Prints every message without a subject, then "N of M chart messages have
# no subject", then how many name a breakdown's groups without saying what
# they are groups of.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out=${1:-/tmp/words-public}
if [[ -z ${OUTTURN:-} ]]; then
  cargo run --release --quiet -- build --out "$out" >/dev/null
else
  "$OUTTURN" build --out "$out" >/dev/null
fi
messages=$(grep -rhoP '<span class="chart-message">\K[^<]*' "$out" --include='*.html' || true)
total=$(printf '%s' "$messages" | grep -c . || true)
subjectless=$(printf '%s\n' "$messages" | grep -E '^(Rose|Fell|Stayed|Rises|Falls|[0-9])' || true)
count=$(printf '%s' "$subjectless" | grep -c . || true)
# A breakdown's message that opens "In Q1 2023-24, the largest groups
# were …" does not say what they are groups of.
groups=$(printf '%s\n' "$messages" | grep -c '^In ' || true)
[[ -n $subjectless ]] && printf '%s\n' "$subjectless"
echo "$count of $total chart messages have no subject"
echo "$groups of $total chart messages name groups without saying what they are groups of"
