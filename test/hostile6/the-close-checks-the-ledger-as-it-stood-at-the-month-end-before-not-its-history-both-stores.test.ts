import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { refuseLedgerStateChanged } from '../../src/close/ledgerStateAsSealed.js';
import { runCliInProcess } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12 (a closed month is locked; what was changed outside plan12b is exit 69), issue 14 (the
 * close's cost bounded by the accounts, not by the ledger's history): each close seals the Class B
 * ledger as it stands at its month end (`classBLedgerStateAtEnd`: every account's latest state on
 * or before it), so the next close hashes only the state it starts from — one row per account —
 * and compares one digest; the older dates stay checked by `audit verify`.
 *
 * A small complex (Class B Agreement, seeds 003/004), AIM Constellation Fund B: N1 bought 600 on
 * 2004-05-03, N2 200 on 2005-03-18 and 100 on 2005-04-12. March and April 2005 closed: stored
 * are N1 at 2005-02-28 (the first close's build), N2 at 2005-03-31 and N2 at 2005-04-30 — three
 * rows; the ledger as it stood at 2005-04-30 is two of them (N1 at 02-28, N2 at 04-30).
 */
const CO = 'AIM Constellation Fund';

describe.skipIf(!seedsAvailable).each(dialects)('the ledger the May close starts from (%s)', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  const args = (...a: string[]) => ['--db', tdb.target, '--actor', 'month8', ...a];
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
  /** a sealed month's row rewritten, its triggers off (a store as an older build sealed it) */
  const unsealedSql = async (statement: string) => {
    const db = await tdb.open();
    try {
      await db.transaction(async (tx) => {
        await tx.query('SET LOCAL session_replication_role = replica');
        await tx.query(statement);
      });
    } finally {
      await db.close();
    }
  };
  /** the May close's check of what it starts from, in a transaction of its own */
  const checkMay = async () => {
    const db = await tdb.open();
    try {
      return await db.transaction((tx) => refuseLedgerStateChanged(tx, '2005-05'));
    } finally {
      await db.close();
    }
  };
  const n2 = `(SELECT account_key FROM class_b_account WHERE account = 'N2')`;

  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'plan12b-month8-ledger-'));
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

  it('reads the two rows of the ledger as it stood at 2005-04-30, not the three stored', async () => {
    // N1 at 02-28 and N2 at 04-30: N2 at 03-31 is history, not read
    expect((await checkMay()).rowsRead).toBe(2);
  });

  it('a lot of the month end before, edited: refused, naming 2005-04-30', async () => {
    // N2 at 04-30: its second lot 100 shares → 110 (1,000,000 → 1,100,000 units)
    await sql(
      `UPDATE class_b_ledger_state SET lot_share_units = '{2000000,1100000}'
        WHERE as_of = '2005-04-30' AND account_key = ${n2}`,
    );
    try {
      await expect(checkMay()).rejects.toThrow(/2005-04-30.*changed outside plan12b/);
    } finally {
      await sql(
        `UPDATE class_b_ledger_state SET lot_share_units = '{2000000,1000000}'
          WHERE as_of = '2005-04-30' AND account_key = ${n2}`,
      );
    }
    expect((await checkMay()).rowsRead).toBe(2);
  });

  it('April sealed by an older build (no state at its end in its seal): the full check, every row read', async () => {
    const [april] = await sql<{ d: string }>(
      `SELECT inputs_digest AS d FROM closed_month WHERE month = '2005-04'`,
    );
    expect(april!.d).toMatch(/,classBLedgerStateAtEnd=[0-9a-f]{64}/);
    await unsealedSql(
      `UPDATE closed_month SET inputs_digest = regexp_replace(inputs_digest, ',classBLedgerStateAtEnd=[0-9a-f]{64}', '')
        WHERE month = '2005-04'`,
    );
    try {
      // N1 at 02-28, N2 at 03-31 and at 04-30, each compared with the close that sealed it
      expect((await checkMay()).rowsRead).toBe(3);
    } finally {
      await unsealedSql(`UPDATE closed_month SET inputs_digest = '${april!.d}' WHERE month = '2005-04'`);
    }
  });

  it('May closes and audit verify finds nothing (the state at each month end read as sealed)', async () => {
    const r = await runCliInProcess(args('close', '--month', '2005-05'));
    expect(r.code, r.stderr).toBe(0);
    const v = await runCliInProcess(args('audit', 'verify'));
    expect(v.code, v.stdout + v.stderr).toBe(0);
  });
});
