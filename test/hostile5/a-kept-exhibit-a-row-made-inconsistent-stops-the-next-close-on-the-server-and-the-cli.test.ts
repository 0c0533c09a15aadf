import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { runCliAsync, runCliInProcess } from '../support/cli.js';
import { freshDatabase, serverUrl, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12 (a closed month is locked; what was changed outside plan12b is exit 69, never "a bug"):
 * the Exhibit A holdings a close keeps (`exhibit_a_holdings`) are read by every later close, which
 * recounts the DOI-ranged Transfers' counts from the Class B ledger at the same date; a kept row
 * made inconsistent by SQL is exit 69 naming the table and the date (exa2). That was tested
 * in-process on PGlite only: here on the PostgreSQL server, in process and through the spawned CLI
 * (its exit code and its --json error document) — hostile5.
 *
 * A small complex (Class B Agreement, seeds 003/004): AIM Distributors Inc. the Distributor until
 * E = 2005-03-14, Other Distributor LLC from 2005-03-15. AIM Constellation Fund B: N1 bought 600
 * on 2004-05-03 (AIM), N2 200 on 2005-03-18 (Other). Transfer T1 to Alpha Funding LLC: 40% of the
 * 12b-1 Share for DOIs in 2004, effective 2005-03-20. Exhibit A's computation dates: E and each
 * month end after it, so the March close keeps 2005-03-14 and 2005-03-31; the April close reads
 * 2005-03-31 and recounts T1's DOIs there (600 shares outstanding of AIM's, 800 in all).
 * By SQL: one share unit more outstanding at 2005-03-31 (the Distributor's Commission Shares,
 * its total and the Distributor's shares too) — 800.0001 against the ledger's 800.0000.
 */
const CO = 'AIM Constellation Fund';
const AIM = 'AIM Distributors Inc.';
const OTHER = 'Other Distributor LLC';

describe.skipIf(!seedsAvailable || !serverUrl)('a kept Exhibit A row made inconsistent (postgres)', () => {
  let tdb: TestDatabase;
  let dir: string;
  const args = (...a: string[]) => ['--db', tdb.target, '--actor', 'hostile5', ...a];
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
  let original = '';

  beforeAll(async () => {
    tdb = await freshDatabase('postgres');
    dir = mkdtempSync(join(tmpdir(), 'plan12b-hostile5-exa-'));
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
          `all,${AIM},2003-08-18,2005-03-14`,
          `all,${OTHER},2005-03-15,`,
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
        'transfers',
        'import',
        file('transfers.csv', [
          'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
          `T1,Alpha Funding LLC,"1 Main St",${CO},40,0,2004-01-01,2004-12-31,2005-03-20,2005-03-20,direct,`,
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
    const kept = await sql<{ date: string; others: string }>(
      `SELECT date::text AS date, others FROM exhibit_a_holdings ORDER BY date`,
    );
    expect(kept.map((k) => k.date)).toEqual(['2005-03-14', '2005-03-31']);
    original = kept[1]!.others;
    const o = JSON.parse(original);
    const one = (x: { $bigint: string }) => ({ $bigint: String(BigInt(x.$bigint) + 1n) });
    // 800 shares outstanding at 2005-03-31 (600 AIM's, 200 Other's), in units of 0.0001 share
    expect(o.outstandingShares).toEqual({ $bigint: '8000000' });
    const d = o.parties[0];
    expect(d.distributor).toBe(AIM);
    d.commissionShares = one(d.commissionShares);
    d.total = one(d.total);
    o.distributorShares = d.total;
    o.outstandingShares = one(o.outstandingShares);
    await sql(
      `UPDATE exhibit_a_holdings SET others = '${JSON.stringify(o).replaceAll("'", "''")}' WHERE date = '2005-03-31'`,
    );
  });

  afterAll(async () => {
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the April close in process: exit 69 naming the table and the date, nothing written', async () => {
    const r = await runCliInProcess(args('close', '--month', '2005-04', '--json'));
    expect(r.code, r.stderr).toBe(69);
    const { error } = r.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('DATABASE');
    expect(error.message).toContain('2005-03-31');
    expect(error.message).toContain('exhibit_a_holdings');
    expect(error.message).toContain('changed outside plan12b');
    expect(await sql(`SELECT month FROM closed_month ORDER BY month`)).toEqual([{ month: '2005-03' }]);
  });

  it('the April close through the spawned CLI: exit 69 and its --json error document; restored, it closes', async () => {
    const r = await runCliAsync(args('close', '--month', '2005-04', '--json'), { PLAN12B_AUTO_SERVE: 'off' });
    expect(r.code, r.stderr).toBe(69);
    const doc = r.json<{ error: { code: string; exitCode?: number; message: string } }>();
    expect(doc.error.code).toBe('DATABASE');
    // the row no longer reads as the March close sealed it, and the recount differs (keptHoldingsRecount.ts)
    expect(doc.error.message).toBe(
      'aim-constellation-fund 2005-03-31: the Exhibit A holdings kept in exhibit_a_holdings are not as the close of 2005-03 sealed them, and a recount from the Class B ledger differs: the table was changed outside plan12b',
    );
    await sql(
      `UPDATE exhibit_a_holdings SET others = '${original.replaceAll("'", "''")}' WHERE date = '2005-03-31'`,
    );
    const closed = await runCliInProcess(args('close', '--month', '2005-04'));
    expect(closed.code, closed.stderr).toBe(0);
  });
});
