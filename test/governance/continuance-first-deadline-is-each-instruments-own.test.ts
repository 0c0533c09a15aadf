import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importableDocument } from '../../src/edgar/importableDocument.js';
import { parseExhibit } from '../../src/edgar/parseExhibit.js';
import type { Approval } from '../../src/governance/approval.js';
import { continuanceAsOf } from '../../src/governance/continuance.js';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../src/governance/governanceSettings.js';
import { buildRegistry } from '../../src/registry/registry.js';
import type { StoredDocument } from '../../src/registry/storedDocument.js';
import { continuanceCsvRows, continuanceReportFrom } from '../../src/reports/continuanceReport.js';
import { documentId } from '../../src/store/exhibitImport.js';
import { seedDocuments } from '../support/seedDocuments.js';
import { BOARD_CARRIES, governance } from './support/testPlan.js';

/**
 * SPEC §10's continuance dates are the AIM documents' own: Plan §7 "shall continue in effect until
 * June 30, 2003" (seed 002, line 164) and the Agreement's FOURTEENTH "shall continue in force and
 * effect until June 30, 2004" (seed 003, line 360). plan12b used them as one store-wide first
 * deadline, so a plan of another family dated before 2003-06-30 had no deadline until 2003-06-30.
 * Rule 12b-1(b)(3)(i): a plan may continue "for a period of more than one year from the date of its
 * execution or adoption" only if approved at least annually — a plan whose text states no date
 * must be continued one year after its adoption.
 *
 * Heritage Series Trust's Class A Distribution Plan (test/edgar/fixtures/real-exhibits-5/02, its
 * Amended Schedule A effective 2002-08-30, the plan dated 1993-03-29; no continuance clause in the
 * excerpt). By hand:
 * - first deadline 1993-03-29 + 1 year = 1994-03-29, from the Rule (before: 2003-06-30, the AIM date);
 * - the Board continues it 1994-03-10 and 1995-03-09: as of 1995-06-01 in force, deadlines
 *   1994-03-29 and 1995-03-29 met, next 1996-03-29 (before: next 2003-06-30, nothing met);
 * - nothing in 1996: as of 1996-04-01 lapsed, ending the day after 1996-03-29 = 1996-03-30
 *   (before: in force, its first deadline seven years ahead).
 * The AIM Sixth A&R Plan beside it keeps the date its own text states, 2003-06-30; the Agreement 2004-06-30.
 */
const heritagePath = join(
  import.meta.dirname,
  '..',
  'edgar',
  'fixtures',
  'real-exhibits-5',
  '02_heritage-classA-scheduleA-2002.txt',
);
const heritageBytes = readFileSync(heritagePath);
const heritage: StoredDocument = {
  id: documentId(heritageBytes),
  fileName: basename(heritagePath),
  doc: importableDocument(parseExhibit(heritageBytes.toString('utf8'), heritagePath), heritagePath),
};
const seeds = seedDocuments();
const docs = [...seeds, heritage];
const heritageKey = buildRegistry(docs).instruments.find((i) => i.documentIds.includes(heritage.id))!.key;
const board = (meetingDate: string): Approval => ({
  kind: 'approval',
  id: `heritage-${meetingDate}`,
  meetingDate,
  body: 'board',
  subject: 'continuance',
  documentId: null,
  instrumentKey: heritageKey,
  approvedName: 'Heritage Series Trust Class A Distribution Plan',
  portfolioId: null,
  portfolioName: null,
  class: null,
  vote: BOARD_CARRIES,
});
const registryWith = (dates: string[]) =>
  buildRegistry(docs, [], governance(dates.map(board), { enforce: false }));

