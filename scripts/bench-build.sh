#!/usr/bin/env bash
# Adapter command for shared/bench's peers/x.sh: called as `bench-build.sh CORPUS_DIR OUT_DIR`.
# `--source corpus` reads the benchmark layout (corpus.json) directly; pages land in
# OUT/corpus/<locale>/….
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
exec node "$ROOT/bin/polycourse.mjs" build "$1" --source corpus --out "$2" --json > /dev/null
