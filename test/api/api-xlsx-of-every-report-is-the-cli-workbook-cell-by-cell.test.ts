import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiStore } from '../../src/api/apiStore.js';
import { createApiToken } from '../../src/api/apiTokens.js';
import { createApp } from '../../src/api/app.js';
import { withActor } from '../../src/store/actor.js';
import { openDatabase } from '../../src/store/database.js';
import { runCliInProcess, runCliOnOpenStore } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  ALPHA,
  FUND,
  OTHER,
  payeesComplexWithViewerToken,
  SUMMIT,
} from '../transfers/payeesComplexFixture.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Where the CLI writes `--xlsx FILE`, the route takes `format=xlsx` (beside its `format=csv`) and
 * answers the same workbook, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet:
 * read back with exceljs, every sheet, cell, number format and totals formula of the API’s
 * workbook equals the CLI’s for the same arguments (one builder behind both,
 * src/reports/xlsxSheets.ts). Found by the session-48 gaps audit: the API answered CSV where the CLI
 * does, but no workbook, so the dashboard and API clients had none.
 *
 * The figures checked by hand, on the small Class B complex of payeesComplexFixture.ts, January
 * 2025 (30 days from the 2nd), closed and sealed first: FUND class B holds 36,500,000.00 at 0.75% ABSC and 0.25% service
 * fee: 36,500,000.00 × 0.75% / 365 = 750.00 a day, 22,500.00 of Distribution Fees, and 250.00 a day,
 * 7,500.00 of service fee; the computation of 2024-12-31 gives Summit 600 : 200 Commission Shares
 * against the Other Distributor, 75% / 25%: 16,875.00 and 5,625.00 of the 22,500.00; DLR-1 holds
 * 10,000,000.00 at 0.25%: 68.49 a day (10,000,000.00 × 0.25% / 365 = 68.4931…), 2,054.70.
 */

interface Cell {
  readonly value: unknown;
  readonly numFmt: string | undefined;
}
interface Sheet {
  readonly name: string;
  readonly rows: Cell[][];
}

/** Every sheet of a workbook, each cell’s value (a formula with its cached result) and number format. */
async function workbookCells(bytes: Uint8Array): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      const cells: Cell[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells.push({ value: cell.value, numFmt: cell.numFmt });
      });
      rows.push(cells);
    });
    return { name: ws.name, rows };
  });
}

/** The row of a sheet whose first cells are the given texts, as header → value. */
function rowWhere(sheet: Sheet, headerRow: number, match: Record<string, unknown>): Record<string, unknown> {
  const header = sheet.rows[headerRow]!.map((c) => String(c.value));
  const found = sheet.rows
    .slice(headerRow + 1)
    .map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]?.value ?? null])))
    .filter((r) => Object.entries(match).every(([k, v]) => r[k] === v));
  expect(found, JSON.stringify(match)).toHaveLength(1);
  return found[0]!;
}

/** The CLI commands whose workbooks the API’s are compared with (their `--xlsx FILE` added). */
function cliArgs(documentId: string): string[][] {
  return [
    ['fees', '--from', '2025-01-01', '--to', '2025-01-31'],
    ['monthly-calculation', '--month', '2025-01'],
    ['distributor-share', '--month', '2025-01'],
    ['service-fees', '--month', '2025-01'],
    ['transfers', 'statement', '--assignee', ALPHA, '--month', '2025-01'],
    ['transfers', 'list'],
    ['providers', 'list'],
    ['lots', '--account', 'A1'],
    ['conversions', '--month', '2025-01'],
    ['redemptions', '--from', '2025-01-01', '--to', '2025-01-31'],
    ['cdsc', '--month', '2025-01'],
    ['board-report', '--quarter', '2025Q1'],
    ['approvals', 'list'],
    ['continuance', '--as-of', '2025-01-31'],
    ['records', '--as-of', '2025-01-31'],
    ['terminations', 'list'],
    ['finra-cap', '--class', 'B', '--through', '2025-01'],
    ['schedule', '--as-of', '2025-01-15'],
    ['rates', 'list'],
    ['class-b-terms', 'list'],
    ['exhibit', 'list'],
    ['exhibit', 'diff', documentId],
    ['journal', '--month', '2025-01'],
    ['close', 'show', '--month', '2025-01', '--part', 'fees'],
    ['close', 'show', '--month', '2025-01', '--part', 'journal'],
    ['close', 'show', '--month', '2025-01', '--part', 'monthly-calculation'],
    ['close', 'show', '--month', '2025-01', '--part', 'service-fees'],
    ['close', 'show', '--month', '2025-01', '--part', 'adjustments'],
    ['close', 'show', '--month', '2025-01', '--part', 'class-b'],
    ['audit', 'log', '--action', 'close.*'],
  ];
}

