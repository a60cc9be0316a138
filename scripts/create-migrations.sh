#!/usr/bin/env bash
# Regenerate a migration for SQLite and PostgreSQL after a collection change:
#   bash scripts/create-migrations.sh <name>
# Generated files are committed and never edited by hand (this script only adds the .ts extensions that
# the project's ESM/TypeScript settings need: .ts extensions on relative imports, type-only imports).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
NAME="${1:?usage: create-migrations.sh <name>}"
TMP="$(mktemp -d)"
cd "$TMP"
PAYLOAD_CONFIG_PATH="$ROOT/cms/payload.config.ts" DATABASE_URI="file:$TMP/empty.db" node "$ROOT/node_modules/payload/bin.js" migrate:create "$NAME"
PAYLOAD_CONFIG_PATH="$ROOT/cms/payload.config.ts" DATABASE_URI="${POSTGRES_URI:-postgres://postgres@127.0.0.1:5432/test}" node "$ROOT/node_modules/payload/bin.js" migrate:create "$NAME"
for index in "$ROOT"/cms/migrations/*/index.ts; do
  sed -i -E "s#from '(\./[^']+)';#from '\1.ts';#; s#from '(\./[^']+)\.ts\.ts';#from '\1.ts';#" "$index"
done
# type-only imports, as verbatimModuleSyntax requires
sed -i -E "s#^import \{ MigrateUpArgs, MigrateDownArgs, sql \}#import { type MigrateUpArgs, type MigrateDownArgs, sql }#" "$ROOT"/cms/migrations/*/2*.ts
rm -rf "$TMP"
