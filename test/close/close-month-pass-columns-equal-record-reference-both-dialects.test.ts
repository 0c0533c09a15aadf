import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthEnd, monthOf, monthStart } from '../../src/calendar/isoDate.js';
import type { ClassBActivity } from '../../src/class-b/classBActivity.js';
import {
  KeyDictionary,
  type MonthPassDictionaries,
  monthTransactionsOf,
} from '../../src/class-b/monthPassRecords.js';
import { applyClassBMonth } from '../../src/close/classBLedgerMonth.js';
import { bootstrapLedgerState } from '../../src/close/ledgerStateBootstrap.js';
import { classBPortfolioIds, importDemoExhibits } from '../../src/demo/demoClassB.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importClassBTerms } from '../../src/feeds/classBTermsFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { activityOfRows, transactionsOfAccountKeys } from '../../src/store/classBRepository.js';
import { loadClassBTerms } from '../../src/store/classBTermsRepository.js';
import type { Database, Queryable } from '../../src/store/database.js';
import {
  accountKeyRanges,
  ledgerStateDictionaries,
  readLedgerStateChunk,
  readMonthTransactionColumns,
} from '../../src/store/ledgerStateRepository.js';
import { generateAccountActivity } from '../class-b/support/generatedActivity.js';
import { fullJson } from '../class-b/support/monthPassHarness.js';
import {
  accountsLines,
  generatedTermsRules,
  HEADER,
  historyLines,
  linesOf,
} from '../class-b/support/transactionLines.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';

// Issue 14: the close applies the Class B month to the stored ledger (classBLedgerMonth.ts) from
// the month's transactions COPY-decoded into the pass's columns (readMonthTransactionColumns), and
// checks the pass's redemptions against the imports' on integers (checkStoredRedemptions). The
// references are kept: the transactions as text rows → activity records → columns
// (`monthTransactionsOf(activityOfRows(…))`) and the redemptions compared as text
// (`applyClassBMonth(…, { reference: true })`). Differential, on both stores: generated accounts
// (seed 5,000 + i: purchases, reinvestments with stated attributions, redemptions with waivers
// and redemption fees, systematic withdrawals, chains of Free Exchanges, convert rows; a tenth
// omnibus; recorded in reverse order of their names, so that their keys and names sort apart), their history imported and the ledger stored at 2002-12-31, then month after month:
// the month imported, each chunk's columns (and the dictionaries' keys, in order) read both ways,
// and the month applied both ways (each in a transaction rolled back, then the fast one kept):
// the same result, the same ledgers seen by Exhibit A and the same state written. Then stored
// redemptions tampered with one field at a time: both checks stop the month (exit 70).
// 100 accounts: every kind of row counted below (the test asserts floors for each)
const ACCOUNTS = 100;
const STATE_FROM = '2002-12-31';
const MONTHS = ['2003-01', '2003-02', '2003-03', '2003-04', '2003-05', '2003-06'] as const;
const CHUNK_ACCOUNTS = 13;

interface Account {
  readonly account: string;
  readonly omnibus: boolean;
  readonly activity: readonly ClassBActivity[];
}

const accounts: Account[] = Array.from({ length: ACCOUNTS }, (_, i) => {
  const account = `cp-${String(i).padStart(4, '0')}`;
  return { account, omnibus: i % 10 === 4, activity: generateAccountActivity(5_000 + i, account) };
});

class RolledBack extends Error {}

/** What `fn` gives inside a transaction that is then rolled back. */
async function rolledBack<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await db
    .transaction(async (tx) => {
      out = await fn(tx);
      throw new RolledBack();
    })
    .catch((e: unknown) => {
      if (!(e instanceof RolledBack)) throw e;
    });
  return out as T;
}

/** The state written at a month end (every row of it, in key order) and the attributions. */
async function stateWritten(q: Queryable, asOf: string): Promise<string> {
  const at = `as_of = '${asOf}'::date`;
  return fullJson([
    // one row per account: its lots and allowances as arrays (migration 28)
    await q.textRows(`SELECT * FROM class_b_ledger_state WHERE ${at} ORDER BY account_key`),
    await q.textRows('SELECT * FROM class_b_lot_attribution ORDER BY account_key, origin_txn_id'),
    await q.textRows('SELECT * FROM class_b_ledger_portfolio ORDER BY portfolio_key'),
  ]);
}

/** The month applied to the stored ledger: its result, the chunks' ledgers Exhibit A sees, the state written. */
async function applied(q: Queryable, month: string, reference: boolean): Promise<string> {
  const seen: string[] = [];
  const result = await applyClassBMonth(q, month, await loadClassBTerms(q), {
    chunkAccounts: CHUNK_ACCOUNTS,
    reference,
    visit: (c) =>
      seen.push(
        fullJson([
          c.start,
          c.end,
          [...c.accountNames],
          c.dictionaries.txns.allNames(),
          c.dictionaries.portfolios.names,
        ]),
      ),
  });
  return fullJson([result, seen, await stateWritten(q, monthEnd(month))]);
}