describe('each instrument has its own first continuance deadline', () => {
  it('the seeds state theirs: Plan §7 June 30, 2003 on line 164; FOURTEENTH June 30, 2004 on line 360', () => {
    const plan = seeds.find((d) => d.fileName.startsWith('002_'))!;
    const agreement = seeds.find((d) => d.fileName.startsWith('003_'))!;
    expect(plan.doc.continuance).toEqual({
      until: '2003-06-30',
      line: 164,
      text: 'continue in effect until June 30, 2003',
    });
    expect(agreement.doc.continuance).toEqual({
      until: '2004-06-30',
      line: 360,
      text: 'continue in force and effect until June 30, 2004',
    });
    // an amendment states none
    expect(seeds.find((d) => d.fileName.startsWith('000_'))!.doc.continuance).toBeUndefined();
  });

  it('a Heritage plan of 1993 whose text states none: first deadline 1994-03-29, from the Rule', () => {
    const roster = registryWith([]).continuance('1993-12-01');
    const h = roster.find((c) => c.instrumentKey === heritageKey)!;
    expect([h.firstDeadline, h.firstDeadlineSource, h.status, h.nextDeadline]).toEqual([
      '1994-03-29',
      'rule',
      'in force',
      '1994-03-29',
    ]);
    expect(h.firstDeadlineWhy).toContain('Rule 12b-1(b)(3)(i): one year after its adoption 1993-03-29');
    const aim = roster.find((c) => c.instrument === 'Sixth Amended and Restated Master Distribution Plan')!;
    expect([aim.firstDeadline, aim.firstDeadlineSource]).toEqual(['2003-06-30', 'document']);
    expect(aim.firstDeadlineWhy).toContain('"continue in effect until June 30, 2003"');
    expect(aim.firstDeadlineWhy).toContain('002_1ece2ff6353a3318.txt line 164');
    const agreement = roster.find((c) => c.kind === 'agreement')!;
    expect([agreement.firstDeadline, agreement.firstDeadlineSource]).toEqual(['2004-06-30', 'document']);
  });

  it('continued 1994-03-10 and 1995-03-09: in force on 1995-06-01, next 1996-03-29; lapsed from 1996-03-30', () => {
    const registry = registryWith(['1994-03-10', '1995-03-09']);
    const on = registry.continuance('1995-06-01').find((c) => c.instrumentKey === heritageKey)!;
    expect([on.status, on.nextDeadline]).toEqual(['in force', '1996-03-29']);
    expect(on.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null])).toEqual([
      ['1994-03-29', '1994-03-10'],
      ['1995-03-29', '1995-03-09'],
      ['1996-03-29', null],
    ]);
    const after = registry.continuance('1996-04-01').find((c) => c.instrumentKey === heritageKey)!;
    expect([after.status, after.missedDeadline, after.endsOn]).toEqual([
      'lapsed',
      '1996-03-29',
      '1996-03-30',
    ]);
    // the CSV says where the first deadline comes from
    const rows = continuanceCsvRows(
      continuanceReportFrom(registry, DEFAULT_GOVERNANCE_SETTINGS, '1996-04-01', new Map()),
    );
    const row = rows.find((r) => r.instrument.startsWith('Heritage Series Trust Class A'))!;
    expect([row.firstDeadline, row.firstDeadlineSource, row.status]).toEqual([
      '1994-03-29',
      'rule',
      'lapsed',
    ]);
  });

  it('a date the user sets applies only where the text states none', () => {
    const settings = { ...DEFAULT_GOVERNANCE_SETTINGS, planFirstDeadline: '1995-06-30' };
    const registry = buildRegistry(docs, [], { ...governance([], { enforce: false }), settings });
    const roster = registry.continuance('1994-01-01');
    const h = roster.find((c) => c.instrumentKey === heritageKey)!;
    expect([h.firstDeadline, h.firstDeadlineSource]).toEqual(['1995-06-30', 'setting']);
    const aim = roster.find((c) => c.instrument === 'Sixth Amended and Restated Master Distribution Plan')!;
    expect([aim.firstDeadline, aim.firstDeadlineSource]).toEqual(['2003-06-30', 'document']);
  });
});

describe('a continuance chain anchored on February 29', () => {
  // first deadline 2024-02-29, year by year: 2025-02-28, 2026-02-28, 2027-02-28, and 2028-02-29
  // again (2028 is a leap year) — counted from the anchor, not a year after 2027-02-28
  const approvals = ['2024-02-20', '2025-02-20', '2026-02-19', '2027-02-18', '2028-02-29'];
  it('comes back to February 29 in 2028: an approval on that day meets it', () => {
    const s = continuanceAsOf('2024-02-29', approvals, '2028-03-15');
    expect(s.periods.map((p) => p.deadline)).toEqual([
      '2024-02-29',
      '2025-02-28',
      '2026-02-28',
      '2027-02-28',
      '2028-02-29',
      '2029-02-28',
    ]);
    expect([s.status, s.nextDeadline]).toEqual(['in force', '2029-02-28']);
  });
  it('missed on 2028-02-29: it ends on 2028-03-01, not 2028-02-29', () => {
    const s = continuanceAsOf('2024-02-29', approvals.slice(0, 4), '2028-03-15');
    expect([s.status, s.endsOn]).toEqual(['lapsed', '2028-03-01']);
  });
});
