import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLASS_B_TRANSACTION_TYPES } from '../../src/class-b/classBTransactionRules.js';
import {
  NewTransactions,
  TransactionColumns,
  type TransactionStatementRow,
} from '../../src/import/transactionColumns.js';
import { transactionCopyRow } from '../../src/store/classBRepository.js';
import { encodeCopyRowsBytes } from '../../src/store/copyTextBytes.js';
import { hostile } from '../support/hostileStrings.js';

/**
 * Issue 14: `transactions import` writes a month's new rows as COPY text straight from the file's
 * columns (NewTransactions.copyTextInAccountOrder). The reference is the row path it replaced and
 * that insertTransactionsByAccount still takes: each planned change (inAccountOrder) as
 * transactionCopyRow's values, encoded by encodeCopyRowsBytes. Same bytes, piece by piece, for
 * generated files: hostile text in every text column, units past 2^53 and negative ones (kept as
 * bigints beside the columns), convert rows without a price, rows already recorded left out, and
 * accounts in any order. The same changes grouped by account (the holdings check's chunks) name
 * each account's place among the columns' names, where the import finds its key.
 */

const units = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 9n }),
  fc.bigInt({ min: 2n ** 53n - 3n, max: 2n ** 64n }),
  fc.bigInt({ min: -(10n ** 6n), max: -1n }),
  fc.constantFrom(0n, 1n, 9n, 10n, 9999n, 10000n, 10001n, 2n ** 53n - 1n, 2n ** 53n),
);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null, freq: 3 });

const statementRow: fc.Arbitrary<TransactionStatementRow> = fc.record({
  date: fc.constantFrom('2025-12-01', '2025-12-31', '2026-01-02', '1999-02-28'),
  txn_id: hostile,
  // few accounts and portfolios: an account's rows grouped, a name repeated
  account: fc.oneof(hostile, fc.constantFrom('A1', 'A10', 'A2', 'a1', 'É', '')),
  portfolio: fc.oneof(hostile, fc.constantFrom('Summit Core Stock Fund', 'Summit Energy Fund')),
  class: fc.constant('B'),
  type: fc.constantFrom(...CLASS_B_TRANSACTION_TYPES),
  shares: units,
  price: maybe(units),
  exchange_id: maybe(hostile),
  waiver: maybe(hostile),
  attributed_distributor: maybe(hostile),
  derived_from_doi: maybe(fc.constantFrom('2019-03-31', '2024-02-29')),
});

function concat(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('the new rows COPY-written from the columns', () => {
  it('are the bytes of the row path, piece by piece, whatever the rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(statementRow, fc.boolean()), { maxLength: 60 }),
        fc.array(fc.oneof(hostile, fc.constantFrom('P-1', 'p-2')), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rows, ids, pieceRows, importId) => {
          const gather = TransactionColumns.gatherer('month.csv', 4);
          gather.add(rows.map(([row], k) => ({ line: k + 2, row })));
          const columns = gather.done();
          const portfolioIds = columns.portfolios.names.map((_, k) => ids[k % ids.length]!);
          // the rows not already recorded (plan's `fresh`), in file order
          const fresh = Uint32Array.from(rows.flatMap(([, isNew], i) => (isNew ? [i] : [])));
          const changes = new NewTransactions(columns, portfolioIds, fresh);

          const reference = encodeCopyRowsBytes(
            [...changes.inAccountOrder()].map((r) => transactionCopyRow(r, importId)),
          );
          // each account with new rows is found at its place among the columns' account names (the
          // import takes its key from there), and its rows are that account's new rows
          const byAccount = changes.byAccount();
          byAccount.accounts.forEach((account, k) => {
            expect(columns.accounts.names[byAccount.columnAccount(k)]).toBe(account);
            expect(byAccount.rowsOf(k).map((r) => r.account)).toEqual(byAccount.rowsOf(k).map(() => account));
          });
          expect(byAccount.accounts.length).toBe(
            new Set(rows.filter(([, isNew]) => isNew).map(([r]) => r.account)).size,
          );
          const pieces = [...changes.copyTextInAccountOrder(importId, pieceRows)];
          expect(Buffer.from(concat(pieces)).toString('utf8')).toBe(Buffer.from(reference).toString('utf8'));
          expect(Buffer.compare(concat(pieces), reference)).toBe(0);
          // a piece holds pieceRows whole lines (the last the rest), none empty
          expect(pieces.length).toBe(Math.ceil(fresh.length / pieceRows));
          pieces.forEach((p, k) => {
            const lines = p.reduce((n, b) => n + (b === 10 ? 1 : 0), 0);
            expect(lines).toBe(k < pieces.length - 1 ? pieceRows : fresh.length - pieceRows * k);
            expect(p.at(-1)).toBe(10);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes a worked example as PostgreSQL reads it', () => {
    const gather = TransactionColumns.gatherer('month.csv', 2);
    const row = (over: Partial<TransactionStatementRow>): TransactionStatementRow => ({
      date: '2025-12-01',
      txn_id: 'T1',
      account: 'B2',
      portfolio: 'Summit Energy Fund',
      class: 'B',
      type: 'purchase',
      shares: 596022n,
      price: 393303n,
      exchange_id: null,
      waiver: null,
      attributed_distributor: null,
      derived_from_doi: null,
      ...over,
    });
    gather.add([
      { line: 2, row: row({}) },
      {
        line: 3,
        row: row({
          txn_id: 'T\t2',
          account: 'B1',
          type: 'convert',
          shares: 5n,
          price: null,
          waiver: 'a\\b',
        }),
      },
    ]);
    const changes = new NewTransactions(gather.done(), ['P-9'], Uint32Array.of(0, 1));
    const text = Buffer.from(concat([...changes.copyTextInAccountOrder(42)])).toString('utf8');
    // B1 before B2; 5 units = 0.0005 shares; a tab in a txn_id and a backslash escaped; no price: \N
    expect(text).toBe(
      'T\\t2\t2025-12-01\tB1\tP-9\tSummit Energy Fund\tB\tconvert\t0.0005\t\\N\t\\N\ta\\\\b\t\\N\t\\N\t42\n' +
        'T1\t2025-12-01\tB2\tP-9\tSummit Energy Fund\tB\tpurchase\t59.6022\t39.3303\t\\N\t\\N\t\\N\t\\N\t42\n',
    );
  });
});
