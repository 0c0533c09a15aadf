import { describe, expect, it } from 'vitest';
import { planShareholderApprovalMissing } from '../../src/governance/planShareholderApproval.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { planShareholderApprovalWarnings } from '../../src/reports/planShareholderApprovalWarnings.js';
import { classSaleKey } from '../../src/store/classFirstSales.js';
import { approvedAndContinued } from './support/continued.js';
import {
  AMENDMENT_1,
  AMENDMENT_2,
  approval,
  BOARD_CARRIES,
  governance,
  PLAN,
  PLAN_KEY,
  shareholderVote,
} from './support/testPlan.js';

/**
 * Rule 12b-1(b)(1) (DOMAIN §1.2(2)): a plan that takes effect for a class after the class was first
 * sold must first be approved by a majority of the class's outstanding voting securities. A vote
 * recorded AFTER the plan took effect approves it only from that day: the days before it are told
 * as a warning naming the class, the plan and both dates. The plan of support/testPlan.ts is
 * effective 2002-06-03 for Test Growth Fund Class A; Amendment No. 2 adds Test Income Fund Class A
 * on 2005-03-01. Days without the approval, counted by hand (from the day it took effect up to the
 * day before the vote):
 * - 2002-06-03 → 2002-09-16: June 3 → July 3 (30), → Aug 3 (31), → Sep 3 (31), → Sep 16 (13) = 105
 * - 2002-06-03 → 2002-06-04: 1
 * - 2002-06-03 → 2003-01-15: a year to 2003-06-03 is 365, less 2003-01-15 → 2003-06-03
 *   (31 + 28 + 31 + 30 + 19 = 139) = 226
 * - 2005-03-01 → 2005-04-12: 31 + 11 = 42
 */
const TITLE = 'Master Distribution Plan of Test Funds (Class A Shares)';
const docs = [PLAN, AMENDMENT_2];
const board = [
  ...approvedAndContinued(2006),
  approval('2005-02-15', 'amendment', AMENDMENT_2, BOARD_CARRIES),
];
const ids = buildRegistry(docs).identities;
const growth = ids.resolve('Test Growth Fund')!;
const income = ids.resolve('Test Income Fund')!;
const GROWTH = { portfolioId: growth, portfolioName: 'Test Growth Fund', class: 'A' };
const INCOME = { portfolioId: income, portfolioName: 'Test Income Fund', class: 'A' };
// 1,000,000 outstanding, 510,000 present (more than half), 341,700 for = 67% of 510,000 → carried by (A)
const CARRIED = shareholderVote(1_000_000n, 510_000n, 341_700n);
// 1,000,000 outstanding, 400,000 present (not more than half), 390,000 for (not more than half) → not carried
const FAILED = shareholderVote(1_000_000n, 400_000n, 390_000n);

function warnings(extra: ReturnType<typeof approval>[], asOf = '2006-12-31') {
  const registry = buildRegistry(docs, [], governance([...board, ...extra], { today: '2006-12-31' }));
  const sales = new Map([
    [classSaleKey(growth, 'A'), '2001-09-04'],
    [classSaleKey(income, 'A'), '2004-01-02'],
  ]);
  return planShareholderApprovalWarnings(registry, asOf, sales);
}

const late = (portfolio: string, from: string, vote: string, days: number) =>
  `${TITLE} took effect for ${portfolio} Class A on ${from}, after the class's shares were first sold (${portfolio === 'Test Growth Fund' ? '2001-09-04' : '2004-01-02'}), but the Class A shareholders approved it only on ${vote}: Rule 12b-1(b)(1) requires its approval by a majority of the class's outstanding voting securities before it is implemented, and it was in effect without that approval for ${days} day${days === 1 ? '' : 's'}, from ${from} to ${vote}`;

