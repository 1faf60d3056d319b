#!/usr/bin/env bash
# What a gap costs `serve`'s preview: the report with the most charts,
# evaluated COPIES times as a draft with every figure and COPIES times with
# ten figures not in the data yet, alternating, ROUNDS times; prints the
# medians and their ratio gaps/complete (1.0: a gap costs nothing).
#
# usage: bench/preview.sh [DIR [COPIES [ROUNDS]]]   (default: . 40 9)
# PROFILE=dev bench/preview.sh measures the development profile (its
# dependencies are optimised) instead of the release one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=${1:-.}
profile=${PROFILE:-release}
case $profile in
dev) out=debug ;;
*) out=$profile ;;
esac
cargo build --profile "$profile" --quiet --example preview_bench
exec "${CARGO_TARGET_DIR:-target}/$out/examples/preview_bench" "$dir" "${2:-40}" "${3:-9}"
