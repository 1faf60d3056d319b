#!/usr/bin/env bash
# Peak memory of building the example site with one large file in static/.
# outturn copies static files into the output without reading them into
# memory, so the peak should stay near that of the site without the file.
#
# usage: bench/static_copy.sh [SIZE]          (default 1G; any size truncate(1) takes)
#   OUTTURN=path/to/outturn bench/static_copy.sh   measures another build of outturn
#   BENCH_DIR=/dev/shm/x bench/static_copy.sh      where the copy of the site goes
#                                                  (default: a new temporary folder)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
size=${1:-1G}
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
site=$tmp/site
rm -rf "$site" "$tmp/public"
mkdir -p "$site/static"
cp -r site.toml content data themes "$site/"

# Peak resident KiB and wall seconds of one build, as "KIB SECONDS".
measure() {
  /usr/bin/time -f "%M %e" "$OUTTURN" build --quiet --root "$site" --out "$tmp/public" 2>&1 >/dev/null | tail -1
}

read -r without secs_without < <(measure)
# A sparse file: it takes no disk until copied, and reads as zeros.
truncate -s "$size" "$site/static/big.bin"
read -r with secs_with < <(measure)
cmp -s "$site/static/big.bin" "$tmp/public/big.bin" || { echo "big.bin was not copied whole" >&2; exit 1; }

printf '%-28s %12s %10s\n' build peak_MiB seconds
printf '%-28s %12.0f %10s\n' "example site" "$(awk -v k="$without" 'BEGIN { print k / 1024 }')" "$secs_without"
printf '%-28s %12.0f %10s\n' "with a $size static file" "$(awk -v k="$with" 'BEGIN { print k / 1024 }')" "$secs_with"
