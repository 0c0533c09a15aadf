import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { parseQuarter } from '../../src/calendar/quarter.js';
import { ProblemsError } from '../../src/errors.js';
import { importExpenditures } from '../../src/feeds/expendituresFeed.js';
import { importGrossSales } from '../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importPrimeRate } from '../../src/feeds/primeRateFeed.js';
import { type BoardReportGovernance, boardReport, boardReportLines } from '../../src/reports/boardReport.js';
import { writeBoardReportPdf } from '../../src/reports/boardReportPdf.js';
import { boardReportSheets } from '../../src/reports/boardReportXlsx.js';
import { xlsxBytes } from '../../src/reports/xlsxOut.js';
import { loadAuditLog } from '../../src/store/auditLog.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { loadExpenditures } from '../../src/store/expendituresRepository.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * AIM Value Fund class C at 3,650,000.00 every day of 2025Q4 (92 days): distribution fee
 * 75.00 × 92 = 6,900.00, service fee 25.00 × 92 = 2,300.00, total 9,200.00. Spent in the quarter:
 * dealer compensation 4,000.00 + 1,500.50 = 5,500.50, advertising 1,200.00, printing 300.25
 * → 7,000.75; a row dated 2026-01-05 is outside the quarter.
 */
const netAssets = Buffer.from(
  [
    'date,portfolio,class,net_assets',
    ...businessDaysBetween('2025-09-30', '2025-12-31').map((d) => `${d},AIM Value Fund,C,3650000.00`),
  ].join('\n'),
);
const spent = Buffer.from(
  [
    'portfolio,class,period,purpose,amount,description',
    'AIM Value Fund,C,2025Q4,dealer-compensation,4000.00,',
    'AIM Value Fund,C,2025-11-14,dealer-compensation,1500.50,trail to Granite Securities',
    'AIM Value Fund,C,2025Q4,advertising,1200.00,',
    'AIM Value Fund,C,2025Q4,prospectus-printing,300.25,',
    'AIM Value Fund,C,2026-01-05,advertising,999.00,',
  ].join('\n'),
);

