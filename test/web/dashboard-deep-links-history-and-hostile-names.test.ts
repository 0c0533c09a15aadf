import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/api/apiTokens.js';
import type { RunningServer } from '../../src/api/server.js';
import { withActor } from '../../src/store/actor.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { releaseChromium, sharedChromium, WAIT_MS } from './support/chromium.js';
import { dashboardUnavailable, serveDashboard } from './support/dashboard.js';

/**
 * SPEC §11: the dashboard shows schedules with an as-of date. A link with the date opens that
 * date (`#/schedule?asOf=…`), each date chosen is a history entry the browser's back and forward
 * step through, and a portfolio's history and an amendment's diff open from their links too. Names are the exhibits' own
 * words, whatever they hold: HTML and script stay text (nothing runs, nothing is fetched), a very
 * long name wraps in its cell instead of pushing the rates out of sight or widening the page, and
 * a right-to-left or bidi-override name stays inside its cell. A link with a quarter that is
 * none says how to write one. In Debian's Chromium, one page
 * session; waits are long, never sleeps.
 */
const missing = dashboardUnavailable();

const IMG = '<img src=x onerror=alert(1)> Fund';
const SCRIPT = '<script>alert(2)</script> Fund';
const LONG = `Summit ${'Extraordinarily Long Name '.repeat(12)}Fund`;
// right-to-left letters (a bidi override in a name is refused on import: test/edgar/exhibit-control-characters-never-a-name-nor-printed-raw.test.ts)
const RTL = 'קרן אלפא Fund';
const REGISTRANT = '<IMG SRC=X ONERROR=ALERT(2)> FUNDS';

/** A Class C plan effective 2025-03-03 whose names are hostile: 4 + 2 entries, 6 in all. */
function hostilePlan(): Buffer {
  const row = (name: string) =>
    `      ${name}${' '.repeat(Math.max(6, 48 - name.length))}0.75%         0.25%         1.00%`;
  const table = (names: readonly string[]) => [
    '<TABLE>',
    '<CAPTION>',
    '                                                     MAXIMUM',
    '                                                      ASSET',
    '                                                      BASED        MAXIMUM       MAXIMUM',
    '                                                      SALES        SERVICE      AGGREGATE',
    '      PORTFOLIO - CLASS C SHARES                     CHARGE          FEE           FEE',
    '                                                     -------       -------       -------',
    '<S>                                                    <C>           <C>           <C>',
    ...names.map(row),
    '</TABLE>',
    '',
  ];
  return Buffer.from(
    [
      '                           MASTER DISTRIBUTION PLAN',
      '',
      '                               (CLASS C SHARES)',
      '',
      '      SECTION 1. Each registered investment company listed on the schedules to',
      'this Plan (the "Fund") adopts this Plan pursuant to Rule 12b-1 under the',
      'Investment Company Act of 1940 with respect to the Class C Shares of each',
      'Portfolio named on Schedule A.',
      '',
      '      This Plan is dated as of March 3, 2025 and shall become effective on',
      'March 3, 2025.',
      '',
      '                                  SCHEDULE A',
      '                                      TO',
      '                         THE MASTER DISTRIBUTION PLAN',
      '',
      `      ${REGISTRANT}`,
      `      ${'-'.repeat(REGISTRANT.length)}`,
      '',
      ...table([IMG, SCRIPT, LONG, RTL]),
      '      SUMMIT INCOME FUNDS',
      '      -------------------',
      '',
      ...table(['صندوق Arabic Fund', 'Summit Real Estate Fund']),
      'Dated: March 3, 2025',
      '',
    ].join('\n'),
    'utf8',
  );
}

