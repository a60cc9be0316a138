#!/usr/bin/env bash
# Timing: ROUNDS rounds, each runs every candidate in a fresh node process (1 warm-up + 5 timed passes).
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${ROUNDS:-3}
NAMES=${NAMES:-"remark from-markdown markdown-it md4w markdown-wasm comrak comrak+adapter yozora yozora+shim marked"}
OUT=${OUT:-results/timing.jsonl}
: > "$OUT"
for r in $(seq 1 "$ROUNDS"); do
  for n in $NAMES; do
    node src/bench.mjs "$n" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const o=JSON.parse(s);o.round=$r;o.load=require('os').loadavg()[0].toFixed(2);console.log(JSON.stringify(o))})" | tee -a "$OUT"
  done
done
