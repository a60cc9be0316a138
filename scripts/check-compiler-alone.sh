#!/usr/bin/env bash
# The compiler stands alone: copy the tracked files into a scratch folder without cms/ (nor the
# CMS's tests and test helpers), typecheck compiler/, runtime/ and themes/ there, and run every test
# that is not the CMS's (nor the check of docs/rules.md, which covers the CMS's rules too).
# `npm run check:compiler-alone`; extra arguments go to vitest.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SCRATCH="$(mktemp -d /tmp/polycourse-compiler-alone-XXXXXX)"
trap 'rm -rf "$SCRATCH"' EXIT
cd "$ROOT"
git ls-files -z --cached --others --exclude-standard \
  | grep -zEv '^(cms/|test/cms/|test/helpers/cms)' \
  | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
  | xargs -0 cp --parents -t "$SCRATCH"
ln -s "$ROOT/node_modules" "$SCRATCH/node_modules"
cd "$SCRATCH"
[ ! -e cms ] || { echo "check-compiler-alone: cms/ was copied" >&2; exit 1; }
echo "scratch copy without cms/: $SCRATCH ($(find . -path ./node_modules -prune -o -type f -print | wc -l) files)"
cat > tsconfig.alone.json <<'JSON'
{ "extends": "./tsconfig.json", "include": ["compiler", "runtime", "themes"], "exclude": [] }
JSON
npx tsc --noEmit -p tsconfig.alone.json
echo "typecheck of compiler/, runtime/, themes/ without cms/: ok"
node bin/build-dist.mjs
# rule-docs checks docs/rules.md against the rules of the whole repository, the CMS's included.
npx vitest run --exclude 'test/cms/**' --exclude 'node_modules/**' \
  --exclude 'test/architecture/rule-docs.test.ts' "$@"
