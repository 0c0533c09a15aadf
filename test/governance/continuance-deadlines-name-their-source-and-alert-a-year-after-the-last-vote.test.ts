import { describe, expect, it } from 'vitest';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../src/governance/governanceSettings.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { continuanceLines } from '../../src/reports/boardReportGovernance.js';
import {
  CONTINUANCE_CSV_COLUMNS,
  continuanceCsvRows,
  continuanceReportFrom,
} from '../../src/reports/continuanceReport.js';
import { AGREEMENT, agreementApproval } from './support/testAgreement.js';
import { approval, BOARD_CARRIES, governance, PLAN } from './support/testPlan.js';

/**
 * Each continuance deadline names where it comes from (Plan §7; Agreement FOURTEENTH), and the
 * "at least annually" of Rule 12b-1(b)(3)(i) is watched as DOMAIN §9 says: "last annual
 * continuance date → alert if > 1 year".
 *
 * The test Plan (Plan §7 as its text words it: "continue in effect until June 30, 2003"), continued
 * by the Board on 2003-06-12, 2004-06-10 and 2005-06-15. By hand:
 * - year by year (the default; the Agreement's "from year to year thereafter"): 2003-06-30 from the
 *   text; then 2003-06-30 + 1 = 2004-06-30, + 2 = 2005-06-30, + 3 = 2006-06-30, all anniversaries of
 *   the first deadline; each met, next 2006-06-30;
 * - at least annually: a vote by 2005-06-15 + 1 year = 2006-06-15, fifteen days before the
 *   2006-06-30 deadline; as of 2006-06-20 the last vote is more than a year old: an alert,
 *   though the Plan is in force (its deadline is ahead);
 * - twelve months after the approval (the setting): 2003-06-30; 2003-06-12 + 1 = 2004-06-12 (met
 *   2004-06-10); 2004-06-10 + 1 = 2005-06-10, which 2005-06-15 misses: lapsed, ending 2005-06-11.
 */
const votes = [
  approval('2002-05-20', 'instrument', PLAN, BOARD_CARRIES),
  approval('2003-06-12', 'continuance', null, BOARD_CARRIES),
  approval('2004-06-10', 'continuance', null, BOARD_CARRIES),
  approval('2005-06-15', 'continuance', null, BOARD_CARRIES),
];
const firstSales = new Map<string, string>();

