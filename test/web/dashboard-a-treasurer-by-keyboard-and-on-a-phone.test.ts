import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/api/apiTokens.js';
import type { RunningServer } from '../../src/api/server.js';
import { withActor } from '../../src/store/actor.js';
import { openDatabase } from '../../src/store/database.js';
import { demoJanuaryClosedStore } from '../support/demoOpen.js';
import { releaseChromium, sharedChromium, WAIT_MS } from './support/chromium.js';
import { dashboardUnavailable, serveDashboard } from './support/dashboard.js';

/**
 * The dashboard as a fund treasurer uses it (SPEC §11), on the demo complex with January 2025
 * closed, with the keyboard only: signing in, the schedule in force before and after Class A
 * Amendment No. 1 (2025-04-01: it renames the Harbor sector funds Summit and adds Summit Global
 * Opportunities Fund), the amendment's diff, a month's accruals, the Monthly Calculation and the
 * board report downloaded; every page with a title of its own and its headings, every table with
 * header cells, every control reached by Tab; on a phone's width nothing cut off; and an answer
 * the API refuses shown as text that says what to do next.
 */
const missing = dashboardUnavailable();

/** The pages of the navigation, with the heading each opens on. */
const PAGES: readonly (readonly [string, string])[] = [
  ['Schedule', 'Schedule in force'],
  ['Amendments', 'Documents and amendments'],
  ['Portfolio history', 'Portfolio history'],
  ['Fees', 'Fees per class and month'],
  ['Month close', 'Month close'],
  ['Monthly Calculation', 'Monthly Calculation'],
  ['Assignee statement', 'Assignee statement'],
  ['Service fees', 'Service fees'],
  ['CDSC ledger', 'CDSC ledger'],
  ['Board report', 'Board report and compliance'],
  ['Records (Rule 12b-1(f))', 'Records (Rule 12b-1(f))'],
  ['Import', 'Import'],
  ['Audit log', 'Audit log'],
];

