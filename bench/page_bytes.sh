#!/usr/bin/env bash
# Bytes of the report pages with the most charts: the example's 2023-24 Q1
# report (21 charts, each drawn twice) and every page of the chart stress
# site, as wc -c counts them, and how many charts each holds.
#
# usage: bench/page_bytes.sh
#   OUTTURN=path/to/outturn bench/page_bytes.sh   measures another build of outturn
#   BENCH_DIR=/dev/shm/x bench/page_bytes.sh      where the sites are built
#                                                 (default: a new temporary folder)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
if [[ -z ${OUTTURN:-} ]]; then
  cargo build --release --quiet
  OUTTURN=$target/release/outturn
fi
if [[ -n ${BENCH_DIR:-} ]]; then
  tmp=$BENCH_DIR
  mkdir -p "$tmp"
else
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
fi
rm -rf "$tmp/example" "$tmp/stress"
"$OUTTURN" build --out "$tmp/example" >/dev/null
"$OUTTURN" build --root tests/fixtures/chart-stress --out "$tmp/stress" >/dev/null

# "BYTES CHARTS PAGE" for each page named, counting figures of one value too.
count() {
  local page
  for page in "$@"; do
    printf '%s %s %s\n' "$(wc -c <"$page")" "$(grep -o 'class="chart-figure"' "$page" | wc -l)" "${page#"$tmp"/}"
  done
}
echo "bytes charts page"
count "$tmp/example/reports/2023-24-q1/index.html"
mapfile -t stress < <(find "$tmp/stress" -name index.html | sort)
count "${stress[@]}"
