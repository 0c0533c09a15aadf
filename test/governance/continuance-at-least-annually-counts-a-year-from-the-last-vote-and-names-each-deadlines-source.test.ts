import { describe, expect, it } from 'vitest';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../src/governance/governanceSettings.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { continuanceLines } from '../../src/reports/boardReportGovernance.js';
import { approval, BOARD_CARRIES, governance, PLAN } from './support/testPlan.js';

/**
 * Rule 12b-1(b)(3)(i): a plan continues past its first year "only so long as such continuance is
 * specifically approved at least annually"; DOMAIN §9: "last annual continuance date → alert if
 * > 1 year"; SPEC §10 "re-approved at least annually". Plan §7 (seed 002) states only the first
 * deadline, June 30, 2003, "and thereafter ... at least annually". So, by default, each later
 * deadline is one year after the continuance vote that met the one before — not an anniversary of
 * the first deadline (which let 385 days pass between two votes: 2004-06-10 → 2005-06-30).
 *
 * The test Plan (Plan §7 text: "continue in effect until June 30, 2003"), continued by the Board on
 * 2003-06-12, 2004-06-10 and 2005-06-15. By hand:
 * - deadline 1: 2003-06-30, as its text states (document); met by 2003-06-12;
 * - deadline 2: 2003-06-12 + 1 year = 2004-06-12 (a year after the last vote); met by 2004-06-10;
 * - deadline 3: 2004-06-10 + 1 year = 2005-06-10; the vote of 2005-06-15 is five days late:
 *   lapsed, ending the day after 2005-06-10 = 2005-06-11.
 * Year by year (the setting, and the default before): 2003-06-30, 2004-06-30, 2005-06-30, all met.
 */
const votes = [
  approval('2002-05-20', 'instrument', PLAN, BOARD_CARRIES),
  approval('2003-06-12', 'continuance', null, BOARD_CARRIES),
  approval('2004-06-10', 'continuance', null, BOARD_CARRIES),
  approval('2005-06-15', 'continuance', null, BOARD_CARRIES),
];

describe('continuance at least annually: a year from the last vote, each deadline with its source', () => {
  it('by default the deadline after a met one is a year after the vote that met it', () => {
    const [c] = buildRegistry([PLAN], [], governance(votes)).continuance('2005-12-31');
    expect(c!.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null])).toEqual([
      ['2003-06-30', '2003-06-12'],
      ['2004-06-12', '2004-06-10'],
      ['2005-06-10', null],
    ]);
    expect([c!.status, c!.endsOn, c!.missedDeadline]).toEqual(['lapsed', '2005-06-11', '2005-06-10']);
    expect(c!.periods.map((p) => p.deadlineSource)).toEqual(['document', 'last-approval', 'last-approval']);
    expect(c!.periods[0]!.deadlineWhy).toContain('continue in effect until June 30, 2003');
    expect(c!.periods[1]!.deadlineWhy).toContain('one year after the continuance approval of 2003-06-12');
    expect(c!.periods[2]!.deadlineWhy).toContain('one year after the continuance approval of 2004-06-10');
  });

  it('the next deadline carries its source, and the board report line says it', () => {
    const [c] = buildRegistry([PLAN], [], governance(votes)).continuance('2004-08-01');
    expect([c!.status, c!.nextDeadline, c!.nextDeadlineSource]).toEqual(['in force', '2005-06-10', 'last-approval']);
    expect(c!.nextDeadlineWhy).toContain('2004-06-10');
    const [line] = continuanceLines(c!, '2004-08-01');
    expect(line).toMatchObject({ deadline: '2005-06-10', status: 'due' });
    expect(line!.source).toContain('one year after the continuance approval of 2004-06-10');
    // before the first deadline: its source is the Plan's own text (Plan §7)
    const [early] = buildRegistry([PLAN], [], governance(votes)).continuance('2003-01-15');
    expect([early!.nextDeadline, early!.nextDeadlineSource]).toEqual(['2003-06-30', 'document']);
    expect(continuanceLines(early!, '2003-01-15')[0]!.source).toContain('continue in effect until June 30, 2003');
  });

  it('year by year, where that is the setting: anniversaries of the first deadline, each so named', () => {
    const g = governance(votes);
    const yearByYear = {
      ...g,
      settings: { ...DEFAULT_GOVERNANCE_SETTINGS, enforceApprovals: true, continuanceBasis: 'year-by-year' as const },
    };
    const [c] = buildRegistry([PLAN], [], yearByYear).continuance('2005-12-31');
    // 2003-06-30 + 1, + 2, + 3 years
    expect(c!.periods.map((p) => p.deadline)).toEqual(['2003-06-30', '2004-06-30', '2005-06-30', '2006-06-30']);
    expect([c!.status, c!.nextDeadline]).toEqual(['in force', '2006-06-30']);
    expect(c!.periods.map((p) => p.deadlineSource)).toEqual(['document', 'anniversary', 'anniversary', 'anniversary']);
    expect(c!.periods[3]!.deadlineWhy).toContain('3 years after the first deadline 2003-06-30');
  });
});