describe('continuance deadlines name their source; a year after the last vote is alerted (DOMAIN §9)', () => {
  it('year by year: each deadline an anniversary of the one the text states, so named', () => {
    const [c] = buildRegistry([PLAN], [], governance(votes)).continuance('2005-12-31');
    expect(c!.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null, p.deadlineSource])).toEqual([
      ['2003-06-30', '2003-06-12', 'document'],
      ['2004-06-30', '2004-06-10', 'anniversary'],
      ['2005-06-30', '2005-06-15', 'anniversary'],
      ['2006-06-30', null, 'anniversary'],
    ]);
    expect(c!.periods[0]!.deadlineWhy).toContain('continue in effect until June 30, 2003');
    expect(c!.periods[3]!.deadlineWhy).toContain('3 years after the first deadline 2003-06-30');
    expect([c!.status, c!.nextDeadline, c!.nextDeadlineSource]).toEqual([
      'in force',
      '2006-06-30',
      'anniversary',
    ]);
    expect([c!.lastContinuanceVote, c!.annualVoteBy]).toEqual(['2005-06-15', '2006-06-15']);
  });

  it('the board report line gives the source of its deadline and the vote a year after the last', () => {
    const [c] = buildRegistry([PLAN], [], governance(votes)).continuance('2005-12-31');
    const [line] = continuanceLines(c!, '2005-12-31');
    expect(line).toMatchObject({ deadline: '2006-06-30', status: 'due' });
    expect(line!.source).toContain('3 years after the first deadline 2003-06-30');
    expect(line!.source).toContain('a vote by 2006-06-15');
    // before the first deadline: the Plan's own text (Plan §7), no vote yet to count a year from
    const [early] = buildRegistry([PLAN], [], governance(votes)).continuance('2003-01-15');
    expect([early!.nextDeadline, early!.nextDeadlineSource, early!.annualVoteBy]).toEqual([
      '2003-06-30',
      'document',
      null,
    ]);
    expect(continuanceLines(early!, '2003-01-15')[0]!.source).toContain(
      'continue in effect until June 30, 2003',
    );
  });

  it('continuance --csv names the next deadline and its source, as the JSON does', () => {
    const r = buildRegistry([PLAN], [], governance(votes));
    // next deadline 2006-06-30: 3 years after the first 2003-06-30, year by year (anniversary);
    // before the first deadline (2003-01-15) it is the text's own 2003-06-30 (document)
    const row = (asOf: string) =>
      continuanceCsvRows(continuanceReportFrom(r, r.governance.settings, asOf, firstSales))[0]!;
    expect([row('2005-12-31').nextDeadline, row('2005-12-31').nextDeadlineSource]).toEqual([
      '2006-06-30',
      'anniversary',
    ]);
    expect([row('2003-01-15').nextDeadline, row('2003-01-15').nextDeadlineSource]).toEqual([
      '2003-06-30',
      'document',
    ]);
    expect(CONTINUANCE_CSV_COLUMNS.indexOf('nextDeadlineSource')).toBe(
      CONTINUANCE_CSV_COLUMNS.indexOf('nextDeadline') + 1,
    );
  });

  it('the continuance report alerts once the last vote is more than a year old, not before', () => {
    const r = buildRegistry([PLAN], [], governance(votes));
    const alert = (asOf: string) =>
      continuanceReportFrom(r, r.governance.settings, asOf, firstSales).warnings.filter((w) =>
        w.includes('at least annually'),
      );
    // 2006-06-15 is a year after 2005-06-15: still within it
    expect(alert('2006-06-15')).toEqual([]);
    const [w] = alert('2006-06-16');
    expect(w).toContain('last continuance vote was 2005-06-15');
    expect(w).toContain('2006-06-30');
  });

  it('twelve months after the approval, where that is the setting: each deadline a year after the last vote', () => {
    const g = governance(votes);
    const twelve = {
      ...g,
      settings: {
        ...DEFAULT_GOVERNANCE_SETTINGS,
        enforceApprovals: true,
        continuanceBasis: 'twelve-months-after-approval' as const,
      },
    };
    const [c] = buildRegistry([PLAN], [], twelve).continuance('2005-12-31');
    expect(c!.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null, p.deadlineSource])).toEqual([
      ['2003-06-30', '2003-06-12', 'document'],
      ['2004-06-12', '2004-06-10', 'last-approval'],
      ['2005-06-10', null, 'last-approval'],
    ]);
    expect([c!.status, c!.endsOn]).toEqual(['lapsed', '2005-06-11']);
    expect(c!.periods[2]!.deadlineWhy).toContain('one year after the continuance approval of 2004-06-10');
  });

  it('an Agreement lapsed for every Portfolio: each Portfolio line names its own deadline and source', () => {
    // Amendment No. 1 (effective 2005-01-03) lists Test Income Fund after the Agreement's first
    // deadline 2004-06-30: its own first deadline is 2005-01-03 + 1 year = 2006-01-03 (Rule
    // 12b-1(b)(3)(i)); the other two: 2004-06-30 (met 2004-06-10), then 2005-06-30 (missed, an
    // anniversary). No vote after 2004-06-10: as of 2006-08-01 all three lapsed, Income last, so the
    // Agreement lapsed (missed 2006-01-03, ended 2006-01-04) while its own Board periods end at
    // 2005-06-30 — the Income line must give Income's rule, not the whole's anniversary.
    const [first] = AGREEMENT.doc.schedules[0]!.entries;
    const amendment = {
      ...AGREEMENT,
      id: 'e'.repeat(64),
      fileName: 'amendment-1.txt',
      doc: {
        ...AGREEMENT.doc,
        kind: 'agreement-amendment' as const,
        title: `Amendment No. 1 to the ${AGREEMENT.doc.title}`,
        amendmentNumber: 1,
        effectiveDate: '2005-01-03',
        datedDate: '2005-01-03',
        continuance: undefined,
        schedules: [
          {
            name: 'Schedule A-1',
            replacesEntirely: true,
            entries: [...AGREEMENT.doc.schedules[0]!.entries, { ...first!, portfolio: 'Test Income Fund' }],
          },
        ],
      },
    };
    const r = buildRegistry(
      [AGREEMENT, amendment],
      [],
      governance(
        [
          agreementApproval('2003-08-01', BOARD_CARRIES, null, 'instrument'),
          agreementApproval('2004-06-10', BOARD_CARRIES),
        ],
        { today: '2007-01-01' },
      ),
    );
    const [c] = r.continuance('2006-08-01');
    expect([c!.status, c!.missedDeadline, c!.endsOn, c!.periods.at(-1)!.deadline]).toEqual([
      'lapsed',
      '2006-01-03',
      '2006-01-04',
      '2005-06-30',
    ]);
    const lines = continuanceLines(c!, '2006-08-01');
    expect(lines.map((l) => [l.instrument.replace(/^.*: /, ''), l.deadline, l.status])).toEqual([
      ['the other 2 portfolios', '2005-06-30', 'lapsed; ended 2005-07-01'],
      ['Test Income Fund', '2006-01-03', 'lapsed; ended 2006-01-04'],
    ]);
    expect(lines[0]!.source).toContain('1 year after the first deadline 2004-06-30');
    expect(lines[1]!.source).toContain('one year after it was first listed, 2005-01-03');
    expect(lines[1]!.source).not.toContain('year by year');
  });
});