describe('format=xlsx: the workbook the CLI writes with --xlsx, cell by cell', () => {
  let tdb: TestDatabase;
  let store: ApiStore;
  let app: ReturnType<typeof createApp>['app'];
  let token = '';
  let documentId = '';
  let dir = '';
  let termsCsv = '';
  let auditorToken = '';
  const get = (path: string, as = token) => app.request(path, { headers: { authorization: `Bearer ${as}` } });

  /** The CLI’s workbook for these arguments, written before the API opened the store. */
  const cliWorkbooks = new Map<string, Sheet[]>();
  const cliWorkbook = (args: readonly string[]): Sheet[] => {
    const wb = cliWorkbooks.get(args.join(' '));
    expect(wb, args.join(' ')).toBeDefined();
    return wb!;
  };

  /** The API’s workbook for the path, checked to be sent as an XLSX attachment. */
  async function apiWorkbook(path: string, as = token): Promise<Sheet[]> {
    const res = await get(path, as);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.xlsx"$/);
    return workbookCells(new Uint8Array(await res.arrayBuffer()));
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan12b-api-xlsx-'));
    tdb = await freshDatabase('pglite');
    token = await payeesComplexWithViewerToken(tdb);
    const db = await tdb.open();
    try {
      auditorToken = await withActor(
        'test setup',
        async () => (await createApiToken(db, { name: 'auditor', role: 'auditor' })).token,
      );
    } finally {
      await db.close();
    }
    const list = await runCliInProcess(['--db', tdb.target, 'exhibit', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    documentId = (JSON.parse(list.stdout) as { documents: { id: string }[] }).documents[0]!.id;
    // January closed and sealed first: every reading below is of a closed month (close show too)
    const closed = await runCliInProcess(['--db', tdb.target, 'close', '--month', '2025-01', '--first']);
    expect(closed.code, closed.stderr).toBe(0);
    // the embedded store has one user at a time: every CLI workbook first, then the API. The
    // commands run on one store this file keeps open (runCliOnOpenStore: the same program, command,
    // workbook and exit code, without PGlite's start and stop for each of the 30); how the CLI
    // opens its store is other files' subject (the close above runs as the CLI runs it)
    const kept = await openDatabase(tdb.target, { workload: 'query' });
    try {
      for (const args of cliArgs(documentId)) {
        const file = join(dir, `${cliWorkbooks.size}.xlsx`);
        const r = await runCliOnOpenStore(kept, ['--db', tdb.target, ...args, '--xlsx', file]);
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        cliWorkbooks.set(args.join(' '), await workbookCells(readFileSync(file)));
      }
      const terms = await runCliOnOpenStore(kept, ['--db', tdb.target, 'class-b-terms', 'list', '--csv']);
      expect(terms.code, terms.stderr).toBe(0);
      termsCsv = terms.stdout;
    } finally {
      await kept.close();
    }
    store = await ApiStore.open(tdb.target, { connections: 2 });
    app = createApp(store, { rateLimit: { perSecond: 0, burst: 0 } }).app;
  });
  afterAll(async () => {
    await store?.close();
    await tdb?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('fees: FUND class B 22,500.00 and 7,500.00, the totals row a SUM with the exact total; the CLI’s workbook', async () => {
    const api = await apiWorkbook(`/api/fees?from=2025-01-01&to=2025-01-31&format=xlsx`);
    expect(api).toEqual(cliWorkbook(['fees', '--from', '2025-01-01', '--to', '2025-01-31']));
    const [fees] = api;
    expect(fees!.name).toBe('Fees');
    // row 0 the title, row 1 the header
    const fund = rowWhere(fees!, 1, { Portfolio: FUND, Class: 'B' });
    expect([fund['Distribution fee'], fund['Service fee'], fund['Total fee'], fund.Days]).toEqual([
      22500, 7500, 30000, 30,
    ]);
    const rows = fees!.rows.slice(2, -1);
    const col = fees!.rows[1]!.findIndex((c) => c.value === 'Distribution fee');
    const total = fees!.rows.at(-1)![col]!.value as { formula: string; result: number };
    expect(total.formula).toMatch(/^SUM\(/);
    const cents = rows.reduce((a, r) => a + Math.round((r[col]!.value as number) * 100), 0);
    expect(Math.round(total.result * 100)).toBe(cents);
    expect(fees!.rows[2]![col]!.numFmt).toBe('#,##0.00;[Red]-#,##0.00');
  });

  it('monthly-calculation and distributor-share: Summit 16,875.00, the Other Distributor 5,625.00; the CLI’s workbooks', async () => {
    const mc = await apiWorkbook('/api/monthly-calculation?month=2025-01&format=xlsx');
    expect(mc).toEqual(cliWorkbook(['monthly-calculation', '--month', '2025-01']));
    expect(mc[0]!.name).toBe('Monthly Calculation 2025-01');
    expect(rowWhere(mc[0]!, 1, { Portfolio: FUND, Payee: OTHER })['12b-1 Portion']).toBe(5625);
    expect(rowWhere(mc[0]!, 1, { Portfolio: FUND, Payee: SUMMIT })["Distributor's 12b-1 Share"]).toBe(16875);
    const share = await apiWorkbook('/api/distributor-share?month=2025-01&format=xlsx');
    expect(share).toEqual(cliWorkbook(['distributor-share', '--month', '2025-01']));
    // the sealed computation of 2024-12-31: Summit 75% and the Other Distributor 25% of 22,500.00
    const on = (distributor: string) =>
      rowWhere(share[0]!, 1, { portfolio: FUND, computedOn: '2024-12-31', distributor });
    expect([on(SUMMIT).sharePct, on(SUMMIT).distributionFee, on(SUMMIT).twelveB1Share]).toEqual([
      0.75, 22500, 16875,
    ]);
    expect([on(OTHER).sharePct, on(OTHER).twelveB1Share]).toEqual([0.25, 5625]);
  });

  it('service-fees: DLR-1 2,054.70 on the Providers sheet, the Classes sheet beside it; the CLI’s workbook', async () => {
    const api = await apiWorkbook('/api/service-fees?month=2025-01&format=xlsx');
    expect(api).toEqual(cliWorkbook(['service-fees', '--month', '2025-01']));
    expect(api.map((s) => s.name)).toEqual(['Providers', 'Classes']);
    expect(rowWhere(api[0]!, 1, { Provider: 'DLR-1' }).Amount).toBe(2054.7);
  });

  it('transfers statement, transfers list, providers, lots, conversions, redemptions and cdsc: the CLI’s workbooks', async () => {
    const pairs: [string, string[]][] = [
      [
        `/api/transfers/statement?assignee=${encodeURIComponent(ALPHA)}&month=2025-01&format=xlsx`,
        ['transfers', 'statement', '--assignee', ALPHA, '--month', '2025-01'],
      ],
      ['/api/transfers?format=xlsx', ['transfers', 'list']],
      ['/api/providers?format=xlsx', ['providers', 'list']],
      ['/api/class-b/lots?account=A1&format=xlsx', ['lots', '--account', 'A1']],
      ['/api/class-b/conversions?month=2025-01&format=xlsx', ['conversions', '--month', '2025-01']],
      [
        '/api/class-b/redemptions?from=2025-01-01&to=2025-01-31&format=xlsx',
        ['redemptions', '--from', '2025-01-01', '--to', '2025-01-31'],
      ],
      ['/api/class-b/cdsc?month=2025-01&format=xlsx', ['cdsc', '--month', '2025-01']],
    ];
    for (const [path, args] of pairs) expect(await apiWorkbook(path), path).toEqual(cliWorkbook(args));
    // A1’s lots: P1 200 and P2 300 Commission Shares (300 each, the 100 redeemed from the oldest)
    const lots = await apiWorkbook('/api/class-b/lots?account=A1&format=xlsx');
    expect(rowWhere(lots[0]!, 1, { Lot: 'P1' }).Shares).toBe(200);
    expect(rowWhere(lots[0]!, 1, { Lot: 'P2' }).Shares).toBe(300);
  });

  it('board report, approvals, continuance, records, terminations, finra-cap, schedule, rates, class-b-terms, exhibit list and diff, audit log: the CLI’s workbooks', async () => {
    const pairs: [string, string[]][] = [
      ['/api/board-report?quarter=2025Q1&format=xlsx', ['board-report', '--quarter', '2025Q1']],
      ['/api/approvals?format=xlsx', ['approvals', 'list']],
      ['/api/continuance?asOf=2025-01-31&format=xlsx', ['continuance', '--as-of', '2025-01-31']],
      ['/api/records?asOf=2025-01-31&format=xlsx', ['records', '--as-of', '2025-01-31']],
      ['/api/terminations?format=xlsx', ['terminations', 'list']],
      [
        '/api/finra-cap?class=B&through=2025-01&format=xlsx',
        ['finra-cap', '--class', 'B', '--through', '2025-01'],
      ],
      ['/api/registry/schedule?asOf=2025-01-15&format=xlsx', ['schedule', '--as-of', '2025-01-15']],
      ['/api/rates?format=xlsx', ['rates', 'list']],
      ['/api/class-b/terms?format=xlsx', ['class-b-terms', 'list']],
      ['/api/registry/documents?format=xlsx', ['exhibit', 'list']],
      [`/api/registry/documents/${documentId}/diff?format=xlsx`, ['exhibit', 'diff', documentId]],
    ];
    for (const [path, args] of pairs) expect(await apiWorkbook(path), path).toEqual(cliWorkbook(args));
    expect(await apiWorkbook('/api/audit/log?action=close.*&format=xlsx', auditorToken)).toEqual(
      cliWorkbook(['audit', 'log', '--action', 'close.*']),
    );
    // the board report: one sheet per section, as the CLI writes it
    expect((await apiWorkbook('/api/board-report?quarter=2025Q1&format=xlsx')).length).toBeGreaterThan(1);
  });

  it('journal and the sealed parts of close show: the CLI’s workbooks; the sealed fees of FUND class B 22,500.00', async () => {
    expect(await apiWorkbook('/api/journal?month=2025-01&format=xlsx')).toEqual(
      cliWorkbook(['journal', '--month', '2025-01']),
    );
    for (const part of ['fees', 'journal', 'monthly-calculation', 'service-fees', 'adjustments', 'class-b'])
      expect(await apiWorkbook(`/api/months/2025-01/sealed?part=${part}&format=xlsx`), part).toEqual(
        cliWorkbook(['close', 'show', '--month', '2025-01', '--part', part]),
      );
    const sealed = await apiWorkbook('/api/months/2025-01/sealed?part=fees&format=xlsx');
    const header = sealed[0]!.rows.findIndex((r) => r.some((c) => c.value === 'portfolio'));
    expect(header).toBeGreaterThanOrEqual(0);
    expect(rowWhere(sealed[0]!, header, { portfolio: FUND, class: 'B' }).distributionFee).toBe(22500);
  });

  it('class-b-terms format=csv: the CLI’s --csv (the rules in the columns of class-b-terms import)', async () => {
    const res = await get('/api/class-b/terms?format=csv');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect((await res.text()).trimEnd()).toBe(termsCsv.trimEnd());
  });

  it('an XLSX request that fails is the same JSON problem answer as the CSV request', async () => {
    for (const path of [
      '/api/monthly-calculation?month=2025-13&format=',
      '/api/fees?from=2025-02-01&to=2025-01-01&format=',
      `/api/transfers/statement?assignee=${encodeURIComponent('Nobody LLC')}&month=2025-01&format=`,
      '/api/class-b/cdsc?format=',
      '/api/months/2024-12/sealed?format=',
      '/api/class-b/redemptions?from=2025-01-01&to=2025-01-31&distributor=Nobody&format=',
    ]) {
      const csv = await get(`${path}csv`);
      const xlsx = await get(`${path}xlsx`);
      expect(csv.status, path).toBeGreaterThanOrEqual(400);
      expect(xlsx.status, path).toBe(csv.status);
      expect(xlsx.headers.get('content-type'), path).toMatch(/^application\/json/);
      expect(await xlsx.json(), path).toEqual(await csv.json());
    }
    // a route that answers JSON only: format=xlsx is the caller’s mistake, as format=csv is (400)
    const onlyJson = await get('/api/registry/instruments?format=xlsx');
    expect(onlyJson.status).toBe(400);
    expect(((await onlyJson.json()) as { error: { code: string } }).error.code).toBe('USAGE');
  });

  it('the OpenAPI document lists the XLSX media type on every route that takes format=xlsx, and only there', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { name: string; schema?: { enum?: string[] } }[];
            responses: Record<string, { content?: Record<string, unknown> }>;
          }
        >
      >;
    };
    const withXlsx: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        const takes =
          op.parameters?.find((p) => p.name === 'format')?.schema?.enum?.includes('xlsx') === true;
        const answers = Object.values(op.responses).some((r) => r.content?.[XLSX] !== undefined);
        expect(answers, `${method} ${path}`).toBe(takes);
        if (takes) withXlsx.push(path);
      }
    // the reports a person opens in a spreadsheet, each as the CLI writes it with --xlsx
    expect(withXlsx).toEqual(
      expect.arrayContaining([
        '/api/fees',
        '/api/journal',
        '/api/service-fees',
        '/api/monthly-calculation',
        '/api/distributor-share',
        '/api/transfers/statement',
        '/api/board-report',
        '/api/months/{month}/sealed',
        '/api/class-b/terms',
        '/api/registry/documents',
        '/api/registry/documents/{id}/diff',
      ]),
    );
  });
});
