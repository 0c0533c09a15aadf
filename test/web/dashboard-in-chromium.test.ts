import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/api/apiTokens.js';
import type { RunningServer } from '../../src/api/server.js';
import { parseCents } from '../../src/money/cents.js';
import { openDatabase } from '../../src/store/database.js';
import { demoOpenStore } from '../support/demoOpen.js';
import { CHROMIUM, releaseChromium, sharedChromium } from './support/chromium.js';
import { serveDashboard } from './support/dashboard.js';

/**
 * The web dashboard end to end in Debian's Chromium (playwright-core, never a downloaded browser):
 * `plan12b serve` over the demo complex with every month open, driven as a treasurer would.
 * Screenshots of every page go to test-artifacts/web/ to be looked at.
 */
const DIST = resolve(import.meta.dirname, '../../web/dist/index.html');
const SHOTS = resolve(import.meta.dirname, '../../test-artifacts/web');
const missing = !existsSync(CHROMIUM)
  ? `Chromium is not at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`
  : !existsSync(DIST)
    ? 'the dashboard is not built (npm run build)'
    : null;
if (missing && process.env.CI) throw new Error(missing);
if (missing) console.warn(`skipping the dashboard tests: ${missing}`);

/**
 * The server answers from this test's own process, and PostgreSQL in WebAssembly answers
 * synchronously: while it works (a close takes seconds, minutes on a loaded machine) Playwright's
 * own messages in the same process wait too. So no wait here is Playwright's default 30 s: every
 * action and wait may take up to PLAYWRIGHT_WAIT_MS, and each test up to ten minutes — a slow
 * machine makes the file slower, never red; a page that never shows what it should still fails.
 */
const PLAYWRIGHT_WAIT_MS = 300_000;

