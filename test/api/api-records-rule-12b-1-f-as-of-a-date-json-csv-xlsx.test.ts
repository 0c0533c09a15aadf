import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULE_12B1_RECORDS_CSV_COLUMNS } from '../../src/reports/rule12b1RecordsReport.js';
import { XLSX_MEDIA_TYPE } from '../../src/reports/xlsxOut.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { APPROVALS_HEADER, boardRow } from '../governance/support/storeWithPlan.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';
import { type ApiFixture, apiFixture } from './apiFixture.js';

/**
 * `GET /api/records?asOf=D` (Rule 12b-1(f); DOMAIN §1.3): `plan12b records --as-of D` through the
 * API, as JSON, CSV (format=csv) and the CLI's workbook (format=xlsx).
 *
 * The fixture's store holds the Sixth A&R Plan (seed 002, effective 2002-06-03) and no closed
 * month (so no quarterly report). Votes: 2003-06-18 continuance of 002 (boardRow: 8 of 9 trustees,
 * 6 of 6 Dis-interested, in person, called for the purpose → carried); 2003-09-10 related
 * agreement "Dealer Agreement (Class B)" (carried; dated by that first carried vote).
 * Worked by hand (as test/domain4's records test):
 *   002 dated 2002-06-03: accessible through 2004-06-03 (+2 years), kept through 2008-06-03 (+6)
 *     on 2004-06-01 (≤ 2004-06-03) → easily accessible; on 2008-06-04 (> 2008-06-03) → past retention
 *   related agreement dated 2003-09-10: 2005-09-10 / 2009-09-10
 *     on 2004-06-01 → easily accessible; on 2008-06-04 (2005-09-10 < D ≤ 2009-09-10) → kept
 */
describe.skipIf(!seedsAvailable)('GET /api/records', () => {
  let f: ApiFixture;
  const plan = seedFiles().find((s) => s.includes('002_'))!;
  beforeAll(async () => {
    f = await apiFixture('pglite');
    const upload = await f.request('POST', '/api/imports/approvals?fileName=approvals.csv', {
      token: f.tokens.operator,
      type: 'text/csv',
      body: [
        APPROVALS_HEADER,
        boardRow('2003-06-18', 'continuance', documentId(readFileSync(plan))),
        boardRow('2003-09-10', 'related-agreement', '', 'Dealer Agreement (Class B)'),
      ].join('\n'),
    });
    expect(upload.status, await upload.clone().text()).toBe(200);
  });
  afterAll(async () => {
    await f?.close();
  });

  it('as JSON on 2004-06-01: the plan and the related agreement, their votes, both easily accessible', async () => {
    const res = await f.request('GET', '/api/records?asOf=2004-06-01');
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as {
      asOf: string;
      records: Record<string, unknown>[];
      warnings: string[];
    };
    expect(body.asOf).toBe('2004-06-01');
    expect(body.warnings).toEqual([]);
    expect(
      body.records.map((r) => [
        r.record,
        r.dated,
        r.approvedByTheBoard,
        (r.votes as { meetingDate: string; subject: string; carried: boolean }[]).map(
          (v) => `${v.meetingDate} ${v.subject} ${v.carried}`,
        ),
        r.accessibleThrough,
        r.keptThrough,
        r.retention,
      ]),
    ).toEqual([
      [
        'plan',
        '2002-06-03',
        true,
        ['2003-06-18 continuance true'],
        '2004-06-03',
        '2008-06-03',
        'easily accessible',
      ],
      [
        'related-agreement',
        '2003-09-10',
        true,
        ['2003-09-10 related-agreement true'],
        '2005-09-10',
        '2009-09-10',
        'easily accessible',
      ],
    ]);
    expect(body.records[0]!.document).toBe(documentId(readFileSync(plan)));
    expect(body.records[1]!.title).toBe('Dealer Agreement (Class B)');
  });

  it('as CSV and XLSX on 2008-06-04: the plan past retention, the related agreement kept', async () => {
    const csv = await f.request('GET', '/api/records?asOf=2008-06-04&format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await csv.text()).trimEnd().split('\n');
    expect(lines[0]).toBe(RULE_12B1_RECORDS_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[1]!.startsWith('plan,')).toBe(true);
    // the vote's outcome names the count (8 of 9 trustees, 6 of 6 Dis-interested)
    expect(lines[1]!).toContain(
      ',"2003-06-18 board continuance: approved: 8 of 9 trustees, 6 of 6 Dis-interested',
    );
    expect(lines[1]!.endsWith(',2004-06-03,2008-06-03,past retention')).toBe(true);
    expect(lines[2]!.startsWith('related-agreement,Dealer Agreement (Class B),,,,2003-09-10,yes,')).toBe(
      true,
    );
    expect(lines[2]!.endsWith(',2005-09-10,2009-09-10,kept')).toBe(true);

    const xlsx = await f.request('GET', '/api/records?asOf=2008-06-04&format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe(XLSX_MEDIA_TYPE);
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="records-2008-06-04.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
    const ws = wb.getWorksheet('Records')!;
    const texts: string[][] = [];
    ws.eachRow((row) => {
      texts.push((row.values as unknown[]).slice(1).map((v) => String(v ?? '')));
    });
    // the title, then the CSV's header and rows
    expect(texts.some((r) => r.includes('past retention'))).toBe(true);
    expect(texts.find((r) => r[0] === 'related-agreement')?.at(-1)).toBe('kept');
  });

  it('refuses a date that is not one', async () => {
    const res = await f.request('GET', '/api/records?asOf=2008-13-01');
    expect(res.status).toBe(400);
  });
});