const dictionaries = async (q: Queryable): Promise<MonthPassDictionaries> => ({
  ...(await ledgerStateDictionaries(q)),
  txns: new KeyDictionary(),
  exchanges: new KeyDictionary(),
});

describe.each(dialects)(
  'the close month pass read as columns against the record reference on %s',
  (dialect) => {
    let tdb: TestDatabase;
    let db: Database;
    let name: (pid: string) => string;

    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      db = await tdb.open();
      const registry = await importDemoExhibits(db);
      const classB = classBPortfolioIds(registry);
      const generated = ['fund-a', 'fund-b', 'fund-c', 'fund-d', 'fund-e'];
      const names = new Map(
        generated.map((pid, i) => [pid, registry.identities.nameOn(classB[i]!, '2025-12-31')]),
      );
      name = (pid) => names.get(pid)!;
      await importClassBTerms(db, 'terms.csv', Buffer.from(`${generatedTermsRules(name).join('\n')}\n`));
      await importAccounts(
        db,
        'accounts.csv',
        Buffer.from(`${accountsLines([...accounts].reverse()).join('\n')}\n`),
      );
      await importTransactions(
        db,
        'history.csv',
        Buffer.from(`${historyLines(accounts, STATE_FROM, name).join('\n')}\n`),
      );
      const terms = await loadClassBTerms(db);
      await db.transaction((tx) => bootstrapLedgerState(tx, STATE_FROM, terms));
    });

    afterAll(async () => {
      await db?.close();
      await tdb?.drop();
    });

    const importMonth = async (month: string) => {
      const lines = accounts.flatMap((a) =>
        linesOf(
          a.account,
          a.activity.filter((x) => monthOf(x.date) === month),
          name,
        ),
      );
      const out = await importTransactions(
        db,
        `${month}.csv`,
        Buffer.from(`${[HEADER, ...lines].join('\n')}\n`),
      );
      expect(JSON.stringify(out), month).toMatch(/"inserted"/);
    };

    it('reads the same columns and applies the month with the same result, month after month', async () => {
      const seen = { rows: 0, exchanges: 0, redemptions: 0, waived: 0, stated: 0, converts: 0 };
      for (const month of MONTHS) {
        await importMonth(month);
        const before = month === MONTHS[0] ? STATE_FROM : monthEnd(MONTHS[MONTHS.indexOf(month) - 1]!);
        // each chunk's columns, both ways, with the same dictionaries' keys in the same order
        for (const range of await accountKeyRanges(db, CHUNK_ACCOUNTS)) {
          const a = await dictionaries(db);
          const b = await dictionaries(db);
          const chunk = await readLedgerStateChunk(db, before, range, a);
          await readLedgerStateChunk(db, before, range, b);
          const fast = await readMonthTransactionColumns(
            db,
            chunk.accountNames,
            monthStart(month),
            monthEnd(month),
            a,
          );
          const keyOf = new Map([...chunk.accountNames].map(([k, n]) => [n, k]));
          const rows = await transactionsOfAccountKeys(db, range, monthEnd(month), monthStart(month));
          const reference = monthTransactionsOf(
            [...rows].map(([account, r]) => ({ account, activity: activityOfRows(r) })),
            b,
            (account) => keyOf.get(account)!,
          );
          expect(fullJson(fast), `${month} ${range.fromKey}`).toBe(fullJson(reference));
          for (const k of ['txns', 'portfolios', 'exchanges', 'distributors'] as const)
            expect(a[k].allNames(), `${month} ${k}`).toEqual(b[k].allNames());
          seen.rows += fast.count;
          for (let i = 0; i < fast.count; i++) {
            if (fast.type[i] === 3) seen.exchanges++;
            if (fast.type[i] === 2) seen.redemptions++;
            if (fast.waiver[i]! > 0) seen.waived++;
            if (fast.type[i] === 4) seen.converts++;
            if (fast.attributedDistributor[i]! >= 0 || fast.derivedFromDoiDay[i]! > -2_147_483_648)
              seen.stated++;
          }
        }
        // the month applied both ways, each rolled back: the same; then the fast one kept
        const byReference = await rolledBack(db, (tx) => applied(tx, month, true));
        const byColumns = await rolledBack(db, (tx) => applied(tx, month, false));
        expect(byColumns, month).toBe(byReference);
        await db.transaction((tx) => applied(tx, month, false));
      }
      // the generated months have every kind of row the read decodes (at 100 accounts: 158 rows, 31
      // exchanges, 51 redemptions, 14 waived, 8 stated attributions, 1 convert row)
      expect(seen.rows).toBeGreaterThan(140);
      expect(seen.exchanges).toBeGreaterThan(25);
      expect(seen.redemptions).toBeGreaterThan(40);
      expect(seen.stated).toBeGreaterThan(5);
      expect(seen.waived).toBeGreaterThan(0);
      expect(seen.converts).toBeGreaterThan(0);
    });

    it('stops the month (exit 70) for a stored redemption off in any field, by both checks', async () => {
      const month = '2003-07';
      await importMonth(month);
      const from = monthStart(month);
      const to = monthEnd(month);
      const inMonth = `date BETWEEN '${from}' AND '${to}'`;
      // a redemption with a piece (and a waived one, for the waiver)
      const [[txn]] = (await db.textRows(
        `SELECT r.txn_id FROM class_b_redemption r WHERE r.${inMonth}
          AND EXISTS (SELECT 1 FROM class_b_redemption_piece p WHERE p.txn_id = r.txn_id AND p.cdsc > 0)
        ORDER BY r.txn_id LIMIT 1`,
      )) as [[string]];
      const piece = `txn_id = '${txn}' AND piece = (SELECT min(piece) FROM class_b_redemption_piece WHERE txn_id = '${txn}')`;
      const head = `txn_id = '${txn}'`;
      const tampered: [string, string][] = [
        ['shares', `UPDATE class_b_redemption SET shares = shares + 0.0001 WHERE ${head}`],
        ['price', `UPDATE class_b_redemption SET price = price + 0.0001 WHERE ${head}`],
        [
          'waiver',
          `UPDATE class_b_redemption SET waiver = CASE WHEN waiver IS NULL THEN 'death' END WHERE ${head}`,
        ],
        [
          'gross and net',
          `UPDATE class_b_redemption SET gross = gross + 0.01, net = net + 0.01 WHERE ${head}`,
        ],
        ['CDSC', `UPDATE class_b_redemption SET cdsc = cdsc + 0.01, net = net - 0.01 WHERE ${head}`],
        ['CDSC waived', `UPDATE class_b_redemption SET cdsc_waived = cdsc_waived + 0.01 WHERE ${head}`],
        [
          'redemption fee',
          `UPDATE class_b_redemption SET redemption_fee = redemption_fee + 0.01, net = net - 0.01 WHERE ${head}`,
        ],
        ['portfolio', `UPDATE class_b_redemption SET portfolio_id = portfolio_id || 'x' WHERE ${head}`],
        ['piece lot', `UPDATE class_b_redemption_piece SET lot_id = lot_id || 'x' WHERE ${piece}`],
        [
          'piece kind',
          `UPDATE class_b_redemption_piece SET kind = CASE kind WHEN 'free' THEN 'commission' ELSE 'free' END WHERE ${piece}`,
        ],
        ['piece DOI', `UPDATE class_b_redemption_piece SET doi = doi + 1 WHERE ${piece}`],
        [
          'piece issuing portfolio',
          `UPDATE class_b_redemption_piece SET issuing_portfolio_id = issuing_portfolio_id || 'x' WHERE ${piece}`,
        ],
        ['piece shares', `UPDATE class_b_redemption_piece SET shares = shares + 0.0001 WHERE ${piece}`],
        ['piece cost', `UPDATE class_b_redemption_piece SET cost = cost + 0.01 WHERE ${piece}`],
        ['piece CDSC', `UPDATE class_b_redemption_piece SET cdsc = cdsc + 0.01 WHERE ${piece}`],
        [
          'piece CDSC waived',
          `UPDATE class_b_redemption_piece SET cdsc_waived = cdsc_waived + 0.01 WHERE ${piece}`,
        ],
        ['a piece missing', `DELETE FROM class_b_redemption_piece WHERE ${piece}`],
        [
          'a piece more',
          `INSERT INTO class_b_redemption_piece SELECT txn_id, piece + 1000, lot_id, kind, doi, issuing_portfolio_id,
           shares, cost, rate_pct, base, cdsc, cdsc_waived FROM class_b_redemption_piece WHERE ${piece}`,
        ],
        [
          'a redemption stored that the pass does not compute',
          `INSERT INTO class_b_redemption SELECT t.txn_id, r.account, r.portfolio_id, r.date, r.shares, r.price,
           r.waiver, r.gross, r.cdsc, r.cdsc_waived, r.redemption_fee, r.net
           FROM class_b_redemption r, class_b_transaction t
          WHERE r.${head} AND t.txn_id = (SELECT min(txn_id) FROM class_b_transaction WHERE type = 'purchase')`,
        ],
      ];
      const terms = await loadClassBTerms(db);
      const outcome = (tx: Queryable, reference: boolean) =>
        applyClassBMonth(tx, month, terms, { chunkAccounts: CHUNK_ACCOUNTS, reference }).then(
          () => 'applied',
          (e: unknown) => `${(e as { code?: string }).code}: ${(e as Error).message}`,
        );
      for (const [what, sql] of tampered) {
        // each in its own transaction: a check that stops leaves the chunks before written
        const tamperedThen = (reference: boolean) =>
          rolledBack(db, async (tx) => {
            await tx.query(sql);
            return outcome(tx, reference);
          });
        const byReference = await tamperedThen(true);
        const byColumns = await tamperedThen(false);
        expect(byReference, what).toMatch(/^INTERNAL: .*the month is not sealed/);
        expect(byColumns, what).toBe(byReference);
      }
      // untouched, both apply it
      expect(await rolledBack(db, (tx) => outcome(tx, false))).toBe('applied');
    });
  },
);
