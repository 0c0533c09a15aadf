import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClassBDemo } from '../../src/demo/demoClassB.js';
import { openDatabase } from '../../src/store/database.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase } from '../support/databases.js';

// The commands as a user runs them (the built CLI, `npm run build` first).
describe('plan12b class B commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-cli-classb-'));
  const db = join(dir, 'db');
  beforeAll(async () => {
    // a copy of the run's migrated store (test/support/globalSetup.ts), not an initdb of its own
    await freshDatabase('pglite', dir);
    const d = await openDatabase(db);
    await runClassBDemo(d, dir, '2025-12');
    await d.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('redemptions, cdsc, conversions and lots print JSON that reconciles', async () => {
    const r = await runCliInProcess([
      '--db',
      db,
      'redemptions',
      '--from',
      '2025-12-01',
      '--to',
      '2025-12-31',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const report = r.json<{ totals: { cdsc: string }; redemptions: { account: string }[] }>();
    const c = (await runCliInProcess(['--db', db, 'cdsc', '--month', '2025-12', '--json'])).json<{
      totalCdsc: string;
    }>();
    expect(c.totalCdsc).toBe(report.totals.cdsc);
    const conv = await runCliInProcess(['--db', db, 'conversions', '--month', '2025-12', '--json']);
    expect(conv.code).toBe(0);
    const lots = await runCliInProcess([
      '--db',
      db,
      'lots',
      '--account',
      report.redemptions[0]!.account,
      '--json',
    ]);
    expect(lots.code).toBe(0);
    expect(lots.json<{ account: string }>().account).toBe(report.redemptions[0]!.account);
  });

  it('a bad transactions file fails whole with file, line and field, exit 65', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver\n2026-01-05,Z1,B100000,Summit Capital Growth Fund,B,purchase,1.00001,10,,\n',
    );
    const r = await runCliInProcess(['--db', db, 'transactions', 'import', file]);
    expect(r.code).toBe(65);
    expect(r.stderr).toContain('bad.csv:2: shares: more than 4 decimals');
    expect(r.stderr).toContain('nothing was written');
  });

  it('an unknown account for lots says what to do', async () => {
    const r = await runCliInProcess(['--db', db, 'lots', '--account', 'NOPE']);
    expect(r.code).toBe(66);
    expect(r.stderr).toContain('accounts import');
  });
});
