import type { Migration } from '../migrations.js';

/** The array columns of class_b_ledger_state (migration 28), lots then allowances, with their element types. */
const ARRAY_COLUMNS = [
  ['lot_arrival', 'integer'],
  ['lot_portfolio_key', 'smallint'],
  ['lot_issuing_portfolio_key', 'smallint'],
  ['lot_origin_txn_id', 'text'],
  ['lot_free', 'boolean'],
  ['lot_doi_epoch_day', 'integer'],
  ['lot_sequence', 'integer'],
  ['lot_share_units', 'bigint'],
  ['lot_cost_cents', 'bigint'],
  ['allowance_portfolio_key', 'smallint'],
  ['allowance_year', 'smallint'],
  ['allowance_units', 'bigint'],
  ['allowance_used_units', 'bigint'],
] as const;

/**
 * The Class B ledger state's arrays kept as their text (issue 14). Migration 28 stored an
 * account's lots and allowances as thirteen PostgreSQL arrays, with element-wise CHECKs. Every
 * read and write of the state goes through COPY text, so PostgreSQL printed each array
 * (`array_out`) on the way out and parsed and checked it (`array_in`, the CHECKs) on the way in,
 * for every account of a close: at 200,000 accounts 1.15–1.35 s to COPY the rows out and 2.3–3.1 s
 * to COPY them in, against 0.6 s and 1.3–1.6 s for the same bytes as text columns
 * (docs/PERFORMANCE.md, session 29).
 *
 * Each column now holds exactly the array's literal as PostgreSQL prints it (`{1,2}`, `{t,f}`,
 * `{"a b",c}`): what COPY gives out is byte for byte what it gave before, and plan12b's reader
 * (ledgerStateRows.ts) and writer (ledgerStateRepository.ts `writeLedgerStateChunk`) are
 * unchanged. The element-wise rules the CHECKs held (shares above zero, cost and allowances not
 * negative, every array of a kind one length, no NULL element) are checked by the writer before
 * it writes and by the reader as it decodes (a bug in plan12b, never bad input). For SQL readers,
 * `class_b_ledger_state_arrays` shows the rows with their arrays typed as before. The existing
 * rows are converted in place (`::text` is the literal the reader already reads).
 */
export const LEDGER_STATE_TEXT_MIGRATION: Migration = {
  version: 30,
  name: 'class B ledger state: the lot and allowance arrays kept as their text',
  sql: `
    ALTER TABLE class_b_ledger_state
      DROP CONSTRAINT class_b_ledger_state_lots,
      DROP CONSTRAINT class_b_ledger_state_allowances,
      DROP CONSTRAINT class_b_ledger_state_lot_share_units_check,
      DROP CONSTRAINT class_b_ledger_state_lot_cost_cents_check,
      DROP CONSTRAINT class_b_ledger_state_allowance_units_check,
      DROP CONSTRAINT class_b_ledger_state_allowance_used_units_check,
      ${ARRAY_COLUMNS.map(([c]) => `ALTER COLUMN ${c} TYPE text USING ${c}::text`).join(',\n      ')};
    ALTER TABLE class_b_ledger_state
      ${ARRAY_COLUMNS.map(([c]) => `ALTER COLUMN ${c} SET STATISTICS 0`).join(',\n      ')};
    CREATE VIEW class_b_ledger_state_arrays AS
    SELECT account_key, as_of, next_sequence, next_arrival,
           ${ARRAY_COLUMNS.map(([c, t]) => `${c}::${t}[] AS ${c}`).join(',\n           ')}
      FROM class_b_ledger_state;
  `,
};
