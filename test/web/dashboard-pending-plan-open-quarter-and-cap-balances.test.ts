import { basename } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/api/apiTokens.js';
import type { RunningServer } from '../../src/api/server.js';
import { setGovernanceSetting } from '../../src/import/governanceSettingChange.js';
import { withActor } from '../../src/store/actor.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { releaseChromium, sharedChromium, WAIT_MS } from './support/chromium.js';
import { dashboardUnavailable, serveDashboard } from './support/dashboard.js';

/**
 * Three things the dashboard must not let a reader misread. With approvals.enforce on and no
 * Board approval recorded, the AIM plan (seed 002) governs nothing (Plan §6): the documents page
 * shows it pending approval, not in force. The board report of a quarter none of whose months is
 * closed (2030Q1) says so beside its 0.00 fees. The FINRA Rule 2341 cap table has no total of the
 * remaining amounts: each class has its own cap. In Debian's Chromium, as the other dashboard
 * tests; waits are long, never sleeps.
 */
const missing = dashboardUnavailable({ seeds: true });

describe.skipIf(missing !== null)(
  'the dashboard shows a pending plan, an open quarter and the cap per class',
  () => {
    let tdb: TestDatabase;
    let server: RunningServer;
    let browser: Browser;
    let viewer: string;
    const files = seedExhibitFiles().filter((f) => /\/002_[^/]*$/.test(f.fileName));

    beforeAll(async () => {
      tdb = await freshDatabase('pglite');
      const db = await tdb.open();
      try {
        await withActor('Jane Doe, Fund Treasurer', async () => {
          await importExhibits(db, files);
          await setGovernanceSetting(db, 'approvals.enforce', 'true');
        });
        viewer = (await createApiToken(db, { name: 'board-member', role: 'viewer' })).token;
      } finally {
        await db.close();
      }
      server = await serveDashboard(tdb.target);
      browser = await sharedChromium();
    });

    afterAll(async () => {
      await releaseChromium(browser);
      await server?.close();
      await tdb?.drop();
    });

    const signedIn = async (hash: string): Promise<Page> => {
      const page = await browser.newPage();
      page.setDefaultTimeout(WAIT_MS);
      await page.goto(server.url);
      await page.getByLabel('API token').fill(viewer);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'pages' }).waitFor();
      await page.goto(`${server.url}/${hash}`);
      return page;
    };

    it('shows a plan whose Board approval is not recorded as pending approval, not in force', async () => {
      const page = await signedIn('#/amendments');
      await page.getByRole('heading', { name: 'Documents and amendments', level: 2 }).waitFor();
      await page.locator('tbody tr').first().waitFor();
      const headers = await page.locator('thead th').allTextContents();
      const rows = await page
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        );
      const row = rows.find((r) => r.some((cell) => cell.endsWith(basename(files[0]!.fileName))));
      const status = row?.[headers.indexOf('Status')];
      expect(status).toMatch(/^pending approval \(\d+ classes\): .*no approval by the Board/);
      expect(status).not.toMatch(/in force/);
      // Plan §7: nor was its continuance approved by 2003-06-30; with approvals.enforce on no fee is due
      expect(status).toMatch(
        /; lapsed: continuance deadline 2003-06-30 missed, ended 2003-07-01; no fee is due from 2003-07-01$/,
      );
      await page.close();
    });

    it('names where each continuance deadline comes from: the Plan §7 its text states', async () => {
      // seed 002, no approval recorded: at 2003Q1's end the first deadline 2003-06-30 is ahead, the
      // date its Section 7 states (line 164), not a year after its adoption (Rule 12b-1(b)(3)(i))
      const page = await signedIn('#/governance?quarter=2003Q1');
      const block = page.getByRole('region', { name: 'Continuance deadlines ahead' });
      await block.locator('tbody tr').first().waitFor();
      const headers = await block.locator('thead th').allTextContents();
      const cells = await block.locator('tbody tr').first().locator('td').allTextContents();
      expect(cells[headers.indexOf('Continue by')]).toBe('2003-06-30');
      expect(cells[headers.indexOf('Source of the deadline')]).toBe(
        'Plan §7 as its text states it: "continue in effect until June 30, 2003" (002_1ece2ff6353a3318.txt line 164), then at least annually',
      );
      await page.close();
    });

    it('says no month of a future quarter is closed beside its 0.00 fees', async () => {
      const page = await signedIn('#/governance?quarter=2030Q1');
      await page.getByText('2030Q1: 2030-01-01 to 2030-03-31.').waitFor();
      await page.getByText('No month of 2030Q1 is closed; figures are what is recorded so far.').waitFor();
      await page.close();
    });

    it('gives no total of the remaining amounts of classes with caps of their own', async () => {
      const page = await browser.newPage();
      page.setDefaultTimeout(WAIT_MS);
      // two classes' cap lines on the report as served (this store has no sales for a ledger)
      await page.route('**/api/board-report?*', async (route) => {
        const res = await route.fetch();
        const body = (await res.json()) as Record<string, unknown>;
        const line = (cls: string, remaining: string) => ({
          portfolio: 'AIM Small Cap Equity Fund',
          class: cls,
          firstMonth: '2029-01',
          remaining,
          exhausted: false,
          exhaustedOn: null,
          abscMonthsCovered: null,
          status: 'within the cap',
        });
        body.finraCap = [line('A', '1000.10'), line('C', '250.25')];
        await route.fulfill({ response: res, json: body });
      });
      await page.goto(server.url);
      await page.getByLabel('API token').fill(viewer);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('navigation', { name: 'pages' }).waitFor();
      await page.goto(`${server.url}/#/governance?quarter=2030Q1`);
      const cap = page.getByRole('region', { name: 'FINRA Rule 2341 cap' });
      await cap.locator('tbody tr').nth(1).waitFor();
      expect(await cap.locator('tbody td').allTextContents()).toContain('1,000.10');
      // 1,000.10 + 250.25 = 1,250.35 would be the sum of two unrelated caps' balances
      expect(await cap.locator('tfoot').count()).toBe(0);
      expect(await cap.textContent()).not.toContain('1,250.35');
      await page.close();
    });
  },
);
