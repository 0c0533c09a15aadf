import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { boardReport } from '../../src/reports/boardReport.js';
import { boardReportGovernance } from '../../src/reports/boardReportGovernance.js';
import { withActor } from '../../src/store/actor.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { buildPayeesComplex, FUND, FUND2 } from '../transfers/payeesComplexFixture.js';

/**
 * Rule 12b-1(b)(1) through the store (DOMAIN §1.2(2)): the board report (CLI and API alike, among
 * its warnings beside Rule 12b-1(c)'s doubts) warns of a plan that took effect for a class after
 * the class was first sold — its first day of net assets or its first Class B purchase — without a
 * vote of the class's shareholders approving it. On the demo complex of payeesComplexFixture.ts the
 * Class A Master Distribution Plan is dated and effective 2024-01-02; here Summit Capital Growth
 * Fund Class A has net assets from 2023-12-29, before it (a warning), and Summit Dividend Value Fund
 * Class A from 2024-01-02, its day (none). Class B is governed by the Agreement (a related
 * agreement: the Board’s approval only), first purchased on 2024-02-01 and 2024-03-01: no warning
 * either. `continuance` does not tell it: it answers from the registry snapshot without opening the
 * store, and the first sales are not among the registry's inputs.
 */
describe('the board report warns of a plan adopted after the class was first sold', () => {
  let tdb: TestDatabase;
  let dir = '';
  const cli = (...args: string[]) => runCliInProcess(['--db', tdb.target, ...args]);
  const boardReportWarnings = async () => {
    const r = await cli('board-report', '--quarter', '2025Q1', '--json');
    expect(r.code, r.stderr).toBe(0);
    return r.json<{ warnings: string[] }>().warnings.filter((w) => w.includes('Rule 12b-1(b)(1)'));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan12b-12b1b-'));
    tdb = await freshDatabase('pglite');
    const db = await tdb.open();
    try {
      await withActor('test setup', async () => {
        await buildPayeesComplex(db);
        await importNetAssets(
          db,
          'class-a.csv',
          Buffer.from(
            [
              'date,portfolio,class,net_assets',
              `2023-12-29,${FUND},A,1000000.00`,
              `2024-01-02,${FUND},A,1000000.00`,
              `2024-01-02,${FUND2},A,500000.00`,
            ].join('\n'),
          ),
        );
      });
    } finally {
      await db.close();
    }
  }, 300_000);
  afterAll(async () => {
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Growth Fund Class A, first sold 2023-12-29, under the plan of 2024-01-02 with no vote: the one warning, CLI and API alike', async () => {
    const cliWarnings = await boardReportWarnings();
    // the API's report (GET /api/board-report) is the same function over the store
    const db = await tdb.open();
    try {
      const api = await boardReport(db, parseQuarter('2025Q1')!, boardReportGovernance);
      expect(api.warnings.filter((w) => w.includes('Rule 12b-1(b)(1)'))).toEqual(cliWarnings);
    } finally {
      await db.close();
    }
    expect(cliWarnings).toEqual([
      `Master Distribution Plan took effect for ${FUND} Class A on 2024-01-02, after the class's shares were first sold (2023-12-29): Rule 12b-1(b)(1) requires its approval by a majority of the class's outstanding voting securities, and no vote of its shareholders approving the plan is recorded — record the vote with \`plan12b approvals import\` (body shareholders, subject instrument)`,
    ]);
  });

  it('the Growth Fund Class A shareholders’ vote approving the plan recorded: no warning', async () => {
    // 1,000,000 outstanding, 600,000 present, 402,000 for: 67% of those present, more than 50% present
    const file = join(dir, 'approvals.csv');
    writeFileSync(
      file,
      [
        'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against,disinterested_absent,in_person,called_for_purpose,shares_outstanding,shares_present,shares_for',
        `2023-12-20,shareholders,instrument,demo-01-class-a-plan.txt,,${FUND},A,,,,,,,,,1000000,600000,402000`,
      ].join('\n'),
    );
    const imported = await cli('approvals', 'import', file, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(await boardReportWarnings()).toEqual([]);
  });
});
