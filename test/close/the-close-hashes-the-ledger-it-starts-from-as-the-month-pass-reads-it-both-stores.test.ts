import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import type { Database, Queryable } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * Issue 14 (month9): the close of month M checks that the Class B ledger it starts from — every
 * account's latest state on or before the end of M−1 — is as the close of M−1 sealed it
 * (`classBLedgerStateAtEnd`, month8). That state was read twice: once, one row per account, to be
 * hashed, and once by the month pass to apply M to it. Now the pass's own read is hashed as it
 * reads it; nothing else reads the state at the end of M−1.
 *
 * The complex (Class B Agreement, seeds 003/004), AIM Constellation Fund B: N1 bought 600 on
 * 2004-05-03, N2 200 on 2005-03-18 and 100 on 2005-04-12; March and April 2005 closed, so the
 * ledger as it stood at 2005-04-30 is two rows: N1 at 2005-02-28 (the first close's build) and N2
 * at 2005-04-30. In May N2 redeems 50 shares and N3, a new account, buys 40.
 *
 * The rows the close's reads of the state at a date hand over (each account's latest row, probed
 * by account): the month pass reads every account — N1, N2 and N3 (no state yet: a row of NULLs)
 * — 3 rows. The check's own read was one more row per account with a state, N1 and N2: 3 + 2 = 5.
 */
const CO = 'AIM Constellation Fund';

/** The statements that read each account's latest state on or before a date (the pass's, the check's). */
const STATE_AT_A_DATE = 'LATERAL (SELECT * FROM class_b_ledger_state st WHERE';

/** `db` with the rows handed over by its reads of the state at a date counted. */
function countingStateReads(db: Database): { db: Database; rows: () => number } {
  let rows = 0;
  const reads = (sql: string) => sql.replace(/\s+/g, ' ').includes(STATE_AT_A_DATE);
  const lines = (r: unknown): number => {
    if (Array.isArray(r)) return r.length;
    const text = typeof r === 'string' ? Buffer.from(r) : (r as Uint8Array);
    let n = 0;
    for (const b of text) if (b === 10) n++;
    return n;
  };
  const counted = <T>(sql: string, result: T): T => {
    if (reads(sql)) rows += lines(result);
    return result;
  };
  const wrap = (q: Queryable): Queryable => ({
    query: async (sql, params) => counted(sql, await q.query(sql, params)),
    exec: (sql) => q.exec(sql),
    copyIn: (table, columns, r) => q.copyIn(table, columns, r),
    copyOut: async (sql) => counted(sql, await q.copyOut(sql)),
    textRows: async (sql) => counted(sql, await q.textRows(sql)),
    async *textRowChunks(sql, size) {
      for await (const chunk of q.textRowChunks(sql, size)) yield counted(sql, chunk);
    },
    ...(q.copyTextSlices === undefined
      ? {}
      : {
          async *copyTextSlices(sql: string, size?: Parameters<NonNullable<Queryable['copyTextSlices']>>[1]) {
            for await (const slice of q.copyTextSlices!(sql, size)) yield counted(sql, slice);
          },
        }),
  });
  return {
    db: {
      ...wrap(db),
      dialect: db.dialect,
      target: db.target,
      transaction: (fn, opts) => db.transaction((tx) => fn(wrap(tx)), opts),
      withWriterLock: (fn) => db.withWriterLock(fn),
      close: () => db.close(),
    },
    rows: () => rows,
  };
}

