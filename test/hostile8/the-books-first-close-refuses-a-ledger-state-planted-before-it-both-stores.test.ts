import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { bootstrapLedgerState } from '../../src/close/ledgerStateBootstrap.js';
import { loadClassBTerms } from '../../src/store/classBTermsRepository.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12 (what was changed outside plan12b is exit 69), issue 14 item 1 (the ledger state written
 * ahead of the closes: a restore, a benchmark's set-up): the books' first close of month M takes a
 * complete stored state at the end of M−1 as it stands instead of building it from the
 * transactions (classBLedgerMonth.ts), and no close had sealed it. A state row edited or planted by
 * SQL before the first close was taken and sealed (hostile7, by reading): Exhibit A's holdings and
 * the Distributor's 12b-1 Share paid by it, no seal showing it. Now the first close checks the state
 * it starts from against the replay of the transactions through M−1 (the bootstrap), or, where the
 * latest complete state is at an earlier month end, that state against the replay through its date.
 *
 * A small complex (Class B Agreement, seeds 003/004): AIM Constellation Fund B, N1 bought 600 on
 * 2004-05-03, N2 200 on 2005-03-18. March 2005 is the books' first month. The state at 2005-02-28
 * is written ahead of the close by `bootstrapLedgerState` (N1: one lot of 600 shares = 6,000,000
 * units of 0.0001, cost 6,000.00 = 600,000 cents; N2 holds nothing then).
 */
const CO = 'AIM Constellation Fund';

