import { describe, expect, it } from 'vitest';
import { classBImportLine } from '../../src/cli/classBImportLine.js';

/**
 * `accounts`, `transactions` and `distributors import` say what they did as every other feed does
 * (`FILE: N rows; N new, N unchanged`): they printed the JSON result's keys
 * (`rows 4840, inserted 0, unchanged 4840, accounts 0, redemptionsWritten 0`).
 */
describe('a Class B import, in words', () => {
  it('transactions: rows, new and unchanged, then what was replayed', () => {
    expect(
      classBImportLine('class-b-transactions.csv', {
        file: 'class-b-transactions.csv',
        rows: 4840,
        inserted: 12,
        unchanged: 4828,
        accounts: 3,
        redemptionsWritten: 2,
      }),
    ).toBe(
      'class-b-transactions.csv: 4840 rows; 12 new, 4828 unchanged; 3 accounts replayed, 2 redemptions written',
    );
  });

  it('accounts and distributors: rows, new, updated and unchanged', () => {
    expect(
      classBImportLine('class-b-accounts.csv', {
        file: 'class-b-accounts.csv',
        rows: 240,
        inserted: 0,
        updated: 1,
        unchanged: 239,
      }),
    ).toBe('class-b-accounts.csv: 240 rows; 0 new, 1 updated, 239 unchanged');
  });
});
