#!/usr/bin/env bash
# What a gap costs `serve`'s preview: the report with the most charts,
# evaluated COPIES times as a draft with every figure and COPIES times with
# ten figures not in the data yet, alternating, ROUNDS times; prints the
# medians and their ratio gaps/complete (1.0: a gap costs nothing).
#
# usage: bench/preview.sh [DIR [COPIES [ROUNDS]]]   (default: . 40 9)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=${1:-.}
cargo build --release --quiet --example preview_bench
exec "${CARGO_TARGET_DIR:-target}/release/examples/preview_bench" "$dir" "${2:-40}" "${3:-9}"
