import type { Migration } from '../migrations.js';

/**
 * The Class B ledger at month ends, one row per account and month end (issue 14): the account's
 * lots and systematic-withdrawal allowances as PostgreSQL arrays, one array per field, element i
 * of each the same lot (allowance). Migration 26 stored a row per lot, and at 1,000,000 accounts
 * writing them was the close's largest statement (an index entry per lot row); an account's row
 * costs about a tenth of its lots' rows.
 *
 * - `class_b_ledger_state`: an account's ledger at `as_of` (a month end), replacing
 *   `class_b_account_state`, `class_b_lot_state` and `class_b_withdrawal_allowance_state`. Its
 *   lots (Exhibit A 1.: kind, Date of Original Issuance, issuing portfolio, original cost; the
 *   origin is the txn_id that created the lot, its lotId) are in the order the month pass keeps
 *   them (portfolio, DOI, sequence, arrival), its allowances by (portfolio, year). As before, an
 *   account whose ledger did not change in a month gets no row for that month end: its state at a
 *   month end is its row with the latest `as_of` on or before it.
 * - The lot rows' constraints hold element by element (shares above zero, cost not negative,
 *   allowances not negative, no NULL), and every array of a kind has one length.
 *
 * The rows of the old tables are moved in (a store closed by an earlier build reads the same),
 * then the old tables go. `class_b_lot_attribution` and `class_b_ledger_state_month` are unchanged.
 */
const LOT_ARRAYS = [
  'lot_arrival',
  'lot_portfolio_key',
  'lot_issuing_portfolio_key',
  'lot_origin_txn_id',
  'lot_free',
  'lot_doi_epoch_day',
  'lot_sequence',
  'lot_share_units',
  'lot_cost_cents',
] as const;
const ALLOWANCE_ARRAYS = [
  'allowance_portfolio_key',
  'allowance_year',
  'allowance_units',
  'allowance_used_units',
] as const;

/** One dimension, lower bound 1 (or empty), the same length as the first, no NULL element. */
const sameShape = (arrays: readonly string[]) =>
  [
    `coalesce(array_length(${arrays[0]}, 1), 0) = cardinality(${arrays[0]})`,
    `coalesce(array_lower(${arrays[0]}, 1), 1) = 1`,
    ...arrays.slice(1).map((a) => `cardinality(${a}) = cardinality(${arrays[0]})`),
    ...arrays.map((a) => `array_position(${a}, NULL) IS NULL`),
  ].join('\n        AND ');