describe.skipIf(!seedsAvailable).each(dialects)(
  'the books first close and a ledger state written ahead of it (%s)',
  (dialect) => {
    let tdb: TestDatabase;
    let dir: string;
    const args = (...a: string[]) => ['--db', tdb.target, '--actor', 'hostile8', ...a];
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
    const marchClose = async () => {
      const r = await runCliInProcess(args('close', '--month', '2005-03', '--json'));
      return {
        code: r.code,
        stderr: r.stderr,
        error:
          r.code === 0 ? null : r.json<{ error: { code: string; message: string; hint?: string } }>().error,
      };
    };

    beforeAll(async () => {
      tdb = await freshDatabase(dialect);
      dir = mkdtempSync(join(tmpdir(), 'plan12b-hostile8-ledger-'));
      const steps = [
        ['exhibit', 'import', ...seedFiles().filter((f) => /\/00[34]_/.test(f))],
        [
          'accounts',
          'import',
          file('accounts.csv', ['account,omnibus,dealer_of_record', 'N1,no,D', 'N2,no,D']),
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
          ]),
        ],
        [
          'net-assets',
          'import',
          file('na.csv', [
            'date,portfolio,class,net_assets',
            ...businessDaysBetween('2005-03-01', '2005-04-30').map((d) => `${d},${CO},B,3650000.00`),
          ]),
        ],
      ];
      for (const a of steps) {
        const r = await runCliInProcess(args(...a));
        expect(r.code, `${a.join(' ')}: ${r.stderr}`).toBe(0);
      }
      const db = await tdb.open();
      try {
        const terms = await loadClassBTerms(db);
        await db.transaction((tx) => bootstrapLedgerState(tx, '2005-02-28', terms));
      } finally {
        await db.close();
      }
      const rows = await sql<{ as_of: string; account: string; shares: string; cost: string }>(
        `SELECT s.as_of::text AS as_of, a.account, s.lot_share_units AS shares, s.lot_cost_cents AS cost
         FROM class_b_ledger_state s JOIN class_b_account a USING (account_key) ORDER BY s.as_of, a.account`,
      );
      // 600 shares × 10,000 = 6,000,000 units; 600 × $10.00 = $6,000.00 = 600,000 cents
      expect(rows).toEqual([{ as_of: '2005-02-28', account: 'N1', shares: '{6000000}', cost: '{600000}' }]);
    });

    afterAll(async () => {
      await tdb?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const n1 = `(SELECT account_key FROM class_b_account WHERE account = 'N1')`;
    const n2 = `(SELECT account_key FROM class_b_account WHERE account = 'N2')`;

    it('N1 lot edited by SQL before the first close (600 to 900 shares): exit 69 naming 2005-02-28, nothing sealed', async () => {
      // 900 shares = 9,000,000 units, cost $9,000.00 = 900,000 cents
      await sql(
        `UPDATE class_b_ledger_state SET lot_share_units = '{9000000}', lot_cost_cents = '{900000}'
        WHERE as_of = '2005-02-28' AND account_key = ${n1}`,
      );
      try {
        const r = await marchClose();
        expect(r.code, r.stderr).toBe(69);
        expect(r.error!.code).toBe('DATABASE');
        expect(r.error!.message).toContain('class_b_ledger_state');
        expect(r.error!.message).toContain('2005-02-28');
        expect(r.error!.message).toContain('changed outside plan12b');
        expect(r.error!.hint).toContain('backup');
        expect(await closedMonths()).toEqual([]);
      } finally {
        await sql(
          `UPDATE class_b_ledger_state SET lot_share_units = '{6000000}', lot_cost_cents = '{600000}'
          WHERE as_of = '2005-02-28' AND account_key = ${n1}`,
        );
      }
    });

    it('a state row planted for N2, who held nothing before March: exit 69 naming 2005-02-28', async () => {
      // N2's only purchase is 2005-03-18: the replay through 2005-02-28 holds nothing for it
      await sql(
        `INSERT INTO class_b_ledger_state
       SELECT ${n2}, as_of, next_sequence, next_arrival, lot_arrival, lot_portfolio_key,
              lot_issuing_portfolio_key, lot_origin_txn_id, lot_free, lot_doi_epoch_day, lot_sequence,
              lot_share_units, lot_cost_cents, allowance_portfolio_key, allowance_year, allowance_units, allowance_used_units
         FROM class_b_ledger_state WHERE as_of = '2005-02-28' AND account_key = ${n1}`,
      );
      try {
        const r = await marchClose();
        expect(r.code, r.stderr).toBe(69);
        expect(r.error!.message).toContain('2005-02-28');
        expect(await closedMonths()).toEqual([]);
      } finally {
        await sql(`DELETE FROM class_b_ledger_state WHERE as_of = '2005-02-28' AND account_key = ${n2}`);
      }
    });

    it('a state written ahead at 2005-01-31 with a row planted for N2 (no state at 2005-02-28): exit 69 naming 2005-01-31', async () => {
      // the close builds 2005-02-28 from the transactions (N1 only, who bought in 2004), but N2, with
      // no transaction before 2005-03-18, would start from the row planted at 2005-01-31
      const bootstrapAt = async (date: string) => {
        const db = await tdb.open();
        try {
          const terms = await loadClassBTerms(db);
          await db.transaction((tx) => bootstrapLedgerState(tx, date, terms));
        } finally {
          await db.close();
        }
      };
      const forgetState = async () => {
        await sql('DELETE FROM class_b_ledger_state');
        await sql('DELETE FROM class_b_ledger_state_month');
      };
      await forgetState();
      await bootstrapAt('2005-01-31');
      await sql(
        `INSERT INTO class_b_ledger_state
       SELECT ${n2}, as_of, next_sequence, next_arrival, lot_arrival, lot_portfolio_key,
              lot_issuing_portfolio_key, lot_origin_txn_id, lot_free, lot_doi_epoch_day, lot_sequence,
              lot_share_units, lot_cost_cents, allowance_portfolio_key, allowance_year, allowance_units, allowance_used_units
         FROM class_b_ledger_state WHERE as_of = '2005-01-31' AND account_key = ${n1}`,
      );
      try {
        const r = await marchClose();
        expect(r.code, r.stderr).toBe(69);
        expect(r.error!.message).toContain('2005-01-31');
        expect(await closedMonths()).toEqual([]);
      } finally {
        await forgetState();
        await bootstrapAt('2005-02-28');
      }
    });

    it('the state as the transactions replay to it: the first close takes it, and audit verify finds nothing', async () => {
      const r = await marchClose();
      expect(r.code, r.stderr).toBe(0);
      expect(await closedMonths()).toEqual(['2005-03']);
      const v = await runCliInProcess(args('audit', 'verify'));
      expect(v.code, v.stdout + v.stderr).toBe(0);
    });
  },
);
