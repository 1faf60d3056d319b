#!/usr/bin/env bash
# Writes a national statistics file of about SIZE bytes to OUT, unless OUT is
# there already: DfE's care leavers file as published, then every council's
# rows again under new made-up codes until it is SIZE bytes. A made-up
# council is named after its code and has no old code, so that no name or
# code stands for two councils (which the reader reports).
#
# usage: bench/make_national.sh SIZE OUT   (OUTTURN_SHARED=DIR if ../shared is elsewhere)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
size=$1
out=$2
file=${OUTTURN_SHARED:-../shared}/data/ees/la_care_leavers_activity.csv
[[ -s $out ]] && exit 0
awk -v target="$size" 'NR == 1 { print; size = length($0) + 1; next }
  { rows[++n] = $0 }
  END {
    for (copy = 0; size < target; copy++)
      for (i = 1; i <= n && size < target; i++) {
        row = rows[i]
        if (copy > 0) {
          if (row !~ /Local authority/) continue
          code = sprintf("X%07d", copy * 1000 + i % 1000)
          sub(/,E0[0-9]+,/, "," code ",", row); sub(/,[0-9][0-9][0-9],/, ",000,", row)
          p = index(row, ",000,"); q = index(row, "," code ",")
          if (p && q > p) row = substr(row, 1, p) ",Council " code substr(row, q)
        }
        print row; size += length(row) + 1
      }
  }' "$file" >"$out"
