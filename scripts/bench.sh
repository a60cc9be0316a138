#!/usr/bin/env bash
# npm run bench: Polycourse and its peers build the same generated corpus side by side in one run
# (shared/bench: 12 locales x 100 lessons by default). Peers are installed under /tmp/peer-bench,
# never into this project. Extra arguments go to run-peers.sh, e.g. `npm run bench -- --size small`.
#   PEERS=vitepress,starlight (default)   RUNS=2 (default)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH="${BENCH_DIR:-$ROOT/../shared/bench}"
PEERS="${PEERS:-vitepress,starlight}"
RUNS="${RUNS:-2}"
[ -d "$BENCH" ] || { echo "bench: $BENCH not found (set BENCH_DIR)" >&2; exit 2; }
if [ ! -d "${PEER_BENCH_HOME:-/tmp/peer-bench}/vitepress/node_modules" ] || [ ! -d "${PEER_BENCH_HOME:-/tmp/peer-bench}/astro/node_modules" ]; then
  echo "bench: installing the peers once into ${PEER_BENCH_HOME:-/tmp/peer-bench}" >&2
  bash "$BENCH/peers/install.sh" >&2
fi
# The CLI runs from dist/ when it matches the sources: build it first, as npm install does.
node "$ROOT/bin/build-dist.mjs" >&2
export X_BUILD="bash $ROOT/scripts/bench-build.sh"
export X_PAGE='corpus/{locale}/{module}/{lesson}/index.html'
export X_ROOT_LOCALE=''
export X_VERSION="polycourse $(node -p "require('$ROOT/package.json').version")"
export X_CACHE='pages and images under OUT/.cache'
args=("$@")
has_size=0; for a in "${args[@]}"; do [ "$a" = "--size" ] && has_size=1; done
[ "$has_size" = 1 ] || args+=(--size default)
bash "$BENCH/run-peers.sh" --runs "$RUNS" --peers "x,$PEERS" "${args[@]}" | tee /dev/stderr | node "$ROOT/scripts/bench-ratios.mjs"
# Against the floor (wall, CPU) on the default and held-out shapes, and the memory curve (#17).
node "$ROOT/scripts/bench-build-aims.mjs"
# A learner's first visit (#17: ≤ 150 KB on the wire), on the demo course and the held-out corpus.
npx tsx "$ROOT/scripts/bench-first-visit.ts"
# The author's loop (#17): a build with nothing to do (≤ 0.3 s), and a saved lesson in the open page
# (≤ 200 ms) beside VitePress's and Astro's dev servers on one corpus of the shared generator.
node "$ROOT/scripts/bench-no-change.mjs"
DEV_CORPUS="${PEER_BENCH_HOME:-/tmp/peer-bench}/dev-corpus"
[ -d "$DEV_CORPUS" ] || node "$BENCH/gen-corpus.mjs" --modules 4 --lessons 10 --out "$DEV_CORPUS" >&2
node "$ROOT/scripts/bench-dev.mjs" --corpus "$DEV_CORPUS"
# Publishing from the CMS after a one-lesson edit (≤ 5 s), and course reads over REST at the default
# depth (≥ 200 req/s, p99 ≤ 250 ms) on the embedded SQLite and on PostgreSQL.
npx tsx "$ROOT/scripts/bench-cms-publish.ts"
npx tsx "$ROOT/scripts/bench-rest-reads.ts"
npx tsx "$ROOT/scripts/bench-rest-reads.ts" --postgres