describe.skipIf(missing !== null)('the web dashboard in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-web-'));
  const target = join(dir, 'db');
  let server: RunningServer;
  let browser: Browser;
  let operator: string;
  let viewer: string;
  let auditor: string;

  beforeAll(async () => {
    // a copy of the run's open demo complex (test/support/demoOpen.ts), recorded once per run
    await demoOpenStore(target);
    const db = await openDatabase(target);
    operator = (await createApiToken(db, { name: 'treasurer', role: 'operator' })).token;
    viewer = (await createApiToken(db, { name: 'board-member', role: 'viewer' })).token;
    auditor = (await createApiToken(db, { name: 'fund-auditor', role: 'auditor' })).token;
    await db.close();
    server = await serveDashboard(target);
    browser = await sharedChromium();
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await releaseChromium(browser);
    await server?.close();
  });

  async function signedIn(token: string): Promise<Page> {
    const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(PLAYWRIGHT_WAIT_MS);
    await page.goto(server.url);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'pages' }).waitFor();
    return page;
  }

  async function open(page: Page, hash: string, heading: string): Promise<void> {
    await page.goto(`${server.url}/#/${hash}`);
    await page.getByRole('heading', { name: heading, level: 2 }).waitFor();
  }

  /** axe-core in the page: no serious or critical violation of WCAG 2 A/AA. */
  async function accessibilityViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ content: axe.source });
    // runs in the page: `globalThis` there is the window, with axe on it
    const results = await page.evaluate(() => {
      const a = (globalThis as unknown as { axe: typeof axe }).axe;
      return a.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    });
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  }

  it('picking a date changes the schedule: Amendment No. 1 renames the Harbor funds on 2025-04-01', async () => {
    const page = await signedIn(operator);
    await open(page, 'schedule', 'Schedule in force');
    const asOf = page.getByLabel('As of');
    await asOf.fill('2025-03-31');
    await page.getByRole('heading', { name: /entries in force on 2025-03-31/ }).waitFor();
    const before = await page.locator('tbody tr td:first-child').allTextContents();
    expect(before).toContain('Harbor Energy Fund');
    expect(before).not.toContain('Summit Global Opportunities Fund');
    await asOf.fill('2025-04-01');
    await page.getByRole('heading', { name: /entries in force on 2025-04-01/ }).waitFor();
    const after = await page.locator('tbody tr td:first-child').allTextContents();
    expect(after).toContain('Summit Energy Fund');
    expect(after).not.toContain('Harbor Energy Fund');
    expect(after).toContain('Summit Global Opportunities Fund');
    await shoot(page, '01-schedule');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('an amendment diff shows what it added, renamed and moved', async () => {
    const page = await signedIn(operator);
    await open(page, 'amendments', 'Documents and amendments');
    await page
      .getByRole('button', { name: 'Amendment No. 1 to the Master Distribution Plan (Class A Shares)' })
      .click();
    const diff = page.getByRole('region', { name: /^\d+ changes/ });
    await diff.waitFor();
    const rows = await diff
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
    expect(rows).toContainEqual([
      'added',
      'Summit Global Opportunities Fund',
      'A',
      '—',
      '0.10% + 0.25% = 0.35%',
      // from the amendment's own date (the renames' 2025-04-01 too): left7's `from` column
      '2025-04-01',
    ]);
    expect(rows).toContainEqual([
      'renamed',
      'Summit Energy Fund',
      'A',
      'Harbor Energy Fund',
      'Summit Energy Fund',
      '2025-04-01',
    ]);
    await shoot(page, '02-amendment-diff');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('the portfolio history and the fees pages draw their timeline and chart', async () => {
    const page = await signedIn(operator);
    await open(page, 'portfolio', 'Portfolio history');
    await page.getByLabel('Portfolio').selectOption('Summit Energy Fund');
    await page.locator('.timeline .run').first().waitFor();
    expect(await page.locator('.timeline .lane-label').allTextContents()).toContain('Name');
    await shoot(page, '03-portfolio-history');
    expect(await accessibilityViolations(page)).toEqual([]);
    await open(page, 'fees', 'Fees per class and month');
    await page.getByLabel('From').fill('2025-01-01');
    await page.getByLabel('To').fill('2025-12-31');
    await page.getByRole('img', { name: /12b-1 fees per month/ }).waitFor();
    await page.getByRole('region', { name: 'Fees' }).waitFor();
    await shoot(page, '04-fees');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('a close runs from the page to the seal, and the Monthly Calculation downloads as PDF and XLSX', async () => {
    const page = await signedIn(operator);
    await open(page, 'close', 'Month close');
    await page.getByLabel('Month', { exact: true }).fill('2025-01');
    await page.getByRole('button', { name: 'Close month' }).click();
    await page.getByText('sealed', { exact: true }).waitFor();
    await page.getByText(/Sealed; results hash [0-9a-f]{64}/).waitFor();
    await shoot(page, '05-close');

    await open(page, 'monthly-calculation', 'Monthly Calculation');
    await page.getByLabel('Month', { exact: true }).fill('2025-01');
    await page.getByText(/Sealed on .* results hash/).waitFor();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('monthly-calculation-2025-01.pdf');
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    // beside it, the workbook the CLI writes with --xlsx (the API's format=xlsx): its first sheet
    // the lines per portfolio and payee, titled for the month
    const [book] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download XLSX' }).click(),
    ]);
    expect(book.suggestedFilename()).toBe('monthly-calculation-2025-01.xlsx');
    const served = new ExcelJS.Workbook();
    await served.xlsx.readFile(await book.path());
    expect(served.worksheets[0]!.name).toBe('Monthly Calculation 2025-01');
    expect(served.worksheets[0]!.getRow(1).getCell(1).value).toBe(
      'Monthly Calculation 2025-01 (Agreement EIGHTH(C))',
    );

    const portfolios = page.getByRole('region', { name: /^Portfolios/ });
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      portfolios.getByRole('button', { name: 'XLSX' }).click(),
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await xlsx.path());
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(2).value).toBe('Distribution fee');
    // the totals row equals the sum of the rows above, each read back from the sheet in cents
    const body: bigint[] = [];
    for (let r = 2; r < ws.rowCount; r++)
      body.push(parseCents(Number(ws.getRow(r).getCell(2).value).toFixed(2)));
    const total = ws.getRow(ws.rowCount);
    expect(total.getCell(1).value).toBe('Total');
    expect(parseCents(Number(total.getCell(2).value).toFixed(2))).toBe(body.reduce((s, x) => s + x, 0n));
    expect(ws.getRow(2).getCell(2).numFmt).toBe('#,##0.00');

    // drill down: a portfolio's computations and payees
    await portfolios.getByRole('button').nth(2).click();
    await page.getByRole('region', { name: /detail$/ }).waitFor();
    await shoot(page, '06-monthly-calculation');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('service fees, the CDSC ledger and the audit log render for an operator', async () => {
    const page = await signedIn(operator);
    await open(page, 'service-fees', 'Service fees');
    await page.getByLabel('Month', { exact: true }).fill('2025-01');
    await page.getByRole('region', { name: 'Per class' }).waitFor();
    await shoot(page, '07-service-fees');
    expect(await accessibilityViolations(page)).toEqual([]);
    await open(page, 'cdsc', 'CDSC ledger');
    await page.getByLabel('From').fill('2025-01-01');
    await page.getByLabel('To').fill('2025-01-31');
    await page.getByRole('region', { name: /^Redemptions/ }).waitFor();
    await shoot(page, '08-cdsc');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('the board report page shows the quarter and downloads its PDF and XLSX', async () => {
    const page = await signedIn(operator);
    await open(page, 'governance', 'Board report and compliance');
    await page.getByLabel('Quarter').fill('2025Q1');
    await page.getByRole('region', { name: 'Fees paid' }).waitFor();
    await page.getByRole('region', { name: 'Instruments in force' }).waitFor();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Board report PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('board-report-2025Q1.pdf');
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const [book] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Board report XLSX' }).click(),
    ]);
    expect(book.suggestedFilename()).toBe('board-report-2025Q1.xlsx');
    // the CLI's workbook: one sheet per section of the report
    const served = new ExcelJS.Workbook();
    await served.xlsx.readFile(await book.path());
    expect(served.worksheets.length).toBeGreaterThan(1);
    await shoot(page, '11-board-report');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('a viewer token is refused when it tries to import, and nothing is written', async () => {
    const records = async () => {
      const res = await fetch(`${server.url}/api/audit/log`, {
        headers: { authorization: `Bearer ${auditor}` },
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { records: unknown[] }).records.length;
    };
    const before = await records();
    const page = await signedIn(viewer);
    await open(page, 'imports', 'Import');
    const csv = join(dir, 'net-assets-fix.csv');
    writeFileSync(csv, 'date,portfolio,class,net_assets\n2025-01-02,Summit Energy Fund,A,1000.00\n');
    await page.getByLabel('File').setInputFiles(csv);
    await page.getByRole('button', { name: 'Import' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/viewer/i);
    await shoot(page, '09-import-refused');
    expect(await records()).toBe(before);
    await page.close();
  });

  it('the audit log page lists the close and verifies the chain', async () => {
    const page = await signedIn(auditor);
    await open(page, 'audit', 'Audit log');
    await page.getByText(/chain verified/).waitFor();
    await page.getByLabel('Action').fill('month.close');
    await page.getByRole('cell', { name: 'token:treasurer (operator)' }).first().waitFor();
    await shoot(page, '10-audit-log');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
