import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';
import { ALPHA, buildPayeesComplex, FUND, OTHER, SUMMIT } from './payeesComplexFixture.js';

// Issue 10 item 13, end to end through the CLI (the arithmetic is in
// assignee-statement-across-portfolios-traceable-to-lots.test.ts).
describe('plan12b transfers statement, cdsc and redemptions for a B-share financier', () => {
  let dir: string;
  let target: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan12b-assignee-'));
    target = join(dir, 'db');
    // a copy of the run's migrated store (test/support/globalSetup.ts), not an initdb of its own
    await freshDatabase('pglite', dir);
    const db = await openDatabase(target);
    await buildPayeesComplex(db);
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('transfers statement --json and --pdf: Alpha 3,375.00 + 25.00 = 3,400.00', async () => {
    const pdf = join(dir, 'alpha.pdf');
    const run = await runCliInProcess([
      '--db',
      target,
      'transfers',
      'statement',
      '--assignee',
      ALPHA,
      '--month',
      '2025-01',
      '--pdf',
      pdf,
      '--json',
    ]);
    expect(run.code).toBe(0);
    expect(run.json<{ totals: { total: string } }>().totals.total).toBe('3400.00');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const unknown = await runCliInProcess([
      '--db',
      target,
      'transfers',
      'statement',
      '--assignee',
      'Nobody',
      '--month',
      '2025-01',
      '--json',
    ]);
    expect(unknown.code).toBe(66);
  });

  /** R1's one piece (lot P1, DOI 2024-02-01, 5% × 1,000.00 = 50.00) is Summit's; none is the Other Distributor's. */
  it('cdsc --from --to --distributor --csv, and redemptions the same', async () => {
    const cdsc = await runCliInProcess([
      '--db',
      target,
      'cdsc',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--distributor',
      SUMMIT,
      '--csv',
    ]);
    expect(cdsc.code).toBe(0);
    expect(cdsc.stdout.trimEnd().split('\n')).toEqual([
      'portfolio,distributor,cdsc,cdscWaived,pieces',
      `${FUND},${SUMMIT},50.00,0.00,1`,
      `Total,${SUMMIT},50.00,,`,
    ]);
    const redemptions = await runCliInProcess([
      '--db',
      target,
      'redemptions',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--distributor',
      OTHER,
      '--json',
    ]);
    expect(redemptions.code).toBe(0);
    expect(redemptions.json()).toMatchObject({
      distributor: OTHER,
      distributorCdsc: '0.00',
      redemptions: [],
    });
    const csv = await runCliInProcess([
      '--db',
      target,
      'redemptions',
      '--from',
      '2025-01-01',
      '--to',
      '2025-01-31',
      '--csv',
    ]);
    const [header, row] = csv.stdout.trimEnd().split('\n');
    expect(header).toBe(
      'date,txn_id,account,portfolio,shares,price,waiver,gross,cdsc,cdsc_waived,redemption_fee,net,lot_id,kind,doi,issuing_portfolio,piece_shares,piece_cost,rate_pct,base,piece_cdsc,piece_cdsc_waived,distributor,earned_by',
    );
    expect(row).toMatch(
      new RegExp(
        `^2025-01-15,R1,A1,${FUND},100\\.0000,12\\.0000,,1200\\.00,50\\.00,0\\.00,0\\.00,1150\\.00,`,
      ),
    );
    expect(row).toMatch(
      new RegExp(
        `,commission,2024-02-01,${FUND},100\\.0000,1000\\.00,5(\\.00)?,1000(\\.00)?,50\\.00,0\\.00,${SUMMIT},${SUMMIT}$`,
      ),
    );
  });
});
