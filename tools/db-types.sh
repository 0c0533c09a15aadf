#!/usr/bin/env bash
# Regenerates src/store/tables.ts from the migrated schema (kysely-codegen), against the local
# PostgreSQL server: npm run db:types [-- postgres://…]
set -euo pipefail
cd "$(dirname "$0")/.."
URL="${1:-postgres://postgres@127.0.0.1:5432/test}"
SCHEMA="plan12b_codegen_$$"
npm run build >/dev/null
node -e "
const { openDatabase } = await import('./dist/src/store/database.js');
const { migrate } = await import('./dist/src/store/migrations.js');
const db = await openDatabase('$URL?schema=$SCHEMA'); await migrate(db); await db.close();" --input-type=module
OUT=$(mktemp --suffix=.ts)
npx kysely-codegen --dialect postgres --url "$URL" --default-schema "$SCHEMA" --include-pattern "$SCHEMA.*" \
  --numeric-parser string --date-parser string --out-file "$OUT" >/dev/null
PGOPTIONS="-c client_min_messages=warning" psql "$URL" -qc "DROP SCHEMA $SCHEMA CASCADE" >/dev/null
{ printf '/**\n * The tables of the store, declared once: generated from the migrated schema by kysely-codegen\n * (`npm run db:types`); do not edit by hand. Repositories type their queries with these.\n */\n'; tail -n +5 "$OUT"; } > src/store/tables.ts
rm -f "$OUT"
npx biome format --write src/store/tables.ts >/dev/null
echo "src/store/tables.ts regenerated"
