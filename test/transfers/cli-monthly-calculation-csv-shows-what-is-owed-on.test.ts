import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTransfers } from '../../src/feeds/transfersFeed.js';
import { openDatabase } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { buildPayeesComplex, FUND, SUMMIT } from './payeesComplexFixture.js';

const GAMMA = 'Gamma Capital LLC';

/**
 * SPEC §8: "a portion owed before the notice is received is paid to the Distributor and shown as
 * owed on to the Assignee" — in the CSV too, not only in the JSON.
 *
 * The payees complex's January 2025 (payeesComplexFixture.ts): FUND 750.00 a day for 30 days,
 * Summit 75% → 562.50 a day, 16,875.00. Alpha 40% of the DOI range's 50% = 20% → 3,375.00; Beta
 * 10% → 1,687.50. Added: Gamma 5% of FUND's 12b-1 Share from January 10 (22 days × 562.50 ×
 * 5% = 618.75), its notice received February 20, after the payment date February 14 (Feb 3, 4,
 * 5, 6, 7, 10, 11, 12, 13, 14). Summit's own portion 16,875.00 − 3,375.00 − 1,687.50 − 618.75 =
 * 11,193.75; Earned CDSC 50.00, Alpha 50% → 25.00, Summit 25.00. The Fund pays Summit
 * 11,193.75 + 618.75 + 25.00 = 11,837.50, of which 618.75 is owed on to Gamma.
 */
describe('monthly-calculation --csv shows what the Distributor owes on to an Assignee', () => {
  let dir: string;
  let target: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan12b-owed-on-'));
    target = join(dir, 'db');
    await freshDatabase('pglite', dir);
    const db = await openDatabase(target);
    await buildPayeesComplex(db);
    await importTransfers(
      db,
      'gamma.csv',
      Buffer.from(
        [
          'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
          `C,${GAMMA},"3 Pine Street, Dover, DE",${FUND},5,,,,2025-01-10,2025-02-20,direct,`,
        ].join('\n'),
      ),
    );
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the Assignee’s line and the Distributor’s payable carry owedOnToAssignee 618.75', async () => {
    const run = await runCliInProcess(['--db', target, 'monthly-calculation', '--month', '2025-01', '--csv']);
    expect(run.code).toBe(0);
    const [header, ...rows] = run.stdout.trim().split('\n');
    const cols = header!.split(',');
    // journal1 added the CDSC collected and credited to the fund after it
    expect(cols.slice(-3)).toEqual(['owedOnToAssignee', 'cdscCollected', 'cdscCreditedToFund']);
    const parse = (line: string) => {
      const cells = line
        .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
        .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
      return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
    };
    const fund = rows.map(parse).filter((r) => r.portfolio === FUND);
    const gamma = fund.find((r) => r.payee === GAMMA)!;
    expect(gamma).toMatchObject({
      twelveB1Portion: '618.75',
      cdscPortion: '0.00',
      payTo: SUMMIT,
      owedOnToAssignee: '618.75',
    });
    const summitPayable = fund.find((r) => r.payee === SUMMIT && r.payable !== '')!;
    expect(summitPayable).toMatchObject({
      twelveB1Portion: '11812.50',
      cdscPortion: '25.00',
      payable: '11837.50',
      owedOnToAssignee: '618.75',
    });
    const summitLine = fund.find((r) => r.payee === SUMMIT && r.payable === '')!;
    expect(summitLine).toMatchObject({ twelveB1Portion: '11193.75', cdscPortion: '25.00' });

    const json = await runCliInProcess([
      '--db',
      target,
      'monthly-calculation',
      '--month',
      '2025-01',
      '--json',
    ]);
    const mc = json
      .json<{ portfolios: { portfolio: string; assignees: { assignee: string; note: string }[] }[] }>()
      .portfolios.find((p) => p.portfolio === FUND)!;
    expect(mc.assignees.find((a) => a.assignee === GAMMA)!.note).toMatch(
      /received only on 2025-02-20, after the payment date 2025-02-14;.* owes 618\.75 on to Gamma Capital LLC/,
    );
  });

  it('the Assignee’s statement CSV says the same: paid to Summit, 618.75 owed on', async () => {
    const run = await runCliInProcess([
      '--db',
      target,
      'transfers',
      'statement',
      '--assignee',
      GAMMA,
      '--month',
      '2025-01',
      '--csv',
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    // calc12 added the month a prior-period adjustment adjusts and the month it was reported in
    expect(
      lines[0]!.endsWith(
        ',twelve_b1_portion,cdsc_portion,total,pay_to,owed_on_to_assignee,adjusts_month,reported_in',
      ),
    ).toBe(true);
    expect(lines.find((l) => l.includes(',portion,'))).toMatch(
      /,618\.75,0\.00,618\.75,Summit Distributors Inc\.,618\.75,,$/,
    );
    expect(lines.at(-1)).toMatch(/,total,.*,618\.75,0\.00,618\.75,,618\.75,,$/);
  });
});