describe.skipIf(missing !== null)('deep links, back and forward, and hostile names on the dashboard', () => {
  let tdb: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  let viewer: string;

  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    const db = await tdb.open();
    try {
      await withActor('test setup', async () => {
        await importExhibits(db, [{ fileName: 'hostile-class-c-plan.txt', bytes: hostilePlan() }]);
      });
      viewer = (await createApiToken(db, { name: 'viewer', role: 'viewer' })).token;
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

  it('opens the date of the link, steps back and forward, and shows every name as text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.setDefaultTimeout(WAIT_MS);
    const ran: string[] = [];
    page.on('dialog', (d) => {
      ran.push(`dialog ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url)) ran.push(`request ${r.url()}`);
      if (/\/x$/i.test(r.url())) ran.push(`request ${r.url()}`);
    });
    const caption = page.locator('section.table-block h3').first();
    const asOf = page.locator('input[name=asOf]');
    const pageIsNoWiderThanTheWindow = () =>
      page.locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth);

    // a link to the day before the plan: it opens on that date, after signing in
    await page.goto(`${server.url}/#/schedule?asOf=2025-03-02`);
    await page.getByLabel('API token').fill(viewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/ entries in force on /).waitFor();
    expect(await caption.textContent()).toBe('0 entries in force on 2025-03-02');
    expect(await asOf.inputValue()).toBe('2025-03-02');

    // its effective date: the six entries, the date in the address
    await asOf.fill('2025-03-03');
    await page.getByText('6 entries in force on 2025-03-03').waitFor();
    expect(new URL(page.url()).hash).toBe('#/schedule?asOf=2025-03-03');
    const cells = await page.locator('tbody td').allTextContents();
    for (const name of [IMG, SCRIPT, LONG, RTL, REGISTRANT]) expect(cells).toContain(name);
    // the long name wraps: the rates of its row stay in the window, and the page is not widened
    const longRow = page.locator('tbody tr', { hasText: LONG });
    const rate = await longRow.locator('td.num').last().boundingBox();
    expect(rate!.x + rate!.width).toBeLessThanOrEqual(1280);
    expect(await pageIsNoWiderThanTheWindow()).toBe(true);

    // back: the day before again; forward: the effective date
    await page.goBack();
    await page.getByText('0 entries in force on 2025-03-02').waitFor();
    expect(await asOf.inputValue()).toBe('2025-03-02');
    await page.goForward();
    await page.getByText('6 entries in force on 2025-03-03').waitFor();
    expect(await asOf.inputValue()).toBe('2025-03-03');

    // a portfolio's history from its link: the select of names does not widen the page
    await page.goto(`${server.url}/#/portfolio?portfolio=${encodeURIComponent(LONG)}`);
    await page.getByText('Governing entries by class').waitFor();
    expect(await page.locator('select[name=portfolio]').inputValue()).toBe(LONG);
    expect(await pageIsNoWiderThanTheWindow()).toBe(true);
    await page.goto(`${server.url}/#/portfolio?portfolio=${encodeURIComponent(IMG)}`);
    await page.locator('.timeline, section.table-block').first().waitFor();
    expect(await page.getByText('Governing entries by class').count()).toBe(1);

    // the plan's diff: every name as text
    await page.goto(`${server.url}/#/amendments`);
    await page.locator('tbody tr').first().getByRole('button').click();
    await page.locator('.diff h3, [role=alert]').first().waitFor();
    expect(await page.locator('.diff tbody td').allTextContents()).toEqual(
      expect.arrayContaining([IMG, SCRIPT]),
    );
    // the diff opened is in the address: back closes it, forward and its link open it again
    const diffLink = page.url();
    expect(new URL(diffLink).hash).toMatch(/^#\/amendments\?document=[0-9a-f]{64}$/);
    await page.goBack();
    await page.locator('.diff').waitFor({ state: 'detached' });
    await page.goForward();
    await page.locator('.diff h3').first().waitFor();
    await page.goto(`${server.url}/#/schedule`);
    await page.goto(diffLink);
    await page.locator('.diff h3').first().waitFor();

    // a link with a quarter that is none says how to write one
    await page.goto(`${server.url}/#/governance?quarter=2025Q5`);
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').textContent()).toBe(
      '“2025Q5” is not a quarter: write it as YYYYQn, e.g. 2025Q4.',
    );

    expect(await page.locator('img').count()).toBe(0);
    expect(ran).toEqual([]);
    await page.close();
  });
});
