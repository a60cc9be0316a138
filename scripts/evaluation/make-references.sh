#!/usr/bin/env bash
# Regenerates test/fixtures/evaluation/*.reference.json, the scipy reference of
# compiler/evaluation/, from the fixtures' CSV and options files: <name>.options.json reads
# <name>.csv, except cohort-240-pratt.options.json, which reads cohort-240.csv. Python warnings
# are errors.
#   bash scripts/evaluation/make-references.sh [--report]   (--report: Wilcoxon paths on stderr)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$here/../../test/fixtures/evaluation"
for options in "$dir"/*.options.json; do
  name="$(basename "$options" .options.json)"
  csv="$dir/$name.csv"
  [[ -f "$csv" ]] || csv="$dir/${name%-*}.csv" # cohort-240-pratt → cohort-240.csv
  python3 -W error "$here/reference.py" "$csv" "$options" "$@" > "$dir/$name.reference.json"
  echo "$name.reference.json ← $(basename "$csv"), $(basename "$options")"
done
