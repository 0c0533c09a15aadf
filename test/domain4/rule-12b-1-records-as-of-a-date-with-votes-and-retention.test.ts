/**
 * Rule 12b-1(f) (DOMAIN §0 and §1.3, CONFIRMED [S2]): copies of the plan, the agreements and the
 * reports are kept at least six years, the first two in an easily accessible place. `plan12b
 * records --as-of D` lists each with the votes on it recorded up to D, the 2nd and 6th anniversaries
 * of its date, and where it stands on D.
 *
 * Seeds: the Sixth A&R Plan (002, effective 2002-06-03), the Class B Agreement (003, 2003-08-18)
 * and its Amendment No. 2 (004, 2003-10-29). Votes (boardRow: 8 of 9 trustees, 6 of 6
 * Dis-interested, in person, called for the purpose):
 *   2003-06-18 continuance of 002 (carried); 2003-08-05 approval of 003 (carried);
 *   2003-09-10 related agreement "Dealer Agreement (Class B)" (carried);
 *   2003-10-20 approval of 004: 4 of 9 trustees and 2 of 6 Dis-interested for → no majority (fails);
 *   2004-06-20 continuance of 003 (after the first as-of date: not on the 2004-06-01 record).
 * On 2004-06-01 (sorted by date):
 *   002 dated 2002-06-03: accessible through 2004-06-03, kept through 2008-06-03 → easily accessible
 *   003 dated 2003-08-18: 2005-08-18 / 2009-08-18 → easily accessible, approved
 *   related agreement dated by its first carried vote 2003-09-10: 2005-09-10 / 2009-09-10
 *   004 dated 2003-10-29: 2005-10-29 / 2009-10-29, its only vote failed → not approved
 * On 2008-06-04: 002 is past 2008-06-03 → past retention; 003 (2005-08-18 < D ≤ 2009-08-18) → kept,
 *   now with two votes (2003-08-05 and 2004-06-20).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { retentionOf, rule12b1Records } from '../../src/governance/rule12b1Records.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { APPROVALS_HEADER, boardRow } from '../governance/support/storeWithPlan.js';
import { runCliInProcess } from '../support/cli.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedFiles, seedsAvailable } from '../support/seeds.js';

interface Row {
  record: string;
  title: string;
  dated: string;
  approvedByTheBoard: boolean;
  votes: { meetingDate: string; carried: boolean; subject: string }[];
  accessibleThrough: string;
  keptThrough: string;
  retention: string;
}

describe.skipIf(!seedsAvailable)('plan12b records as of a date', () => {
  let store: TestDatabase;
  const dir = mkdtempSync(join(tmpdir(), 'plan12b-domain4-records-'));
  const seed = (n: string) => seedFiles().find((f) => f.includes(`${n}_`))!;
  const [plan, agreement, amendment] = ['002', '003', '004'].map(seed) as [string, string, string];
  const hash = (f: string) => documentId(readFileSync(f));
  const cli = (...args: string[]) => runCliInProcess(['--db', store.target, '--actor', 'cco', ...args]);
  beforeAll(async () => {
    store = await freshDatabase('pglite');
    expect((await cli('exhibit', 'import', plan, agreement, amendment)).code).toBe(0);
    const file = join(dir, 'approvals.csv');
    writeFileSync(
      file,
      `${[
        APPROVALS_HEADER,
        boardRow('2003-06-18', 'continuance', hash(plan)),
        boardRow('2003-08-05', 'instrument', hash(agreement)),
        boardRow('2003-09-10', 'related-agreement', '', 'Dealer Agreement (Class B)'),
        `2003-10-20,board,amendment,${hash(amendment)},,,,4,4,1,2,4,0,yes,yes,,,`,
        boardRow('2004-06-20', 'continuance', hash(agreement)),
      ].join('\n')}\n`,
    );
    const imported = await cli('approvals', 'import', file, '--json');
    expect(imported.code, imported.stderr).toBe(0);
  });
  afterAll(() => store.drop());

  it('on 2004-06-01 lists the plan, the agreement, the related agreement and the amendment with their votes', async () => {
    const r = await cli('records', '--as-of', '2004-06-01', '--json');
    expect(r.code, r.stderr).toBe(0);
    const { records } = r.json<{ records: Row[] }>();
    expect(
      records.map((x) => [
        x.record,
        x.dated,
        x.approvedByTheBoard,
        x.votes.map((v) => `${v.meetingDate} ${v.subject} ${v.carried}`),
        x.accessibleThrough,
        x.keptThrough,
        x.retention,
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
        'agreement',
        '2003-08-18',
        true,
        ['2003-08-05 instrument true'],
        '2005-08-18',
        '2009-08-18',
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
      [
        'agreement-amendment',
        '2003-10-29',
        false,
        ['2003-10-20 amendment false'],
        '2005-10-29',
        '2009-10-29',
        'easily accessible',
      ],
    ]);
    expect(records[2]!.title).toBe('Dealer Agreement (Class B)');
  });

  it('on 2008-06-04 the plan is past its six years and the agreement is kept, with its later continuance', async () => {
    const r = await cli('records', '--as-of', '2008-06-04', '--csv');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'record,title,instrument,file,document,dated,approvedByTheBoard,votes,accessibleThrough,keptThrough,retention',
    );
    const plan = lines.find((l) => l.startsWith('plan,'))!;
    expect(plan.endsWith(',2004-06-03,2008-06-03,past retention')).toBe(true);
    const agreementLine = lines.find((l) => l.startsWith('agreement,'))!;
    expect(agreementLine).toContain('2003-08-05 board instrument: approved');
    expect(agreementLine).toContain('2004-06-20 board continuance: approved');
    expect(agreementLine.endsWith(',2005-08-18,2009-08-18,kept')).toBe(true);
  });
});

describe('quarterly reports among the records', () => {
  // books start 2025-02 (first closed month); Q1 holds 2025-02 and 2025-03; closed on the days given
  const closedMonths = [
    { month: '2025-02', closedOn: '2025-03-05' },
    { month: '2025-03', closedOn: '2025-04-08' },
    { month: '2025-04', closedOn: '2025-05-06' },
    { month: '2025-05', closedOn: '2025-06-04' },
  ];
  it('a quarter whose months were all closed by the date is a record dated by its last close; one not is warned', () => {
    const r = rule12b1Records({ asOf: '2025-07-31', documents: [], approvals: [], closedMonths });
    // 2025Q1: months 2025-02 (closed 03-05) and 2025-03 (04-08) → dated 2025-04-08,
    //   accessible through 2027-04-08, kept through 2031-04-08
    expect(r.records.map((x) => [x.title, x.dated, x.accessibleThrough, x.keptThrough, x.retention])).toEqual(
      [['Quarterly report 2025Q1 (Plan §8)', '2025-04-08', '2027-04-08', '2031-04-08', 'easily accessible']],
    );
    // 2025Q2 ended 2025-06-30 ≤ 2025-07-31 but 2025-06 is not closed; 2025Q3 has not ended
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(
      /^the quarterly report for 2025Q2 \(Plan §8\) is not final on 2025-07-31: 2025-06 not closed/,
    );
  });
  it('a month closed after the date does not count on it', () => {
    const r = rule12b1Records({ asOf: '2025-04-07', documents: [], approvals: [], closedMonths });
    expect(r.records).toEqual([]);
    expect(r.warnings[0]).toMatch(/2025Q1 .* not final on 2025-04-07: 2025-03 not closed/);
  });
  it('a Feb 29 date is kept through Feb 28 of common years', () => {
    // 2024-02-29 + 2 years = 2026-02-28 (2026 is common); + 6 = 2030-02-28
    expect(retentionOf('2024-02-29', '2026-03-01')).toEqual({
      accessibleThrough: '2026-02-28',
      keptThrough: '2030-02-28',
      retention: 'kept',
    });
  });
});
