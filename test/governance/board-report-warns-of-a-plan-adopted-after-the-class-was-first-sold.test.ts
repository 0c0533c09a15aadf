import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApiToken } from '../../src/api/apiTokens.js';
import { createApp } from '../../src/api/app.js';
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
 * its warnings beside Rule 12b-1(c)'s doubts) and `continuance` (CLI JSON and text, GET
 * /api/continuance: it reads the first sales through the store, in its one read snapshot) warn of
 * a plan that took effect for a class after the class was first sold — its first day of net assets
 * or its first Class B purchase — without a vote of the class's shareholders approving it before
 * it took effect. On the demo complex of payeesComplexFixture.ts the
 * Class A Master Distribution Plan is dated and effective 2024-01-02; here Summit Capital Growth
 * Fund Class A has net assets from 2023-12-29, before it (a warning), and Summit Dividend Value Fund
 * Class A from 2024-01-02, its day (none). Class B is governed by the Agreement (a related
 * agreement: the Board’s approval only), first purchased on 2024-02-01 and 2024-03-01: no warning
 * either. A vote of the Growth Fund Class A shareholders on 2024-03-15 approves the plan late: it was
 * in effect 73 days without it (2024-01-02 → Feb 2: 31, → Mar 2: 29, a leap year, → Mar 15: 13).
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
  const planWarnings = (list: readonly string[]) => list.filter((w) => w.includes('Rule 12b-1(b)(1)'));
  /** `continuance --as-of 2025-03-31`: its JSON warnings, its text's warnings, and the API's JSON warnings. */
  const continuanceWarnings = async () => {
    const json = await cli('continuance', '--as-of', '2025-03-31', '--json');
    expect(json.code, json.stderr).toBe(0);
    const text = await cli('continuance', '--as-of', '2025-03-31');
    expect(text.code, text.stderr).toBe(0);
    const db = await tdb.open();
    let token = '';
    try {
      token = (
        await withActor('test', () => createApiToken(db, { name: `viewer-${Date.now()}`, role: 'viewer' }))
      ).token;
    } finally {
      await db.close();
    }
    const store = await ApiStore.open(tdb.target, { connections: 1 });
    try {
      const { app, jobs } = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } });
      const res = await app.request('/api/continuance?asOf=2025-03-31', {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status).toBe(200);
      const api = planWarnings(((await res.json()) as { warnings: string[] }).warnings);
      await jobs.settle();
      return {
        json: planWarnings(json.json<{ warnings: string[] }>().warnings),
        text: planWarnings(
          text.stderr
            .split('\n')
            .filter((l) => l.startsWith('warning: '))
            .map((l) => l.slice('warning: '.length)),
        ),
        api,
      };
    } finally {
      await store.close();
    }
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
  });
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

  it('continuance tells the same warning: its JSON, its text and GET /api/continuance', async () => {
    const expected = [
      `Master Distribution Plan took effect for ${FUND} Class A on 2024-01-02, after the class's shares were first sold (2023-12-29): Rule 12b-1(b)(1) requires its approval by a majority of the class's outstanding voting securities, and no vote of its shareholders approving the plan is recorded — record the vote with \`plan12b approvals import\` (body shareholders, subject instrument)`,
    ];
    expect(await continuanceWarnings()).toEqual({ json: expected, text: expected, api: expected });
  });

  const recordVote = async (name: string, meetingDate: string) => {
    // 1,000,000 outstanding, 600,000 present, 402,000 for: 67% of those present, more than 50% present
    const file = join(dir, name);
    writeFileSync(
      file,
      [
        'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against,disinterested_absent,in_person,called_for_purpose,shares_outstanding,shares_present,shares_for',
        `${meetingDate},shareholders,instrument,demo-01-class-a-plan.txt,,${FUND},A,,,,,,,,,1000000,600000,402000`,
      ].join('\n'),
    );
    const imported = await cli('approvals', 'import', file, '--json');
    expect(imported.code, imported.stderr).toBe(0);
  };

  it('the shareholders approving the plan on 2024-03-15, after it took effect: 73 days without it, board report and continuance alike', async () => {
    await recordVote('late.csv', '2024-03-15');
    const expected = [
      `Master Distribution Plan took effect for ${FUND} Class A on 2024-01-02, after the class's shares were first sold (2023-12-29), but the Class A shareholders approved it only on 2024-03-15: Rule 12b-1(b)(1) requires its approval by a majority of the class's outstanding voting securities before it is implemented, and it was in effect without that approval for 73 days, from 2024-01-02 to 2024-03-15`,
    ];
    expect(await boardReportWarnings()).toEqual(expected);
    expect(await continuanceWarnings()).toEqual({ json: expected, text: expected, api: expected });
  });

  it('the Growth Fund Class A shareholders’ vote approving the plan before it took effect recorded: no warning', async () => {
    await recordVote('approvals.csv', '2023-12-20');
    expect(await boardReportWarnings()).toEqual([]);
    expect(await continuanceWarnings()).toEqual({ json: [], text: [], api: [] });
  });
});
