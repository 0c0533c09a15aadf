import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLASS_B_TRANSACTION_COLUMNS,
  type ClassBTransactionRow,
  cdscPiecesBetween,
  cdscPiecesBetweenByQuery,
  insertTransactions,
  loadTransactionsOf,
  type NewClassBTransaction,
  recordedTransactions,
  upsertAccounts,
} from '../../src/store/classBRepository.js';
import { insertNetAssets, netAssetsThrough, recordedNetAssets } from '../../src/store/netAssetsRepository.js';
import { dialects, freshDatabase } from '../support/databases.js';

/** Identifiers a transfer agent might send, and some no sane one would: COPY must carry them all. */
const hostileId = fc.string({
  unit: fc.constantFrom(
    '\t',
    '\n',
    '\r',
    '\\',
    'N',
    '.',
    '"',
    "'",
    '{',
    '}',
    ',',
    'a',
    'Z',
    '7',
    'é',
    '€',
    '𝄞',
  ),
  minLength: 1,
  maxLength: 12,
});

describe.each(dialects)('Class B and net-assets bulk paths through COPY (%s)', (dialect) => {
  it('what COPY writes and reads is what query() reads, in arrival order, and the staged check finds exactly the recorded', async () => {
    const t = await freshDatabase(dialect);
    const db = await t.open();
    try {
      const ids = [...new Set(fc.sample(hostileId, { numRuns: 400, seed: 7 }))];
      const accounts = ids.slice(0, 20);
      await upsertAccounts(
        db,
        accounts.map((account) => ({ account, omnibus: false, dealerOfRecord: null })),
        1,
      );
      // Every account's transactions, dated out of order: `seq` must follow the order given.
      const rows: NewClassBTransaction[] = ids.map((txnId, i) => ({
        txnId,
        date: `2025-0${1 + (i % 3)}-1${i % 7}`,
        account: accounts[i % accounts.length]!,
        portfolioId: `P${i % 2}`,
        portfolioName: i % 5 === 0 ? 'Fund\t"One"\\' : 'Fund Two',
        type: i % 4 === 0 ? 'reinvest' : 'purchase',
        shares: `${1 + i}.5000`,
        price: i % 4 === 0 ? null : '10.1200',
        exchangeId: null,
        waiver: null,
        attributedDistributor: i % 8 === 0 ? 'Summit\nDistributors' : null,
        derivedFromDoi: null,
      }));
      await db.transaction((tx) => insertTransactions(tx, rows, 1));

      const viaQuery = await db.query<ClassBTransactionRow>(
        `SELECT ${CLASS_B_TRANSACTION_COLUMNS} FROM class_b_transaction ORDER BY account, date, seq`,
      );
      const viaCopy = await loadTransactionsOf(db, accounts);
      expect([...viaCopy.values()].flat().sort((a, b) => Number(a.seq) - Number(b.seq))).toEqual(
        [...viaQuery].sort((a, b) => Number(a.seq) - Number(b.seq)),
      );
      // Arrival order: within each account, seq increases in the order its rows were given; the
      // rows are written account by account (the order of the by-account index, issue 14).
      const bySeq = [...viaQuery].sort((a, b) => Number(a.seq) - Number(b.seq));
      for (const account of accounts)
        expect(bySeq.filter((r) => r.account === account).map((r) => r.txn_id)).toEqual(
          rows.filter((r) => r.account === account).map((r) => r.txnId),
        );
      expect(bySeq.map((r) => r.account)).toEqual(bySeq.map((r) => r.account).sort());
      expect(bySeq.map((r) => r.txn_id).sort()).toEqual([...ids].sort());
      // Within an account, date then arrival.
      for (const [account, list] of viaCopy) {
        expect(list.every((r) => r.account === account)).toBe(true);
        for (let i = 1; i < list.length; i++)
          expect(
            list[i - 1]!.date < list[i]!.date ||
              (list[i - 1]!.date === list[i]!.date && Number(list[i - 1]!.seq) < Number(list[i]!.seq)),
          ).toBe(true);
      }

      // The idempotency check: half the file recorded, half new, one key twice.
      const asked = [...ids.slice(0, 10), 'not recorded', 'not\trecorded\\', ids[0]!];
      const found = await db.transaction((tx) => recordedTransactions(tx, asked));
      expect([...found.keys()].sort()).toEqual(ids.slice(0, 10).sort());
      expect(found.get(ids[3]!)).toEqual(viaQuery.find((r) => r.txn_id === ids[3]));

      // Net assets: inserted through COPY, the recorded ones found by the staged join.
      await insertNetAssets(
        db,
        [
          {
            portfolioId: 'P0',
            class: 'B',
            date: '2025-01-02',
            portfolioName: "O'Brien\tFund",
            netAssetsCents: 123_45n,
          },
          {
            portfolioId: 'P0',
            class: 'B',
            date: '2025-01-03',
            portfolioName: "O'Brien\tFund",
            netAssetsCents: 0n,
          },
        ],
        1,
      );
      const recorded = await db.transaction((tx) =>
        recordedNetAssets(tx, [
          { portfolioId: 'P0', class: 'B', date: '2025-01-03' },
          { portfolioId: 'P0', class: 'B', date: '2025-01-04' },
        ]),
      );
      expect([...recorded]).toEqual([['P0|B|2025-01-03', '0.00']]);
      expect(await netAssetsThrough(db, { to: '2025-01-02', portfolioId: 'P0', class: 'b' })).toEqual([
        {
          portfolioId: 'P0',
          portfolioName: "O'Brien\tFund",
          class: 'B',
          date: '2025-01-02',
          netAssets: '123.45',
        },
      ]);
    } finally {
      await db.close();
      await t.drop();
    }
  });

  it("a month's CDSC pieces read by COPY are query()'s rows: the range's pieces bearing a CDSC, by date, redemption and piece", async () => {
    const t = await freshDatabase(dialect);
    const db = await t.open();
    try {
      const ids = [...new Set(fc.sample(hostileId, { numRuns: 300, seed: 11 }))].slice(0, 60);
      await upsertAccounts(db, [{ account: 'A\t"1"', omnibus: false, dealerOfRecord: null }], 1);
      // redemptions dated either side of the month and on its first and last days
      const dates = ['2025-11-30', '2025-12-01', '2025-12-17', '2025-12-31', '2026-01-01'];
      await db.transaction((tx) =>
        insertTransactions(
          tx,
          ids.map((txnId, i) => ({
            txnId,
            date: dates[i % dates.length]!,
            account: 'A\t"1"',
            portfolioId: `P\t${i % 3}`,
            portfolioName: 'Fund',
            type: 'redeem' as const,
            shares: '10.0000',
            price: '10.0000',
            exchangeId: null,
            waiver: null,
            attributedDistributor: null,
            derivedFromDoi: null,
          })),
          1,
        ),
      );
      let expected = 0;
      for (const [i, txnId] of ids.entries()) {
        // pieces of 0, 1 and 3; a piece without CDSC (waived or past the schedule) is not one
        const pieces = [0, 1, 3][i % 3]!;
        const cdscs = Array.from({ length: pieces }, (_, k) =>
          (i + k) % 4 === 0 ? 0 : 1 + ((i * 7 + k) % 900),
        );
        const cdsc = cdscs.reduce((a, b) => a + b, 0);
        await db.query(
          `INSERT INTO class_b_redemption (txn_id, account, portfolio_id, date, shares, price, waiver, gross, cdsc, cdsc_waived, redemption_fee, net)
           VALUES ($1, $2, $3, $4, 10, 10, NULL, 100, $5, 0, 0, $6)`,
          [
            txnId,
            'A\t"1"',
            `P\t${i % 3}`,
            dates[i % dates.length],
            (cdsc / 100).toFixed(2),
            ((10000 - cdsc) / 100).toFixed(2),
          ],
        );
        for (const [k, c] of cdscs.entries()) {
          await db.query(
            `INSERT INTO class_b_redemption_piece (txn_id, piece, lot_id, kind, doi, issuing_portfolio_id, shares, cost, rate_pct, base, cdsc, cdsc_waived)
             VALUES ($1, $2, $3, 'commission', $4, $5, 1, 10, 5, 10, $6, 0)`,
            [
              txnId,
              k,
              `${ids[(i + k + 1) % ids.length]}\n${k}`,
              `20${19 + (k % 6)}-02-2${k}`,
              `I'${k}`,
              (c / 100).toFixed(2),
            ],
          );
          const month = dates[i % dates.length]!.startsWith('2025-12');
          if (month && c > 0) expected++;
        }
      }
      const viaCopy = await cdscPiecesBetween(db, '2025-12-01', '2025-12-31');
      const viaQuery = await cdscPiecesBetweenByQuery(db, '2025-12-01', '2025-12-31');
      expect(viaCopy).toEqual(viaQuery);
      expect(viaCopy).toHaveLength(expected);
      expect(expected).toBeGreaterThan(10);
      expect(
        viaCopy.every((r) => r.date >= '2025-12-01' && r.date <= '2025-12-31' && r.cdsc !== '0.00'),
      ).toBe(true);
      // by date, then redemption (the store's order of txn_id), then piece: the FINRA cap counts them so
      const days = viaCopy.map((r) => r.date);
      expect(days).toEqual([...days].sort());
      expect(viaCopy.some((r) => r.lot_id.includes('\n') && r.issuing_portfolio_id.startsWith("I'"))).toBe(
        true,
      );
    } finally {
      await db.close();
      await t.drop();
    }
  });
});