export const LEDGER_STATE_PACKED_MIGRATION: Migration = {
  version: 28,
  name: 'class B ledger state: one row per account and month end, lots and allowances as arrays',
  sql: `
    CREATE TABLE class_b_ledger_state (
      account_key                integer NOT NULL,
      as_of                      date NOT NULL,          -- a month end
      next_sequence              integer NOT NULL CHECK (next_sequence >= 0),
      next_arrival               integer NOT NULL CHECK (next_arrival >= next_sequence),
      lot_arrival                integer[] NOT NULL,     -- unique in an account: one per lot reaching a portfolio
      lot_portfolio_key          smallint[] NOT NULL,
      lot_issuing_portfolio_key  smallint[] NOT NULL,
      lot_origin_txn_id          text[] NOT NULL,
      lot_free                   boolean[] NOT NULL,     -- Free Shares; else Commission Shares
      lot_doi_epoch_day          integer[] NOT NULL,     -- Date of Original Issuance, days since 1970-01-01
      lot_sequence               integer[] NOT NULL,
      lot_share_units            bigint[] NOT NULL CHECK (0 < ALL (lot_share_units)),   -- 1/10,000 share
      lot_cost_cents             bigint[] NOT NULL CHECK (0 <= ALL (lot_cost_cents)),
      allowance_portfolio_key    smallint[] NOT NULL,
      allowance_year             smallint[] NOT NULL,
      allowance_units            bigint[] NOT NULL CHECK (0 <= ALL (allowance_units)),
      allowance_used_units       bigint[] NOT NULL CHECK (0 <= ALL (allowance_used_units)),
      PRIMARY KEY (account_key, as_of),
      CONSTRAINT class_b_ledger_state_lots CHECK (
        ${sameShape(LOT_ARRAYS)}),
      CONSTRAINT class_b_ledger_state_allowances CHECK (
        ${sameShape(ALLOWANCE_ARRAYS)})
    );
    -- no planner statistics of the arrays: nothing filters on them, and ANALYZE of them cost more
    -- than of the whole of the three tables before
    ALTER TABLE class_b_ledger_state
      ${[...LOT_ARRAYS, ...ALLOWANCE_ARRAYS].map((a) => `ALTER COLUMN ${a} SET STATISTICS 0`).join(',\n      ')};
    INSERT INTO class_b_ledger_state
    SELECT s.account_key, s.as_of, s.next_sequence, s.next_arrival,
           ${LOT_ARRAYS.map((a) => `coalesce(l.${a}, '{}')`).join(', ')},
           ${ALLOWANCE_ARRAYS.map((a) => `coalesce(w.${a}, '{}')`).join(', ')}
      FROM class_b_account_state s
      LEFT JOIN (
        SELECT account_key, as_of,
               array_agg(arrival ORDER BY portfolio_key, doi, sequence, arrival) AS lot_arrival,
               array_agg(portfolio_key ORDER BY portfolio_key, doi, sequence, arrival) AS lot_portfolio_key,
               array_agg(issuing_portfolio_key ORDER BY portfolio_key, doi, sequence, arrival) AS lot_issuing_portfolio_key,
               array_agg(origin_txn_id ORDER BY portfolio_key, doi, sequence, arrival) AS lot_origin_txn_id,
               array_agg(free ORDER BY portfolio_key, doi, sequence, arrival) AS lot_free,
               array_agg(doi - DATE '1970-01-01' ORDER BY portfolio_key, doi, sequence, arrival) AS lot_doi_epoch_day,
               array_agg(sequence ORDER BY portfolio_key, doi, sequence, arrival) AS lot_sequence,
               array_agg(share_units ORDER BY portfolio_key, doi, sequence, arrival) AS lot_share_units,
               array_agg(cost_cents ORDER BY portfolio_key, doi, sequence, arrival) AS lot_cost_cents
          FROM class_b_lot_state GROUP BY account_key, as_of
      ) l ON l.account_key = s.account_key AND l.as_of = s.as_of
      LEFT JOIN (
        SELECT account_key, as_of,
               array_agg(portfolio_key ORDER BY portfolio_key, year) AS allowance_portfolio_key,
               array_agg(year ORDER BY portfolio_key, year) AS allowance_year,
               array_agg(allowance_units ORDER BY portfolio_key, year) AS allowance_units,
               array_agg(used_units ORDER BY portfolio_key, year) AS allowance_used_units
          FROM class_b_withdrawal_allowance_state GROUP BY account_key, as_of
      ) w ON w.account_key = s.account_key AND w.as_of = s.as_of;
    DO $$
    BEGIN
      -- every lot and allowance row moved: none without its account's row
      IF (SELECT coalesce(sum(cardinality(lot_arrival)), 0) FROM class_b_ledger_state)
           <> (SELECT count(*) FROM class_b_lot_state)
         OR (SELECT coalesce(sum(cardinality(allowance_year)), 0) FROM class_b_ledger_state)
           <> (SELECT count(*) FROM class_b_withdrawal_allowance_state) THEN
        RAISE EXCEPTION 'class_b_lot_state or class_b_withdrawal_allowance_state holds rows of no class_b_account_state row';
      END IF;
    END $$;
    DROP TABLE class_b_lot_state, class_b_withdrawal_allowance_state, class_b_account_state;
  `,
};