describe.skipIf(missing !== null)('the dashboard as a treasurer uses it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-treasurer-'));
  const target = join(dir, 'db');
  let server: RunningServer;
  let browser: Browser;
  let treasurer: string;
  let page: Page;

  beforeAll(async () => {
    await demoJanuaryClosedStore(target);
    const db = await openDatabase(target);
    try {
      treasurer = await withActor(
        'test setup',
        async () => (await createApiToken(db, { name: 'treasurer', role: 'operator' })).token,
      );
    } finally {
      await db.close();
    }
    server = await serveDashboard(target);
    browser = await sharedChromium();
    page = await browser.newPage({
      acceptDownloads: true,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
    });
    page.setDefaultTimeout(WAIT_MS);
  }, WAIT_MS);

  afterAll(async () => {
    await releaseChromium(browser);
    await server?.close();
  });

  /**
   * The page's root element, resolved once for a walk of many key presses: each press is then
   * followed by one evaluation on it, not a locator resolved again (the walks press Tab hundreds
   * of times; the same element is read, whatever the press did to the focus).
   */
  const root = async () => (await page.locator('html').elementHandle())!;

  /** What has the focus: its tag, its label or text, as a person would name it. */
  const focused = async (html?: Awaited<ReturnType<typeof root>>) =>
    (html ?? (await root())).evaluate((html) => {
      const doc = html.ownerDocument;
      const e = doc.activeElement;
      if (!e || e === doc.body) return '';
      const label = e.closest('label')?.textContent?.trim() ?? '';
      return `${e.tagName.toLowerCase()}:${label || e.getAttribute('aria-label') || e.textContent?.trim() || ''}`;
    });

  /**
   * The focus at the top of the page: the next Tab goes to its first control (an element that
   * takes no Tab itself, put first in the body and focused, is where the browser's sequential
   * navigation starts; a blur alone leaves it where the focus was).
   */
  async function blur(): Promise<void> {
    await page.locator('html').evaluate((html) => {
      const doc = html.ownerDocument;
      let start = doc.getElementById('tab-walk-start');
      if (start === null) {
        start = doc.createElement('span');
        start.id = 'tab-walk-start';
        start.setAttribute('tabindex', '-1');
        doc.body.prepend(start);
      }
      (start as unknown as { focus(): void }).focus();
    });
  }

  /** Tab until the focus is on what `name` matches (at most `limit` presses). */
  async function tabTo(name: RegExp, limit = 80): Promise<void> {
    const html = await root();
    try {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press('Tab');
        if (name.test(await focused(html))) return;
      }
      throw new Error(`Tab never reached ${name} (last: ${await focused(html)})`);
    } finally {
      await html.dispose();
    }
  }

  /** From the top of the page, by keyboard: the navigation's link to a page, then its heading. */
  async function openByKeyboard(label: string, heading: string): Promise<void> {
    if ((await page.getByRole('navigation', { name: 'pages' }).count()) === 0) await signIn();
    await blur();
    await tabTo(new RegExp(`^a:${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('.loading').waitFor({ state: 'detached' });
  }

  /** Signs the treasurer in by keyboard, on a page of its own title. */
  async function signIn(): Promise<void> {
    await page.goto(server.url);
    await tabTo(/^input:API token/);
    await page.keyboard.type(treasurer);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'pages' }).waitFor();
  }

  /** Types a date into a focused date field, as the keyboard does (month, day, year). */
  async function typeDate(iso: string): Promise<void> {
    const [y, m, d] = iso.split('-');
    await page.keyboard.type(`${m}${d}${y}`);
  }

  // One walk over the pages for both checks (each page's answers are computed once, not twice: a
  // page opened is the server's reports for it): the outline of each page, then its Tab order.
  it('signs in by keyboard; every page has its own title, one h1, an h2, tables with header cells, and every control reached by Tab once each in the order of the page', async () => {
    await page.goto(server.url);
    await page.getByLabel('API token').waitFor();
    expect(await page.title()).toBe('Sign in — plan12b');
    await signIn();
    const titles = new Set<string>();
    for (const [label, heading] of PAGES) {
      await openByKeyboard(label, heading);
      const title = await page.title();
      expect(title, label).toContain(label);
      expect(title, label).toContain('plan12b');
      titles.add(title);
      const outline = await page.locator('html').evaluate((html) => ({
        h1: html.querySelectorAll('h1').length,
        h2: [...html.querySelectorAll('h2')].map((h) => h.textContent),
        // every table: a header cell per column, and every row as wide as its header
        tables: [...html.querySelectorAll('table')].map((t) => {
          const head = [...t.querySelectorAll('thead th')];
          const width = (r: typeof t) =>
            [...r.children].reduce((n, c) => n + ((c as unknown as { colSpan: number }).colSpan || 1), 0);
          return {
            headerCells: head.length,
            scoped: head.every((th) => th.getAttribute('scope') === 'col'),
            rowsOfOtherWidth: [...t.querySelectorAll('tbody tr')].filter((r) => width(r) !== head.length)
              .length,
          };
        }),
      }));
      expect(outline.h1, label).toBe(1);
      expect(outline.h2[0], label).toBe(heading);
      for (const t of outline.tables) {
        expect(t.headerCells, label).toBeGreaterThan(0);
        expect(t.scoped, label).toBe(true);
        expect(t.rowsOfOtherWidth, label).toBe(0);
      }
      // every control a pointer could use: each marked so the walk can name it
      const controls = await page.locator('html').evaluate((html) => {
        const all = [
          ...html.querySelectorAll(
            'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
          ),
        ].filter((e) => !(e as unknown as { disabled?: boolean }).disabled && e.getClientRects().length > 0);
        all.forEach((e, i) => {
          e.setAttribute('data-tab-walk', String(i));
        });
        return all.length;
      });
      await blur();
      const reached: number[] = [];
      const html = await root();
      for (let i = 0; i < controls * 3 + 3; i++) {
        await page.keyboard.press('Tab');
        const at = await html.evaluate(
          (html) => html.ownerDocument.activeElement?.getAttribute('data-tab-walk') ?? null,
        );
        if (at === null) {
          if (reached.length > 0) break; // the last control passed: the focus left the page
          continue;
        }
        const n = Number(at);
        if (n === reached.at(-1)) continue; // a date field's month, day and year, one control
        if (n === 0 && reached.length > 0) break; // round to the first control again
        reached.push(n);
      }
      await html.dispose();
      // each control once, in the order of the page (no tabindex jumps)
      expect(reached, label).toEqual([...Array(controls).keys()]);
    }
    expect(titles.size).toBe(PAGES.length);
  });

  it('picks the schedule in force on a date before and after an amendment, by keyboard', async () => {
    await openByKeyboard('Schedule', 'Schedule in force');
    await tabTo(/^input:As of/);
    await typeDate('2025-03-31');
    await page.getByRole('heading', { name: /entries in force on 2025-03-31/ }).waitFor();
    const before = await page.locator('tbody tr td:first-child').allTextContents();
    expect(before).toContain('Harbor Energy Fund');
    expect(before).not.toContain('Summit Global Opportunities Fund');
    // from the top again: a Tab inside the date field moves to its next part, not to the field
    await blur();
    await tabTo(/^input:As of/);
    await typeDate('2025-04-01');
    await page.getByRole('heading', { name: /entries in force on 2025-04-01/ }).waitFor();
    const after = await page.locator('tbody tr td:first-child').allTextContents();
    expect(after).toContain('Summit Energy Fund');
    expect(after).not.toContain('Harbor Energy Fund');
    expect(after).toContain('Summit Global Opportunities Fund');
  });

  it('opens an amendment diff by keyboard: what it added and moved, and when a rate change governs', async () => {
    await openByKeyboard('Amendments', 'Documents and amendments');
    await tabTo(/^button:Amendment No\. 1 to the Master Distribution Plan \(Class A Shares\)$/);
    await page.keyboard.press('Enter');
    const diff = page.getByRole('region', { name: /^\d+ changes/ });
    await diff.waitFor();
    const rows = await diff
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    // each change from the amendment's own date, 2025-04-01 (the diff's `from` column)
    expect(rows).toContainEqual([
      'added',
      'Summit Global Opportunities Fund',
      'A',
      '—',
      '0.10% + 0.25% = 0.35%',
      '2025-04-01',
    ]);
    expect(rows).toContainEqual([
      'moved',
      'Summit Energy Fund',
      'A',
      'HARBOR SECTOR FUNDS, INC.',
      'SUMMIT SECTOR FUNDS, INC.',
      '2025-04-01',
    ]);
    // Amendment No. 2 raises Summit International Fund's ABSC 0.00% → 0.10% from 2025-10-01,
    // waiting for its Class A shareholders' vote of 2025-11-14: the page says from when it governs
    await openByKeyboard('Amendments', 'Documents and amendments');
    await tabTo(/^button:Amendment No\. 2 to the Master Distribution Plan \(Class A Shares\)$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /What “Amendment No\. 2 .*” changed/ }).waitFor();
    await expect
      .poll(() => page.getByRole('list', { name: 'warnings' }).textContent())
      .toMatch(/Summit International Fund class A .*governs from 2025-11-14/);
  });

  it('shows a month of accruals, and downloads the Monthly Calculation and the board report as PDF, CSV and XLSX', async () => {
    await openByKeyboard('Fees', 'Fees per class and month');
    await tabTo(/^input:From/);
    await typeDate('2025-01-01');
    await tabTo(/^input:To/);
    await typeDate('2025-01-31');
    const fees = page.getByRole('region', { name: 'Fees' });
    await fees.waitFor();
    await expect
      .poll(() => fees.locator('tbody tr td:nth-child(3)').allTextContents())
      .toSatisfy((months: string[]) => months.length > 0 && months.every((m) => m === '2025-01'));
    // the month's daily accruals for class A: they add up to the month's fees (SPEC §4: a period's
    // fee is the sum of its daily fees) — the server's monthly rows against the page's own sum of
    // the daily rows
    await tabTo(/^input:Class/);
    await page.keyboard.type('A');
    await tabTo(/^input:Daily accruals/);
    await page.keyboard.press('Space');
    const daily = page.getByRole('region', { name: 'Daily accruals' });
    await daily.waitFor();
    const total = (region: typeof daily, header: string) =>
      region.locator('table').evaluate((t, h) => {
        const i = [...t.querySelectorAll('thead th')].findIndex((th) => th.textContent === h);
        return t.querySelectorAll('tfoot td')[i]?.textContent ?? null;
      }, header);
    await expect
      .poll(() => daily.locator('tbody tr td:nth-child(3)').allTextContents())
      .toSatisfy((classes: string[]) => classes.length > 0 && classes.every((c) => c === 'A'));
    const dates = await daily.locator('tbody tr td:nth-child(1)').allTextContents();
    expect(new Set(dates.map((d) => d.slice(0, 7)))).toEqual(new Set(['2025-01']));
    for (const header of ['Distribution fee', 'Service fee']) {
      const month = await total(fees, header);
      expect(month, header).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
      expect(await total(daily, header), header).toBe(month);
    }

    const saved = async (button: RegExp) => {
      await tabTo(button);
      const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
    };
    await openByKeyboard('Monthly Calculation', 'Monthly Calculation');
    await page.getByText(/Sealed on .* results hash/).waitFor();
    const pdf = await saved(/^button:Download PDF$/);
    expect(pdf.name).toBe('monthly-calculation-2025-01.pdf');
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const csv = await saved(/^button:Download CSV$/);
    expect(csv.name).toBe('monthly-calculation-2025-01.csv');
    expect(csv.bytes.toString('utf8').split('\n')[0]).toMatch(/^portfolio,/);
    const xlsx = await saved(/^button:Download XLSX$/);
    expect(xlsx.bytes.subarray(0, 2).toString()).toBe('PK');

    await openByKeyboard('Board report', 'Board report and compliance');
    await tabTo(/^input:Quarter/);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2025Q1');
    await page.getByRole('region', { name: 'Fees paid' }).waitFor();
    const boardPdf = await saved(/^button:Board report PDF$/);
    expect(boardPdf.name).toBe('board-report-2025Q1.pdf');
    expect(boardPdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const boardCsv = await saved(/^button:Board report CSV$/);
    expect(boardCsv.name).toBe('board-report-2025Q1.csv');
    expect(boardCsv.bytes.toString('utf8').split('\n')[0]).toMatch(/^[a-z_]+(,[a-z_]+)+\r?$/);
  });

  // Rule 12b-1(f) on the demo (src/demo): the Class A and Class C plans are effective 2024-01-02 →
  // easily accessible through 2026-01-02 (+2 years), kept through 2030-01-02 (+6): on 2026-03-31
  // kept; the Class B Amendment No. 1, effective 2025-07-01, approved by the Board 2025-06-12 →
  // 2027-07-01 / 2031-07-01: on 2026-03-31 easily accessible
  it('lists the Rule 12b-1(f) records on a date typed by keyboard, and downloads them as CSV', async () => {
    await openByKeyboard('Records (Rule 12b-1(f))', 'Records (Rule 12b-1(f))');
    await tabTo(/^input:As of/);
    await typeDate('2026-03-31');
    const table = page.getByRole('region', { name: /records on 2026-03-31$/ });
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    // Record, Title, Instrument, Dated, Votes, Approved, Accessible through, Kept through, On the date
    const plans = rows.filter((r) => r[0] === 'plan');
    expect(plans.map((r) => [r[3], r[5], r[6], r[7], r[8]])).toEqual([
      ['2024-01-02', 'yes', '2026-01-02', '2030-01-02', 'kept'],
      ['2024-01-02', 'yes', '2026-01-02', '2030-01-02', 'kept'],
    ]);
    const amendment = rows.find(
      (r) => r[1] === 'Amendment No. 1 to the Master Distribution Agreement (Class B Shares)',
    );
    expect(amendment?.[3]).toBe('2025-07-01');
    expect(amendment?.[4]).toMatch(/^2025-06-12 board amendment: approved/);
    expect(amendment?.slice(5)).toEqual(['yes', '2027-07-01', '2031-07-01', 'easily accessible']);
    await tabTo(/^button:Download CSV$/);
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toBe('records-2026-03-31.csv');
    expect(readFileSync(await file.path(), 'utf8').split('\n')[0]).toBe(
      'record,title,instrument,file,document,dated,approvedByTheBoard,votes,accessibleThrough,keptThrough,retention',
    );
  });

  it('on a phone, cuts off no figure, no name and no control', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    try {
      for (const [label, heading] of [PAGES[0]!, PAGES[3]!, PAGES[5]!, PAGES[8]!]) {
        await openByKeyboard(label, heading);
        const cut = await page.locator('html').evaluate((html) => {
          const width = html.clientWidth;
          const out: string[] = [];
          // the page itself never scrolls sideways; a wide table scrolls in its own box
          if (html.scrollWidth > width) out.push(`the page is ${html.scrollWidth}px wide`);
          const view = html.ownerDocument.defaultView!;
          for (const e of html.querySelectorAll('body *')) {
            const style = view.getComputedStyle(e);
            const text = e.textContent?.trim() ?? '';
            const clips = /hidden|clip/.test(style.overflowX) || /hidden|clip/.test(style.overflow);
            if (clips && text !== '' && e.scrollWidth > e.clientWidth + 1)
              out.push(`${e.tagName.toLowerCase()}.${e.className}: "${text.slice(0, 40)}" cut off`);
            if (style.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth + 1)
              out.push(`${e.tagName.toLowerCase()}: "${text.slice(0, 40)}" ends in an ellipsis`);
            // a control or a heading outside the screen that no box scrolls to
            if (/^(A|BUTTON|INPUT|SELECT|H2|H3)$/.test(e.tagName)) {
              const r = e.getBoundingClientRect();
              const inScroller = e.closest('.scroll') !== null;
              if (!inScroller && r.width > 0 && (r.right > width + 1 || r.left < -1))
                out.push(`${e.tagName.toLowerCase()} "${text.slice(0, 40)}" is off the screen`);
            }
          }
          return out;
        });
        expect(cut, label).toEqual([]);
      }
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('shows what the API refuses as text that says what to do next', async () => {
    // a month after the data whose first days carry the last net assets into it: the API refuses
    // it (NOT_FOUND) and says to import its feeds first
    await page.goto(`${server.url}/#/monthly-calculation?month=2026-01`);
    const alert = page.getByRole('alert');
    await alert.first().waitFor();
    const said = (await alert.first().textContent()) ?? '';
    expect(said).toMatch(/2026-01/);
    expect(await alert.first().locator('.hint').textContent()).toMatch(/import|choose|close/i);
    // no answer at all (the server stopped, the network down): said so, with what to do
    await page.route('**/api/monthly-calculation?**', (r) => r.abort('connectionrefused'));
    await page.goto(`${server.url}/#/monthly-calculation?month=2025-01`);
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().locator('.hint').textContent()).toMatch(
      /plan12b serve.*try again/i,
    );
    await page.unroute('**/api/monthly-calculation?**');
    // an answer that is not the API's (a proxy's 502 page): its status, and what to do
    await page.route('**/api/monthly-calculation?**', (r) =>
      r.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' }),
    );
    await page.goto(`${server.url}/#/monthly-calculation?month=2025-02`);
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/502/);
    expect(await page.getByRole('alert').first().locator('.hint').textContent()).toMatch(/try again/i);
    await page.unroute('**/api/monthly-calculation?**');
  });
});
