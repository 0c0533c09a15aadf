import type { Migration } from '../migrations.js';

/**
 * A sealed part is read back as the close wrote it (SPEC §12: "reading a closed month shows its
 * sealed results"): `json` keeps the text, so `monthly-calculation --month M` of a closed month
 * prints its fields in the order the open month's report prints them. `jsonb` re-ordered them
 * (shorter keys first: "cdsc", "role", "payee" … before "portfolio"), which no one reading the
 * JSON expects. The parts' hashes are of their canonical JSON (src/audit/closeSeal.ts), which no
 * order changes: months sealed before keep their hashes, and their text keeps jsonb's order (the
 * close's own order was not kept).
 */
export const CLOSE_RESULT_TEXT_ORDER_MIGRATION: Migration = {
  version: 34,
  name: 'sealed parts keep the order of their fields',
  sql: `
    ALTER TABLE close_result ALTER COLUMN content TYPE json USING content::json;
  `,
};
