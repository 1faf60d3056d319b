#!/usr/bin/env bash
# What the reports' PDFs (pdf = true) cost: the example site built with and
# without them, and the seconds one PDF takes, from a copy of the site with
# only its largest report (Q1 2023-24, the most pages), with and without.
# Each figure is the best of RUNS builds (default 3), in wall seconds.
#
# usage: bench/pdf.sh
#   OUTTURN=path/to/outturn bench/pdf.sh   measures another build of outturn
#   RUNS=5 bench/pdf.sh                    more builds for each figure
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
runs=${RUNS:-3}
if [[ -z ${OUTTURN:-} ]]; then
  cargo build --release --quiet
  OUTTURN=$target/release/outturn
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A copy of the example site in $1, with `pdf = true` or `pdf = false`.
copy_site() {
  local site=$1 pdf=$2
  mkdir -p "$site"
  for part in site.toml content data published static themes templates; do
    if [[ -e $part ]]; then cp -r "$part" "$site/"; fi
  done
  sed -i "s/^pdf = .*/pdf = $pdf/" "$site/site.toml"
  grep -q "^pdf = $pdf" "$site/site.toml" || { echo "site.toml has no pdf line" >&2; exit 1; }
}

# The best of $runs builds of the site in $1, in seconds.
best() {
  local site=$1 best=""
  for _ in $(seq "$runs"); do
    # Into an empty folder: a build over its own last output rewrites
    # only what changed, and would measure nothing.
    rm -rf "$tmp/public"
    local secs
    secs=$( { /usr/bin/time -f "%e" "$OUTTURN" build --quiet --root "$site" --out "$tmp/public" >/dev/null; } 2>&1 | tail -1)
    if [[ -z $best ]] || awk -v a="$secs" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$secs; fi
  done
  echo "$best"
}

largest=content/reports/2023-24-q1.md
copy_site "$tmp/with" true
copy_site "$tmp/without" false
copy_site "$tmp/one-with" true
copy_site "$tmp/one-without" false
for site in "$tmp/one-with" "$tmp/one-without"; do
  find "$site/content/reports" -name '*.md' ! -name "$(basename "$largest")" -delete
done

with=$(best "$tmp/with")
without=$(best "$tmp/without")
one_with=$(best "$tmp/one-with")
one_without=$(best "$tmp/one-without")
rm -rf "$tmp/public"
"$OUTTURN" build --quiet --root "$tmp/one-with" --out "$tmp/public"
pdf=$(find "$tmp/public/reports" -name '*.pdf' | head -1)
pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }' || true)

printf '%-66s %8s\n' build seconds
printf '%-66s %8s\n' "example site, pdf = false" "$without"
printf '%-66s %8s\n' "example site, pdf = true ($(find "$tmp/with/content/reports" -name '*.md' | wc -l) PDFs)" "$with"
printf '%-66s %8s\n' "largest report alone, pdf = false" "$one_without"
printf '%-66s %8s\n' "largest report alone, pdf = true" "$one_with"
printf '%-66s %8.2f\n' "one PDF ($(basename "$pdf"), ${pages:-?} pages, $(($(stat -c %s "$pdf") / 1024)) KB)" \
  "$(awk -v a="$one_with" -v b="$one_without" 'BEGIN { print a - b }')"
