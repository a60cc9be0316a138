#!/usr/bin/env bash
# Adapter command for shared/bench's peers/x.sh: called as `bench-build.sh CORPUS_DIR OUT_DIR`.
# The corpus source reads the benchmark layout (corpus.json) directly; pages land in OUT/corpus/<locale>/….
exec node "$(cd "$(dirname "$0")/.." && pwd)/bin/polycourse.mjs" build "$1" --out "$2" --json > /dev/null
