import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importProviderAssets } from '../../src/feeds/providerAssetsFeed.js';
import { formatCents } from '../../src/money/cents.js';
import { writeAssigneeStatementPdf } from '../../src/reports/assigneeStatementPdf.js';
import {
  type AssigneeStatementReport,
  assigneeStatementCsv,
  assigneeStatementReport,
} from '../../src/reports/assigneeStatementReport.js';
import type { Database } from '../../src/store/database.js';
import { readSnapshot } from '../../src/store/readSnapshot.js';
import { pdfText } from '../calc7/support.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import {
  ALPHA,
  BETA,
  buildPayeesComplex,
  FUND,
  FUND2,
  netAssetsRows,
  providerAssetsRows,
} from './payeesComplexFixture.js';

/**
 * left9 (SPEC §12: a restatement of a closed month is "a prior-period adjustment of the next open
 * month"): January 2025 is closed, then FUND's net assets of 2025-01-15 are restated
 * 36,500,000.00 → 37,000,000.00. February is the next month to close: its close reports and pays
 * the adjustment. An Assignee reading its March statement (March open, after February) is told
 * what is pending — for February's close, not in March's payable, not final until then.
 *
 * By hand (as test/reports/restated-january-reaches-each-payee-on-february-statements.test.ts):
 *   a day 36,500,000.00 × 0.75% / 365 = 750.00; restated 37,000,000.00 × 0.75% / 365 = 760.27
 *   January's fee 30 × 750.00 = 22,500.00 → 29 × 750.00 + 760.27 = 22,510.27
 *   Summit's share 75%: 16,875.00 → 22,510.27 × 75% = 16,882.7025, and Other 25% 5,627.5675:
 *     the cent left goes to the larger remainder (.75), Other: Summit 16,882.70
 *   Alpha 20% (40% × 300 of 600 shares in its DOI range): 3,375.00 → 16,882.70 × 20% = 3,376.54: +1.54
 *   Beta 10%: 1,687.50 → 1,688.27: +0.77
 *   (no Earned CDSC changes: the restated day changes no redemption)
 */
const alphaAdjustment = 337_654n - 337_500n; // 1.54
const betaAdjustment = 168_827n - 168_750n; // 0.77

