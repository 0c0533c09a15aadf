import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12 (a closed month is locked; what was changed outside plan12b is exit 69): the close of
 * month M starts from the Class B ledger stored at the end of M−1 (`class_b_ledger_state`, each
 * account's latest row on or before it), which the close that computed it sealed (digest v4:
 * `classBLedgerState`, and `classBLedgerStateBefore` for the state the books' first close built).
 * A row edited by SQL was found by `audit verify` only: the next close took it as it stood and
 * sealed results paid by it (hostile6, a leftover of hostile5). Now the close compares each stored
 * month end it starts from with its seal, and refuses a row at a date no close wrote.
 *
 * A small complex (Class B Agreement, seeds 003/004): AIM Constellation Fund B, N1 bought 600 on
 * 2004-05-03, N2 200 on 2005-03-18. March 2005 is the books' first month: its close builds the
 * state at 2005-02-28 (N1: one lot of 600 shares, 6,000,000 units of 0.0001) and writes the state
 * at 2005-03-31 for N2 only (N1 did nothing in March).
 */
const CO = 'AIM Constellation Fund';

describe.skipIf(!seedsAvailable).each(dialects)('a ledger state row changed by SQL (%s)', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  const args = (...a: string[]) => ['--db', tdb.target, '--actor', 'hostile6', ...a];
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
  const aprilClose = async () => {
    const r = await runCliInProcess(args('close', '--month', '2005-04', '--json'));
    return {
      code: r.code,
      stderr: r.stderr,
      error:
        r.code === 0 ? null : r.json<{ error: { code: string; message: string; hint?: string } }>().error,
    };
  };

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'plan12b-hostile6-ledger-'));
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
      ['close', '--month', '2005-03'],
    ];
    for (const a of steps) {
      const r = await runCliInProcess(args(...a));
      expect(r.code, `${a.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const rows = await sql<{ as_of: string; account: string; shares: string }>(
      `SELECT s.as_of::text AS as_of, a.account, s.lot_share_units AS shares
         FROM class_b_ledger_state s JOIN class_b_account a USING (account_key) ORDER BY s.as_of, a.account`,
    );
    // 600 shares = 6,000,000 units; 200 shares = 2,000,000 units
    expect(rows).toEqual([
      { as_of: '2005-02-28', account: 'N1', shares: '{6000000}' },
      { as_of: '2005-03-31', account: 'N2', shares: '{2000000}' },
    ]);
  });

  afterAll(async () => {
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const n1 = `(SELECT account_key FROM class_b_account WHERE account = 'N1')`;
  const n2 = `(SELECT account_key FROM class_b_account WHERE account = 'N2')`;

  it('a lot of the state the first close built, edited: exit 69 naming the table and the date, nothing sealed', async () => {
    // one share more for N1 (6,000,000 → 6,010,000 units), its cost with it (6,000.00 → 6,010.00)
    await sql(
      `UPDATE class_b_ledger_state SET lot_share_units = '{6010000}', lot_cost_cents = '{601000}'
        WHERE as_of = '2005-02-28' AND account_key = ${n1}`,
    );
    const r = await aprilClose();
    expect(r.code, r.stderr).toBe(69);
    expect(r.error!.code).toBe('DATABASE');
    expect(r.error!.message).toContain('class_b_ledger_state');
    expect(r.error!.message).toContain('2005-02-28');
    expect(r.error!.message).toContain('changed outside plan12b');
    expect(r.error!.hint).toContain('audit verify');
    expect(await closedMonths()).toEqual(['2005-03']);
    await sql(
      `UPDATE class_b_ledger_state SET lot_share_units = '{6000000}', lot_cost_cents = '{600000}'
        WHERE as_of = '2005-02-28' AND account_key = ${n1}`,
    );
  });

  it('the state the March close wrote, its row deleted: exit 69 naming 2005-03-31', async () => {
    const [kept] = await sql<Record<string, string>>(
      `SELECT * FROM class_b_ledger_state WHERE as_of = '2005-03-31' AND account_key = ${n2}`,
    );
    await sql(`DELETE FROM class_b_ledger_state WHERE as_of = '2005-03-31' AND account_key = ${n2}`);
    try {
      const r = await aprilClose();
      expect(r.code, r.stderr).toBe(69);
      expect(r.error!.message).toContain('2005-03-31');
      expect(await closedMonths()).toEqual(['2005-03']);
    } finally {
      const cols = Object.keys(kept!);
      await sql(
        `INSERT INTO class_b_ledger_state (${cols.join(', ')}) VALUES (${cols
          .map((c) => (kept![c] === null ? 'NULL' : `'${String(kept![c]).replaceAll("'", "''")}'`))
          .join(', ')})`,
      );
    }
  });

  it('a row planted at a date no close wrote (N1 at 2005-03-20, the latest before April): exit 69 naming it', async () => {
    await sql(
      `INSERT INTO class_b_ledger_state
       SELECT account_key, '2005-03-20', next_sequence, next_arrival, lot_arrival, lot_portfolio_key,
              lot_issuing_portfolio_key, lot_origin_txn_id, lot_free, lot_doi_epoch_day, lot_sequence,
              '{9000000}', '{900000}', allowance_portfolio_key, allowance_year, allowance_units, allowance_used_units
         FROM class_b_ledger_state WHERE as_of = '2005-02-28' AND account_key = ${n1}`,
    );
    try {
      const r = await aprilClose();
      expect(r.code, r.stderr).toBe(69);
      expect(r.error!.message).toContain('2005-03-20');
      expect(await closedMonths()).toEqual(['2005-03']);
    } finally {
      await sql(`DELETE FROM class_b_ledger_state WHERE as_of = '2005-03-20'`);
    }
  });

  it('restored, April closes and audit verify finds nothing', async () => {
    const r = await aprilClose();
    expect(r.code, r.stderr).toBe(0);
    expect(await closedMonths()).toEqual(['2005-03', '2005-04']);
    const v = await runCliInProcess(args('audit', 'verify'));
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });
});
