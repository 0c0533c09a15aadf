import type { Migration } from '../migrations.js';

/**
 * The transactions stay the record, with the primary key and what the queries need (issue 14
 * item 3): applying a month writes a million rows, and every index is maintained row by row.
 * - `seq`'s UNIQUE constraint: nothing looks a transaction up by `seq`; it breaks same-day ties in
 *   `class_b_transaction_by_account`'s order, and its sequence already numbers each row once.
 * - `class_b_transaction_by_date (date, type)`: read only by the conversions report's purchases
 *   of a month and the distributors feed's "any activity in these dates" check, interactive and
 *   rare; a scan of the table serves them.
 * `class_b_transaction_by_account (account, date, seq)` stays: every replay reads an account's
 * transactions in that order.
 */
export const CLASS_B_TRANSACTION_INDEXES_MIGRATION: Migration = {
  version: 25,
  name: 'class B transactions: primary key and the by-account index only',
  sql: `
    ALTER TABLE class_b_transaction DROP CONSTRAINT class_b_transaction_seq_key;
    DROP INDEX class_b_transaction_by_date;
  `,
};
