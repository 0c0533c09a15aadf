import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/store/database.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { demoOpenStore } from '../support/demoOpen.js';

/**
 * The open demo complex records net assets, Class B transactions and Omnibus figures through
 * December 2025; its Class B classes carry their last net assets into 2 January 2026 (so January
 * 2026 has Class B fees) and are then taken as ended.
 * - 2026-01 has fees to split (carried past the data) but nothing recorded in it:
 *   `distributor-share`, `monthly-calculation` and `journal` refuse, 66 (the month's records do not
 *   exist), saying the month has no data yet, the latest month with data (2025-12) and to import the
 *   month's feeds — once they refused 65 naming the first Omnibus Account missing its figures.
 * - 2026-02 and later, after the data: nothing to compute a share from and no fee to split. The
 *   Monthly Calculation answers an empty month (exit 0); `distributor-share` once answered 65 ("no
 *   sub-transfer agent figures … 2026-01") for the same month. Both now answer empty, exit 0, with
 *   one warning naming the last month recorded.
 * And `distributor-share --xlsx` (DEVELOPERS rule 7: a person opens it) holds the CSV's lines.
 */
describe('a month after the data: distributor-share as the Monthly Calculation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-after-data-'));
  const target = join(dir, 'db');
  let store: Database;
  const cli = (...args: string[]) => runCliOnOpenStore(store, ['--db', target, ...args, '--json']);
  beforeAll(async () => {
    await demoOpenStore(target);
    store = await openDatabase(target);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const after = (month: string) =>
    `nothing is recorded after 2025-12 (net assets, Class B transactions, Omnibus figures): ${month} has no figures to compute the Distributor's 12b-1 Share from and no distribution fee to split; import the month's data first`;

  it.each(['2026-02', '2026-06'])(
    '%s: both answer no portfolio, exit 0, saying the data ends in 2025-12',
    async (month) => {
      const share = await cli('distributor-share', '--month', month);
      expect(share.code, share.stdout).toBe(0);
      expect(share.json()).toMatchObject({ month, portfolios: [], warnings: [after(month)] });
      const calc = await cli('monthly-calculation', '--month', month);
      expect(calc.code, calc.stdout).toBe(0);
      const doc = calc.json<{ portfolios: unknown[]; payables: unknown[]; warnings: string[] }>();
      expect(doc.portfolios).toEqual([]);
      expect(doc.payables).toEqual([]);
      expect(doc.warnings).toContain(after(month));
    },
  );

  it('2026-01, with carried Class B fees and no data: all three refuse, 66, saying the data ends in 2025-12', async () => {
    for (const command of ['distributor-share', 'monthly-calculation', 'journal']) {
      const run = await cli(command, '--month', '2026-01');
      expect(run.code, `${command}: ${run.stdout}`).toBe(66);
      const { error } = run.json<{ error: { code: string; message: string; hint: string } }>();
      expect(error.code).toBe('NOT_FOUND');
      expect(error.message).toBe(
        "no net assets, Class B transactions or Omnibus figures are recorded for 2026-01 yet (the latest month with data is 2025-12): the Distributor's 12b-1 Share of 2026-01 cannot be computed",
      );
      expect(error.message).not.toContain('Omnibus Account');
      expect(error.hint).toContain("import 2026-01's feeds first");
      expect(error.hint).toContain('plan12b omnibus import');
    }
  });

  it('--xlsx writes the lines --csv prints, shares and dollars as numbers', async () => {
    const csvRun = await runCliOnOpenStore(store, [
      '--db',
      target,
      'distributor-share',
      '--month',
      '2025-06',
      '--csv',
    ]);
    expect(csvRun.code, csvRun.stderr).toBe(0);
    const [header, ...lines] = parse(csvRun.stdout) as string[][];
    expect(lines.length).toBeGreaterThan(0);
    const file = join(dir, 'share.xlsx');
    const x = await runCliOnOpenStore(store, [
      '--db',
      target,
      'distributor-share',
      '--month',
      '2025-06',
      '--xlsx',
      file,
    ]);
    expect(x.code, x.stderr).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('Distributor share')!;
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual(header);
    const pctAt = header!.indexOf('sharePct');
    for (const [i, line] of lines.entries()) {
      const cells = header!.map((_, c) => ws.getRow(3 + i).getCell(c + 1).value);
      // a percentage is the fraction of it (47.5512 → 0.475512); the rest reads back as printed
      expect(
        cells.map((v, c) =>
          v === null
            ? ''
            : c === pctAt
              ? (Number(v) * 100).toFixed(4)
              : typeof v === 'number'
                ? String(v)
                : v,
        ),
      ).toEqual(
        line!.map((v, c) => (c === pctAt || v === '' || !/^-?\d+(\.\d+)?$/.test(v) ? v : String(Number(v)))),
      );
    }
  });
});
