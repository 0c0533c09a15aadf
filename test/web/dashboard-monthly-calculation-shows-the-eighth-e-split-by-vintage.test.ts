import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/api/apiTokens.js';
import type { RunningServer } from '../../src/api/server.js';
import { openDatabase } from '../../src/store/database.js';
import { AIM, CO, eighthEStore } from '../calc7/eighthEStore.js';
import type { CliStore } from '../calc7/support.js';
import { releaseChromium, sharedChromium, WAIT_MS } from './support/chromium.js';
import { dashboardUnavailable, serveDashboard } from './support/dashboard.js';

/**
 * The dashboard's Monthly Calculation shows a computation's EIGHTH(E) split by vintage as
 * `plan12b monthly-calculation` prints it (docs/FORMATS.md "Class B vintages — Agreement
 * EIGHTH(E)"): each vintage's shares, percentage and dollars under the computation.
 *
 * The set-up of test/calc7 (eighthEStore.ts): AIM Constellation Fund, Class B at 0.75%; AIM
 * Distributors Inc. exclusive until 2005-04-30, then a successor (here with a hostile name, shown
 * as text, never as HTML); the fee lowered to 0.50% from 2005-05-01. N6 bought 600 on 2004-05-03
 * (AIM's, the old vintage), N7 300 on 2005-05-10 (the successor's, the new vintage); net assets
 * 3,650,000.00 every business day (75.00 a day at 0.75%).
 *
 * June 2005, governed by the computation of 2005-05-31 (30 days):
 *   a day: 3,650,000.00 × (600 × 0.75 + 300 × 0.50) / 900 / 100 / 365 = 66.666… → 66.67, by vintage
 *   450 : 150 → 50.0025 / 16.6675 → 50.00 / 16.67 (the cent to the larger remainder);
 *   June: 30 × 50.00 = 1,500.00 (old vintage), 30 × 16.67 = 500.10 (new), 2,000.10 in all.
 *   Old vintage: AIM holds all 600 → 100.0000% × 1,500.00 = 1,500.00; the successor 0 → 0.00.
 *   New vintage: the successor holds all 300 → 100.0000% × 500.10 = 500.10; AIM 0 → 0.00.
 *   So AIM's 12b-1 Share is 1,500.00 and the successor's 500.10 (each vintage table totals its fee).
 * In Debian's Chromium; waits are on conditions, never sleeps.
 */
const SUCCESSOR = '<img src=x onerror=alert(1)> Successor LLC';
const missing = dashboardUnavailable({ seeds: true });

describe.skipIf(missing !== null)('the Monthly Calculation page shows the EIGHTH(E) split by vintage', () => {
  let store: CliStore;
  let server: RunningServer;
  let browser: Browser;
  let viewer: string;

  beforeAll(async () => {
    store = await eighthEStore('web-eighth-e', {
      reducedFrom: '2005-05-01',
      successor: SUCCESSOR,
      accounts: ['N6,no,D', 'N7,no,D'],
      transactions: [
        `2004-05-03,N6P,N6,${CO},B,purchase,600,10.00,,`,
        `2005-05-10,N7P,N7,${CO},B,purchase,300,10.00,,`,
      ],
    });
    const target = join(store.dir, 'db'); // test/support/databases.ts: the store's folder
    const db = await openDatabase(target);
    try {
      viewer = (await createApiToken(db, { name: 'board-member', role: 'viewer' })).token;
    } finally {
      await db.close();
    }
    server = await serveDashboard(target);
    browser = await sharedChromium();
  });

  afterAll(async () => {
    await releaseChromium(browser);
    await server?.close();
    store?.remove();
  });

  const cells = (page: Page, region: string) =>
    page
      .getByRole('region', { name: region, exact: true })
      .locator('tbody tr, tfoot tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );

  it('June 2005: the old vintage 1,500.00 all AIM, the new 500.10 all the successor, each % reproducing its dollars', async () => {
    const alerts: string[] = [];
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.setDefaultTimeout(WAIT_MS);
    page.on('dialog', (d) => {
      alerts.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${server.url}/#/monthly-calculation?month=2005-06`);
    await page.getByLabel('API token').fill(viewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Monthly Calculation', level: 2 }).waitFor();
    await page.getByRole('button', { name: CO, exact: true }).click();

    const computation =
      '2005-06-01 – 2005-06-30: 30 days, distribution fee 2,000.10 (computed on 2005-05-31)';
    const old =
      '2005-06-01 – 2005-06-30, EIGHTH(E) shares issued before 2005-05-01: distribution fee 1,500.00';
    const recent =
      '2005-06-01 – 2005-06-30, EIGHTH(E) shares issued on or after 2005-05-01: distribution fee 500.10';
    // the vintages render with their computation (one answer): once it shows, so must they
    await page.getByRole('region', { name: computation, exact: true }).waitFor();

    // the computation as before: each party's dollars, the sum of its vintages' (its % unchanged)
    expect((await cells(page, computation)).map((r) => [r[0], r[2]])).toEqual([
      [AIM, '1,500.00'],
      [SUCCESSOR, '500.10'],
      ['Total', '2,000.10'],
    ]);
    // each vintage: shares, % (the party's dollars over the vintage's fee), dollars; totals its fee
    expect(await cells(page, old)).toEqual([
      [AIM, '600.0000', '100.0000', '1,500.00'],
      [SUCCESSOR, '0.0000', '0.0000', '0.00'],
      ['Total', '', '', '1,500.00'],
    ]);
    expect(await cells(page, recent)).toEqual([
      [AIM, '0.0000', '0.0000', '0.00'],
      [SUCCESSOR, '300.0000', '100.0000', '500.10'],
      ['Total', '', '', '500.10'],
    ]);
    // the hostile name is text: no element made of it, no script run
    expect(await page.locator('img').count()).toBe(0);
    expect(alerts).toEqual([]);
    await page.close();
  });
});