describe('a plan approved by the class shareholders only after it took effect (Rule 12b-1(b)(1))', () => {
  // Income Fund's own vote before its plan took effect, so that only Growth Fund is in question
  const incomeBefore = approval('2005-02-20', 'instrument', PLAN, CARRIED, INCOME);

  it('Growth Fund Class A: the Plan took effect 2002-06-03, its shareholders approved it on 2002-09-16: 105 days without it', () => {
    const vote = approval('2002-09-16', 'instrument', PLAN, CARRIED, GROWTH);
    expect(warnings([vote, incomeBefore])).toEqual([
      late('Test Growth Fund', '2002-06-03', '2002-09-16', 105),
    ]);
  });

  it('a vote the day after: 1 day; a vote on the day it took effect, or before: no warning', () => {
    expect(warnings([approval('2002-06-04', 'instrument', PLAN, CARRIED, GROWTH), incomeBefore])).toEqual([
      late('Test Growth Fund', '2002-06-03', '2002-06-04', 1),
    ]);
    expect(warnings([approval('2002-06-03', 'instrument', PLAN, CARRIED, GROWTH), incomeBefore])).toEqual([]);
    expect(warnings([approval('2002-05-01', 'instrument', PLAN, CARRIED, GROWTH), incomeBefore])).toEqual([]);
  });

  it('a failed vote before the plan and a carried one after it: the carried one dates the approval', () => {
    const failed = approval('2002-05-30', 'instrument', PLAN, FAILED, GROWTH);
    const carried = approval('2002-09-16', 'instrument', PLAN, CARRIED, GROWTH);
    expect(warnings([carried, failed, incomeBefore])).toEqual([
      late('Test Growth Fund', '2002-06-03', '2002-09-16', 105),
    ]);
  });

  it('a vote after the as-of date is not yet held: as of 2002-12-31 none is recorded; as of 2003-06-30, 226 days', () => {
    const vote = approval('2003-01-15', 'instrument', PLAN, CARRIED, GROWTH);
    const [before] = warnings([vote, incomeBefore], '2002-12-31');
    expect(before).toContain('no vote of its shareholders approving the plan is recorded');
    expect(before).toContain('Test Growth Fund Class A on 2002-06-03');
    expect(warnings([vote, incomeBefore], '2003-06-30')).toEqual([
      late('Test Growth Fund', '2002-06-03', '2003-01-15', 226),
    ]);
  });

  it('Income Fund Class A, added 2005-03-01, its shareholders approving on 2005-04-12: 42 days', () => {
    const growthBefore = approval('2002-05-01', 'instrument', PLAN, CARRIED, GROWTH);
    const vote = approval('2005-04-12', 'instrument', PLAN, CARRIED, INCOME);
    expect(warnings([growthBefore, vote])).toEqual([
      late('Test Income Fund', '2005-03-01', '2005-04-12', 42),
    ]);
  });

  it('Income Fund Class A shareholders approving Amendment No. 2, which extended the plan to them: the same as approving the plan', () => {
    const growthBefore = approval('2002-05-01', 'instrument', PLAN, CARRIED, GROWTH);
    // before the amendment took effect (2005-03-01): in time, no warning
    expect(
      warnings([growthBefore, approval('2005-02-20', 'amendment', AMENDMENT_2, CARRIED, INCOME)]),
    ).toEqual([]);
    // after it: 42 days without it
    expect(
      warnings([growthBefore, approval('2005-04-12', 'amendment', AMENDMENT_2, CARRIED, INCOME)]),
    ).toEqual([late('Test Income Fund', '2005-03-01', '2005-04-12', 42)]);
    // a vote on another amendment (No. 1, which did not list Income Fund) is not a vote on the plan for it
    const [other] = warnings([
      growthBefore,
      approval('2005-02-20', 'amendment', AMENDMENT_1, CARRIED, INCOME),
    ]);
    expect(other).toContain('no vote of its shareholders approving the plan is recorded');
  });

  // With approvals.enforce on (support/testPlan.ts), an amendment governs only from its Board
  // approval: fees under the plan begin then, not on the schedule's effective date. Amendment No. 2
  // (Income Fund Class A from 2005-03-01) approved by the Board only on 2005-03-20: the plan took
  // effect for the class, and its fees began, on 2005-03-20; the shareholders voting on 2005-04-12,
  // the fees ran without their approval 2005-03-20 → 2005-04-12 = (31 − 20) + 12 = 23 days, not the
  // 42 days from the schedule's 2005-03-01 on which nothing was paid under the plan.
  it('counts the days from the Board approval that began the fees, where it came after the schedule took effect', () => {
    const lateBoard = [
      ...approvedAndContinued(2006),
      approval('2005-03-20', 'amendment', AMENDMENT_2, BOARD_CARRIES),
    ];
    const growthBefore = approval('2002-05-01', 'instrument', PLAN, CARRIED, GROWTH);
    const vote = approval('2005-04-12', 'instrument', PLAN, CARRIED, INCOME);
    const registry = buildRegistry(
      docs,
      [],
      governance([...lateBoard, growthBefore, vote], { today: '2006-12-31' }),
    );
    const income = registry.governing(INCOME.portfolioId, 'A').find((g) => g.instrumentKind === 'plan')!;
    expect(income.from).toBe('2005-03-20'); // the fees began at the Board approval
    const sales = new Map([
      [classSaleKey(growth, 'A'), '2001-09-04'],
      [classSaleKey(INCOME.portfolioId, 'A'), '2004-01-02'],
    ]);
    expect(planShareholderApprovalWarnings(registry, '2006-12-31', sales)).toEqual([
      late('Test Income Fund', '2005-03-20', '2005-04-12', 23),
    ]);
    // a vote between the schedule's date and the Board approval came before any fee: no warning
    const inTime = approval('2005-03-10', 'instrument', PLAN, CARRIED, INCOME);
    const registryInTime = buildRegistry(
      docs,
      [],
      governance([...lateBoard, growthBefore, inTime], { today: '2006-12-31' }),
    );
    expect(planShareholderApprovalWarnings(registryInTime, '2006-12-31', sales)).toEqual([]);
    // the class first sold on 2005-03-10, after the schedule's date but before the Board let the
    // plan govern: adopted after the first sale, so its shareholders must approve it
    const soldLater = new Map([...sales, [classSaleKey(INCOME.portfolioId, 'A'), '2005-03-10']]);
    const noVote = buildRegistry(docs, [], governance([...lateBoard, growthBefore], { today: '2006-12-31' }));
    const [missing] = planShareholderApprovalWarnings(noVote, '2006-12-31', soldLater);
    expect(missing).toContain(
      "took effect for Test Income Fund Class A on 2005-03-20, after the class's shares were first sold (2005-03-10)",
    );
    expect(missing).toContain('no vote of its shareholders approving the plan is recorded');
  });

  // With approvals.enforce on, a plan whose continuance lapsed pays nothing until continued again:
  // the Board's 2003 continuance left out (the first deadline is 2003-06-30, Plan §7), the plan
  // lapses from 2003-07-01 until the continuance of 2004-06-10. Growth Fund's shareholders voting on
  // 2004-01-15, during the lapse: fees ran 2002-06-03 → 2003-06-30, 2003-07-01 − 2002-06-03 =
  // 365 (to 2003-06-03) + 28 (to 2003-07-01) = 393 days; the span to the vote is 365 + 226 = 591
  // days (2003-06-03 → 2004-01-15: 30 + 31 + 31 + 30 + 31 + 30 + 31 + 12 = 226), 591 − 393 = 198
  // of them stopped.
  it('leaves out the days a lapse stopped the fees before the vote', () => {
    const lapsed = approvedAndContinued(2006).filter((a) => a.meetingDate !== '2003-06-10');
    const vote = approval('2004-01-15', 'instrument', PLAN, CARRIED, GROWTH);
    const incomeBefore = approval('2005-02-20', 'instrument', PLAN, CARRIED, INCOME);
    const registry = buildRegistry(
      docs,
      [],
      governance(
        [...lapsed, approval('2005-02-15', 'amendment', AMENDMENT_2, BOARD_CARRIES), vote, incomeBefore],
        { today: '2006-12-31' },
      ),
    );
    const sales = new Map([
      [classSaleKey(growth, 'A'), '2001-09-04'],
      [classSaleKey(INCOME.portfolioId, 'A'), '2004-01-02'],
    ]);
    expect(planShareholderApprovalWarnings(registry, '2006-12-31', sales)).toEqual([
      `${late('Test Growth Fund', '2002-06-03', '2004-01-15', 393)} (its fees stopped on 198 days between)`,
    ]);
  });

  it('the pure check names class, plan and both dates', () => {
    const plan = {
      instrumentKey: PLAN_KEY,
      instrument: 'Plan X',
      portfolioId: growth,
      portfolio: 'Test Growth Fund',
      class: 'A',
      takesEffect: '2024-01-02',
    };
    // 2024-01-02 → 2024-03-15: Jan 2 → Feb 2 (31), → Mar 2 (29, a leap year), → Mar 15 (13) = 73
    const vote = approval('2024-03-15', 'instrument', PLAN, CARRIED, GROWTH);
    expect(planShareholderApprovalMissing(plan, '2023-12-29', [vote], '2024-12-31')).toBe(
      "Plan X took effect for Test Growth Fund Class A on 2024-01-02, after the class's shares were first sold (2023-12-29), but the Class A shareholders approved it only on 2024-03-15: Rule 12b-1(b)(1) requires its approval by a majority of the class's outstanding voting securities before it is implemented, and it was in effect without that approval for 73 days, from 2024-01-02 to 2024-03-15",
    );
  });
});
