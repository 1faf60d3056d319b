#!/usr/bin/env bash
# `outturn check` on a copy of the example site whose care leavers file is the
# 100 MB one bench/national.sh makes (run that first): the time and peak
# memory of each run, and their medians. `check` reads the data once; the
# drafts' check takes it from the published check's cache.
#
# usage: bench/check.sh [OUTTURN]       (default: target/release/outturn; RUNS=5)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
outturn=${1:-$target/release/outturn}
runs=${RUNS:-5}
big=${BENCH_DIR:-/dev/shm/outturn-national}/national-100mb-named.csv
site=${BENCH_DIR:-/dev/shm/outturn-national}/check-site
[[ -s $big ]] || { echo "no $big: run bench/national.sh first" >&2; exit 1; }
rm -rf "$site" && mkdir -p "$site"
git archive HEAD | tar -x -C "$site"
cp "$big" "$site/data/national/la_care_leavers_activity.csv"
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
secs=() kib=()
for ((r = 0; r < runs; r++)); do
  read -r s k < <(/usr/bin/time -f "%e %M" "$outturn" check --quiet --root "$site" 2>&1 >/dev/null | tail -1)
  secs+=("$s") kib+=("$k")
done
printf 'check: median %s s, peak %s MiB\n' "$(printf '%s\n' "${secs[@]}" | median)" \
  "$(( $(printf '%s\n' "${kib[@]}" | median | cut -d. -f1) / 1024 ))"