describe('an Assignee statement of an open month after the next to close', () => {
  let tdb: TestDatabase;
  let db: Database;
  const statement = (assignee: string, month: string) =>
    readSnapshot(db, (q) => assigneeStatementReport(q, assignee, month));
  beforeAll(async () => {
    tdb = await freshDatabase('pglite');
    db = await tdb.open();
    await buildPayeesComplex(db);
    await closeMonth(db, '2025-01', MONTH_CLOSE_STEPS);
    await importNetAssets(
      db,
      'fix.csv',
      Buffer.from(`date,portfolio,class,net_assets\n2025-01-15,${FUND},B,37000000.00`),
      { restate: true },
    );
    const amounts = { [FUND]: '36500000.00', [FUND2]: '3650000.00' };
    await importNetAssets(db, 'na-2025-02.csv', netAssetsRows('2025-02-03', '2025-02-28', amounts));
    await importNetAssets(db, 'na-2025-03.csv', netAssetsRows('2025-03-03', '2025-03-31', amounts));
    await importProviderAssets(
      db,
      'pa-2025-02.csv',
      providerAssetsRows('2025-02-03', '2025-02-28', '10000000.00'),
    );
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('March shows January’s adjustment pending for February’s close, not final and not in March’s payable', async () => {
    const march = await statement(ALPHA, '2025-03');
    expect(march.basis).toBe('open');
    // March reports none of its own: the adjustment is February's
    expect(march.priorPeriodAdjustments).toEqual([]);
    expect(march.pendingAdjustments).toEqual({
      reportedIn: '2025-02',
      final: false,
      lines: [
        {
          adjustsMonth: '2025-01',
          portfolioId: expect.any(String),
          portfolio: FUND,
          transferId: 'A',
          twelveB1Adjustment: formatCents(alphaAdjustment), // 1.54
          cdscAdjustment: '0.00',
          adjustment: formatCents(alphaAdjustment),
        },
      ],
      total: '1.54',
    });
    // March's payable is March's own portions: the 1.54 is paid with February
    expect(march.totals.priorPeriodAdjustments).toBe('0.00');
    expect(march.totals.payable).toBe(march.totals.total);
    const beta = await statement(BETA, '2025-03');
    expect(beta.pendingAdjustments?.lines.map((a) => [a.adjustsMonth, a.transferId, a.adjustment])).toEqual([
      ['2025-01', 'B', formatCents(betaAdjustment)], // 0.77
    ]);
  });

  it('February, the next to close, pays it: its own adjustment, in its payable, nothing pending', async () => {
    const feb = await statement(ALPHA, '2025-02');
    expect(feb.pendingAdjustments).toBeUndefined();
    expect(feb.priorPeriodAdjustments.map((a) => [a.adjustsMonth, a.transferId, a.adjustment])).toEqual([
      ['2025-01', 'A', '1.54'],
    ]);
    // payable = February's own portions + 1.54
    expect(BigInt(feb.totals.payable.replace('.', ''))).toBe(
      BigInt(feb.totals.total.replace('.', '')) + alphaAdjustment,
    );
  });

  it('the CSV and the text say it: pending-adjustment rows, reported in February, within 80 columns', async () => {
    const march = await statement(ALPHA, '2025-03');
    const lines = assigneeStatementCsv(march).trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const rows = lines.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, k) => [header[k], v])));
    const pending = rows.filter((r) => r.row === 'pending-adjustment');
    expect(pending.map((r) => [r.adjusts_month, r.reported_in, r.transfer_id, r.total])).toEqual([
      ['2025-01', '2025-02', 'A', '1.54'],
    ]);
    // no payable row: March pays no prior-period adjustment
    expect(rows.some((r) => r.row === 'payable')).toBe(false);
    const text = await runCliOnOpenStore(db, [
      'transfers',
      'statement',
      '--assignee',
      ALPHA,
      '--month',
      '2025-03',
    ]);
    expect(text.code).toBe(0);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(
      "Pending, not final until 2025-02 closes: prior-period adjustments 1.54, to be reported in and paid with 2025-02 (not in 2025-03's payable)",
    );
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(
      `of 2025-01, ${FUND} Transfer A: 12b-1 1.54 + CDSC 0.00 = 1.54`,
    );
    for (const l of text.stdout.split('\n')) expect([...l].length).toBeLessThanOrEqual(80);
    // the PDF: the pending lines and their total, marked not final
    const dir = mkdtempSync(join(tmpdir(), 'left9-'));
    const pdf = join(dir, 'alpha-2025-03.pdf');
    await writeAssigneeStatementPdf(march, pdf, '2025-04-01T00:00:00.000Z');
    const printed = pdfText(pdf).replace(/\s+/g, ' ');
    rmSync(dir, { recursive: true, force: true });
    expect(printed).toContain('Pending, not final until 2025-02 closes');
    expect(printed).toContain('Pending for 2025-02 (not final)');
    expect(printed).toContain('1.54');
  });

  it('once February closes, March has nothing pending: February paid it', async () => {
    await closeMonth(db, '2025-02', MONTH_CLOSE_STEPS);
    const march: AssigneeStatementReport = await statement(ALPHA, '2025-03');
    expect(march.pendingAdjustments).toBeUndefined();
    expect(march.priorPeriodAdjustments).toEqual([]);
    const feb = await statement(ALPHA, '2025-02');
    expect(feb.basis).toBe('sealed');
    expect(feb.priorPeriodAdjustments.map((a) => a.adjustment)).toEqual(['1.54']);
  });
});
