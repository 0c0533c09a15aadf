import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { type ServedQueries, servedQueries } from '../support/servedQueries.js';

/**
 * SPEC §12 (a closed month is locked; what was changed outside plan12b is exit 69), as an
 * adversary with SQL tried it (hostile5; gap left by hostile4/exa2). A close keeps Exhibit A's
 * holdings at its computation dates (`exhibit_a_holdings`), sealed by its month; every later close
 * reads them instead of recounting the lots. A CONSISTENT change (totals kept) was found only by
 * `audit verify`; the close that relied on it sealed results computed from it:
 *  (a) a kept row of a closed month changed after its close: the next close paid by it;
 *  (b) a row planted for the month about to close (its basis copied): that close took it as its own
 *      computation and sealed it, so that even `audit verify` passed.
 * Now (a) a close that reads a kept row of a month whose seal of those rows no longer holds
 * recounts the rows it reads and refuses a row the recount contradicts; (b) a close finds rows
 * dated after the last closed month (only a close writes them, for its own month): both exit 69.
 *
 * Class B Agreement (seeds 003/004): AIM Distributors Inc. the Distributor until E = 2005-03-14,
 * Other Distributor LLC from 2005-03-15. AIM Constellation Fund B: N1 600 Commission 2004-05-03
 * (AIM's) and 12 Free 2005-02-15 (pro rata: AIM's); N2 200 Commission 2005-03-18 (Other's) and 4
 * Free 2005-03-25 (Other's). Exhibit A at 2005-03-31: AIM 600 + 12 = 612, Other 200 + 4 = 204, of
 * 816 — AIM's 12b-1 Share 612 / 816 = 75%, governing April. Swapped by SQL (Free Shares 12 ↔ 4,
 * totals kept): AIM 604 / 816 — April's fee, 3,650,000.00 × 0.75% / 365 = 75.00 a day, split
 * each day 75.00 × 604 / 816 = 55.514… → 55.51 / 19.49, so 30 × 55.51 = 1,665.30 / 584.70 sealed
 * (before this fix) instead of 75.00 × 612 / 816 = 56.25, 30 × 56.25 = 1,687.50 / 562.50.
 */
const CO = 'AIM Constellation Fund';
const AIM = 'AIM Distributors Inc.';
const OTHER = 'Other Distributor LLC';

interface Party {
  distributor: string;
  commissionShares: { $bigint: string };
  freeShares: { $bigint: string };
  omnibusFreeShares: { $bigint: string };
  total: { $bigint: string };
}

describe.skipIf(!seedsAvailable)('a kept Exhibit A row changed consistently by SQL', () => {
  let tdb: TestDatabase;
  let dir: string;
  // the writes as the CLI runs them; the SQL, audit verify and close show on one kept store
  // (servedQueries: a query answered as the on-demand query server answers it)
  let served: ServedQueries;
  const cli = (...a: string[]) => served.run(['--actor', 'hostile5', ...a]);
  const file = (name: string, lines: string[]) => {
    writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
    return join(dir, name);
  };
  const sql = async <T = Record<string, string>>(statement: string): Promise<T[]> =>
    (await served.sql(statement)) as T[];
  const closeApril = async () => {
    const r = await cli('close', '--month', '2005-04', '--json');
    return r.code === 0
      ? { code: 0, message: '' }
      : { code: r.code, message: r.json<{ error: { message: string } }>().error.message };
  };
  let original = '';

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    served = servedQueries(tdb.target);
    dir = mkdtempSync(join(tmpdir(), 'plan12b-hostile5-exa-swap-'));
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
          `2005-02-15,N1R,N1,${CO},B,reinvest,12,10.00,,`,
          `2005-03-18,N2P,N2,${CO},B,purchase,200,10.00,,`,
          `2005-03-25,N2R,N2,${CO},B,reinvest,4,10.00,,`,
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
    ];
    for (const a of steps) {
      const r = await cli(...a);
      expect(r.code, `${a.join(' ')}: ${r.stderr}`).toBe(0);
    }
    const [row] = await sql<{ others: string }>(
      `SELECT others FROM exhibit_a_holdings WHERE date = '2005-03-31'`,
    );
    original = row!.others;
  });

  afterAll(async () => {
    await served?.release();
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('(a) Free Shares swapped in the kept 2005-03-31 row after the March close: the April close refuses it', async () => {
    const o = JSON.parse(original) as { parties: Party[]; distributorShares: { $bigint: string } };
    const [a, b] = o.parties as [Party, Party];
    expect([a.distributor, a.freeShares, b.distributor, b.freeShares]).toEqual([
      AIM,
      { $bigint: '120000' },
      OTHER,
      { $bigint: '40000' },
    ]);
    [a.freeShares, b.freeShares] = [b.freeShares, a.freeShares];
    for (const p of [a, b])
      p.total = {
        $bigint: String(
          BigInt(p.commissionShares.$bigint) +
            BigInt(p.freeShares.$bigint) +
            BigInt(p.omnibusFreeShares.$bigint),
        ),
      };
    o.distributorShares = a.total;
    await sql(
      `UPDATE exhibit_a_holdings SET others = '${JSON.stringify(o).replaceAll("'", "''")}' WHERE date = '2005-03-31'`,
    );
    const refused = await closeApril();
    expect(refused.code).toBe(69);
    expect(refused.message).toContain('aim-constellation-fund 2005-03-31');
    expect(refused.message).toContain('exhibit_a_holdings');
    expect(refused.message).toContain('changed outside plan12b');
    expect(await sql(`SELECT month FROM closed_month ORDER BY month`)).toEqual([{ month: '2005-03' }]);
    await sql(
      `UPDATE exhibit_a_holdings SET others = '${original.replaceAll("'", "''")}' WHERE date = '2005-03-31'`,
    );
  });

  it('(b) a row planted for 2005-04-30 before the April close: refused, not sealed', async () => {
    await sql(
      `INSERT INTO exhibit_a_holdings SELECT portfolio_id, '2005-04-30', basis_hash, others, omnibus
         FROM exhibit_a_holdings WHERE date = '2005-03-31'`,
    );
    const refused = await closeApril();
    expect(refused.code).toBe(69);
    expect(refused.message).toContain('exhibit_a_holdings');
    expect(refused.message).toContain('2005-04-30');
    expect(refused.message).toContain('changed outside plan12b');
    await sql(`DELETE FROM exhibit_a_holdings WHERE date = '2005-04-30'`);
  });

  it('as plan12b kept them: April closes at 612 / 816 and verifies', async () => {
    expect(await closeApril()).toEqual({ code: 0, message: '' });
    const verified = await cli('audit', 'verify', '--json');
    expect(verified.code, verified.stdout).toBe(0);
    // AIM 30 × 56.25 = 1,687.50, Other 30 × 18.75 = 562.50 (worked above)
    const shown = JSON.stringify((await cli('close', 'show', '--month', '2005-04', '--json')).json());
    expect(shown).toContain(
      `"distributor12b1Share":"1687.50","otherDistributors":[{"distributor":"${OTHER}","twelveB1Share":"562.50"}]`,
    );
  });
});
