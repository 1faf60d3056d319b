#!/usr/bin/env bash
# Peak memory of `outturn check` and `outturn build` on the example site with
# its care leavers file replaced by a generated one of about SIZE bytes (the
# published rows repeated for made-up councils, as bench/national.sh makes
# them), beside the file's size.
#
# usage: bench/national_memory.sh            (SIZE=100000000, OUTTURN=$target/release/outturn)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
size=${SIZE:-100000000}
outturn=${OUTTURN:-$target/release/outturn}
tmp=${BENCH_DIR:-/dev/shm/outturn-national-memory}
site=$tmp/site
big=$tmp/national-$size.csv
mkdir -p "$tmp"
bench/make_national.sh "$size" "$big"
rm -rf "$site" && mkdir -p "$site"
cp -r site.toml content data "$site"/
[[ -d templates ]] && cp -r templates "$site"/
cp "$big" "$site/data/national/la_care_leavers_activity.csv"
echo "national file: $(($(stat -c %s "$big") / 1048576)) MiB"
for cmd in check build; do
  /usr/bin/time -f "  outturn $cmd: %e s, peak memory %M KiB" \
    "$outturn" "$cmd" --root "$site" -q >/dev/null 2>"$tmp/$cmd.err" || true
  tail -1 "$tmp/$cmd.err"
done