describe.skipIf(!seedsAvailable).each(dialects)(
  'the ledger the May close starts from, hashed as the pass reads it (%s)',
  (dialect) => {
    let tdb: TestDatabase;
    let dir: string;
    const args = (...a: string[]) => ['--db', tdb.target, '--actor', 'month9', ...a];
    const file = (name: string, lines: string[]) => {
      writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
      return join(dir, name);
    };
    const sql = async <T = Record<string, string>>(statement: string): Promise<T[]> => {
      const db = await tdb.open();
      try {
        return await db.query<T>(statement);
      } finally {
        await db.close();
      }
    };
    const closedMonths = async () =>
      (await sql<{ month: string }>('SELECT month FROM closed_month ORDER BY month')).map((r) => r.month);
    const mayClose = async () => {
      const r = await runCliInProcess(args('close', '--month', '2005-05', '--json'));
      return {
        code: r.code,
        stderr: r.stderr,
        error: r.code === 0 ? null : r.json<{ error: { code: string; message: string } }>().error,
      };
    };
    const n1 = `(SELECT account_key FROM class_b_account WHERE account = 'N1')`;
    const n2 = `(SELECT account_key FROM class_b_account WHERE account = 'N2')`;

    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'plan12b-month9-ledger-'));
      const steps = [
        ['exhibit', 'import', ...seedFiles().filter((f) => /\/00[34]_/.test(f))],
        [
          'accounts',
          'import',
          file('accounts.csv', ['account,omnibus,dealer_of_record', 'N1,no,D', 'N2,no,D', 'N3,no,D']),
        ],
        [
          'distributors',
          'import',
          file('distributors.csv', [
            'portfolio,distributor,start,end',
            'all,AIM Distributors Inc.,2003-08-18,',
          ]),
        ],
        [
          'transactions',
          'import',
          file('transactions.csv', [
            'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
            `2004-05-03,N1P,N1,${CO},B,purchase,600,10.00,,`,
            `2005-03-18,N2P,N2,${CO},B,purchase,200,10.00,,`,
            `2005-04-12,N2Q,N2,${CO},B,purchase,100,10.00,,`,
          ]),
        ],
        [
          'net-assets',
          'import',
          file('na.csv', [
            'date,portfolio,class,net_assets',
            ...businessDaysBetween('2005-03-01', '2005-05-31').map((d) => `${d},${CO},B,3650000.00`),
          ]),
        ],
        ['close', '--month', '2005-03'],
        ['close', '--month', '2005-04'],
        [
          'transactions',
          'import',
          file('may.csv', [
            'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
            `2005-05-10,N2R,N2,${CO},B,redeem,50,10.00,,`,
            `2005-05-16,N3P,N3,${CO},B,purchase,40,10.00,,`,
          ]),
        ],
      ];
      for (const a of steps) {
        const r = await runCliInProcess(args(...a));
        expect(r.code, `${a.join(' ')}: ${r.stderr}`).toBe(0);
      }
      const rows = await sql<{ as_of: string; account: string; shares: string }>(
        `SELECT s.as_of::text AS as_of, a.account, s.lot_share_units AS shares
         FROM class_b_ledger_state s JOIN class_b_account a USING (account_key) ORDER BY s.as_of, a.account`,
      );
      // 600 shares = 6,000,000 units of 0.0001; 200 = 2,000,000; 100 = 1,000,000
      expect(rows).toEqual([
        { as_of: '2005-02-28', account: 'N1', shares: '{6000000}' },
        { as_of: '2005-03-31', account: 'N2', shares: '{2000000}' },
        { as_of: '2005-04-30', account: 'N2', shares: '{2000000,1000000}' },
      ]);
    });

    afterAll(async () => {
      await tdb?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('a lot N1 holds since 2005-02-28, edited: the pass runs on it, and the digest of what it read refuses the close (exit 69 naming 2005-02-28)', async () => {
      // 600 shares → 610 (6,000,000 → 6,100,000 units), its cost with it (6,000.00 → 6,100.00)
      await sql(
        `UPDATE class_b_ledger_state SET lot_share_units = '{6100000}', lot_cost_cents = '{610000}'
        WHERE as_of = '2005-02-28' AND account_key = ${n1}`,
      );
      try {
        const r = await mayClose();
        expect(r.code, r.stderr).toBe(69);
        expect(r.error!.code).toBe('DATABASE');
        expect(r.error!.message).toContain(
          'the ledger at 2005-02-28 is not as the close of 2005-03 sealed it',
        );
        expect(r.error!.message).toContain('changed outside plan12b');
        expect(await closedMonths()).toEqual(['2005-03', '2005-04']);
      } finally {
        await sql(
          `UPDATE class_b_ledger_state SET lot_share_units = '{6000000}', lot_cost_cents = '{600000}'
          WHERE as_of = '2005-02-28' AND account_key = ${n1}`,
        );
      }
    });

    it('N2 at 2005-04-30 cut to 20 and 10 shares: the pass fails on the redemption of 50, and the close says the ledger was changed (exit 69), not a bug (70)', async () => {
      // 200,000 + 100,000 units = 30 shares held by the edited row; N2 redeems 50 on 2005-05-10
      await sql(
        `UPDATE class_b_ledger_state SET lot_share_units = '{200000,100000}', lot_cost_cents = '{20000,10000}'
        WHERE as_of = '2005-04-30' AND account_key = ${n2}`,
      );
      try {
        const r = await mayClose();
        expect(r.code, r.stderr).toBe(69);
        expect(r.error!.message).toContain(
          'the ledger at 2005-04-30 is not as the close of 2005-04 sealed it',
        );
        expect(await closedMonths()).toEqual(['2005-03', '2005-04']);
      } finally {
        await sql(
          `UPDATE class_b_ledger_state SET lot_share_units = '{2000000,1000000}', lot_cost_cents = '{200000,100000}'
          WHERE as_of = '2005-04-30' AND account_key = ${n2}`,
        );
      }
    });

    it('a row for N1 planted at 2005-05-15, inside May: no close wrote it, and the close refuses it (exit 69 naming the date), nothing sealed', async () => {
      // N1 is not in May's transactions: taken, the planted row (610 shares, not 600) would be its
      // state at 2005-05-31, sealed as it stands and verified after (found by month9, on main too)
      await sql(
        `INSERT INTO class_b_ledger_state
         SELECT (jsonb_populate_record(s, jsonb_build_object(
           'as_of', '2005-05-15', 'lot_share_units', '{6100000}', 'lot_cost_cents', '{610000}'))).*
         FROM class_b_ledger_state s WHERE s.as_of = '2005-02-28' AND s.account_key = ${n1}`,
      );
      try {
        expect(
          await sql<{ as_of: string }>(
            `SELECT as_of::text AS as_of FROM class_b_ledger_state WHERE account_key = ${n1} ORDER BY as_of`,
          ),
        ).toEqual([{ as_of: '2005-02-28' }, { as_of: '2005-05-15' }]);
        const r = await mayClose();
        expect(r.code, r.stderr).toBe(69);
        expect(r.error!.code).toBe('DATABASE');
        expect(r.error!.message).toContain('a ledger at 2005-05-15, inside 2005-05, which no close wrote');
        expect(r.error!.message).toContain('changed outside plan12b');
        expect(await closedMonths()).toEqual(['2005-03', '2005-04']);
      } finally {
        await sql(`DELETE FROM class_b_ledger_state WHERE as_of = '2005-05-15' AND account_key = ${n1}`);
      }
    });

    it('May closes reading the state at 2005-04-30 once: 3 rows (N1, N2, N3), not 5, and audit verify finds nothing', async () => {
      const db = await tdb.open();
      try {
        const counting = countingStateReads(db);
        await closeMonth(counting.db, '2005-05', MONTH_CLOSE_STEPS);
        // the pass: N1 (2005-02-28), N2 (2005-04-30), N3 (none) — the check read nothing of its own
        expect(counting.rows()).toBe(3);
      } finally {
        await db.close();
      }
      expect(await closedMonths()).toEqual(['2005-03', '2005-04', '2005-05']);
      // the seal's ledger as it stood at 2005-05-31 (the pass's read with what it wrote) is as stored
      const v = await runCliInProcess(args('audit', 'verify'));
      expect(v.code, v.stdout + v.stderr).toBe(0);
    });
  },
);