describe.skipIf(!seedsAvailable).each(dialects)('the quarterly board report on %s', (dialect) => {
  let tdb: TestDatabase;
  let db: Database;
  const q4 = parseQuarter('2025Q4')!;
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    db = await tdb.open();
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    await importNetAssets(db, 'na.csv', netAssets);
  });
  afterAll(async () => {
    await db.close();
    await tdb.drop();
  });

  it('bad expenditure rows are refused with file, line and field; nothing is written', async () => {
    const before = (await loadAuditLog(db)).length;
    const bad = Buffer.from(
      [
        'portfolio,class,period,purpose,amount',
        'AIM Value Fund,C,2025Q5,advertising,10.00', // line 2: no fifth quarter
        'AIM Value Fund,C,2025Q4,lunch,10.00', // line 3: not a Plan §3 purpose
        'AIM Value Fund,Z,2025Q4,advertising,10.00', // line 4: no class Z
        'AIM Value Fund,C,2025Q4,advertising,10.001', // line 5: a tenth of a cent
        'AIM Value Fund,C,2025Q4,other,10.00', // fine
      ].join('\n'),
    );
    const e = await importExpenditures(db, 'spent.csv', bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProblemsError);
    expect((e as ProblemsError).problems.map((p) => [p.file, p.line, p.field])).toEqual([
      ['spent.csv', 2, 'period'],
      ['spent.csv', 3, 'purpose'],
      ['spent.csv', 4, 'class'],
      ['spent.csv', 5, 'amount'],
    ]);
    expect(await db.transaction((q) => loadExpenditures(q))).toEqual([]);
    expect((await loadAuditLog(db)).length).toBe(before);
  });

  it('fees, amounts spent by purpose, cap status; approvals absent say so', async () => {
    expect(await importExpenditures(db, 'spent.csv', spent)).toMatchObject({ inserted: 5 });
    expect(await importExpenditures(db, 'spent.csv', spent)).toMatchObject({ inserted: 0, unchanged: 5 });
    await importPrimeRate(db, 'prime.csv', Buffer.from('effective_date,prime_rate\n2024-12-19,7.50\n'));
    await importGrossSales(
      db,
      'gs.csv',
      Buffer.from('month,portfolio,class,gross_sales\n2025-10,AIM Value Fund,C,1000000.00\n'),
    );
    const r = await db.transaction((q) => boardReport(q, q4));
    expect(r.fees).toEqual([
      {
        portfolio: 'AIM Value Fund',
        class: 'C',
        distributionFee: '6900.00',
        serviceFee: '2300.00',
        totalFee: '9200.00',
      },
    ]);
    expect(r.expendituresByPurpose.map((p) => [p.purpose, p.amount])).toEqual([
      ['dealer-compensation', '5500.50'],
      ['advertising', '1200.00'],
      ['prospectus-printing', '300.25'],
    ]);
    expect(r.expendituresTotal).toBe('7000.75');
    expect(r.instruments.length).toBeGreaterThan(0);
    // 6.25% × 1,000,000.00 = 62,500.00 in October: far from exhausted
    expect(r.finraCap).toEqual([
      expect.objectContaining({ class: 'C', exhausted: false, exhaustedOn: null }),
    ]);
    expect(r.approvals).toBeNull();
    expect(boardReportLines(r).filter((l) => l.section === 'amounts spent')).toHaveLength(4);
  });

  it('reads approvals and continuance through the interface when one is given', async () => {
    const governance: BoardReportGovernance = {
      approvalsBetween: async (_q, from, to) => {
        expect([from, to]).toEqual(['2025-10-01', '2025-12-31']);
        return [
          {
            date: '2025-12-10',
            body: 'board',
            subject: 'continuance of the Plan',
            scope: 'all portfolios',
            vote: '9 for, 0 against; Dis-interested 7 for',
            approved: true,
          },
        ];
      },
      continuanceDeadlines: async () => [
        { instrument: 'Plan', deadline: '2026-06-30', status: 'approved 2025-12-10', source: 'Plan §7' },
      ],
    };
    const r = await db.transaction((q) => boardReport(q, q4, governance));
    expect(r.approvals).toHaveLength(1);
    expect(r.continuance).toEqual([
      { instrument: 'Plan', deadline: '2026-06-30', status: 'approved 2025-12-10', source: 'Plan §7' },
    ]);
  });

  it('the PDF and the workbook: totals, frozen headers, number formats', async () => {
    const r = await db.transaction((q) => boardReport(q, q4));
    const dir = mkdtempSync(join(tmpdir(), 'board-report-'));
    await writeBoardReportPdf(r, { preparedAt: '2026-01-15T12:00:00.000Z' }, join(dir, 'board.pdf'));
    expect(readFileSync(join(dir, 'board.pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsxBytes(boardReportSheets(r))) as unknown as ExcelJS.Buffer);
    const fees = wb.getWorksheet('Fees')!;
    expect(fees.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(fees.getRow(2).values).toEqual([
      undefined,
      'Portfolio',
      'Class',
      'Distribution fee',
      'Service fee',
      'Total',
    ]);
    expect(fees.getCell('C3').value).toBe(6900);
    expect(fees.getCell('C3').numFmt).toMatch(/^#,##0\.00/);
    const total = fees.getCell('E4').value as { formula: string; result: number };
    expect(total).toMatchObject({ formula: 'SUM(E3:E3)', result: 9200 });
    const byPurpose = wb.getWorksheet('Spent by purpose')!;
    // 5,500.50 + 1,200.00 + 300.25 = 7,000.75
    expect((byPurpose.getCell('C6').value as { result: number }).result).toBe(7000.75);
    expect(byPurpose.getCell('A6').value).toBe('Total');
    expect(wb.getWorksheet('Approvals')!.getCell('A1').value).toMatch(/no approvals recorded/);
  });
});
