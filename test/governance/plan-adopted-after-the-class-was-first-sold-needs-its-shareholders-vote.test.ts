import { describe, expect, it } from 'vitest';
import { planShareholderApprovalMissing } from '../../src/governance/planShareholderApproval.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { planShareholderApprovalWarnings } from '../../src/reports/planShareholderApprovalWarnings.js';
import { classSaleKey } from '../../src/store/classFirstSales.js';
import { approvedAndContinued } from './support/continued.js';
import {
  AMENDMENT_2,
  approval,
  BOARD_CARRIES,
  governance,
  PLAN,
  PLAN_KEY,
  shareholderVote,
} from './support/testPlan.js';

/**
 * Rule 12b-1(b)(1) (DOMAIN §1.2(2); SPEC §10): a plan adopted AFTER any public offering of a
 * class's shares must be approved by a majority of the class's outstanding voting securities; one
 * adopted BEFORE the class's first sale needs no vote (Release IC-22201, 1996). On the hand-written
 * plan of support/testPlan.ts: the Plan is dated and effective 2002-06-03 for Test Growth Fund
 * Class A; Amendment No. 2 (effective 2005-03-01, approved by the Board on 2005-02-15) adds Test
 * Income Fund Class A — the Plan takes effect for that class on 2005-03-01.
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
const scopeOf = (portfolioId: string, portfolioName: string) => ({ portfolioId, portfolioName, class: 'A' });
// 1,000,000 outstanding, 600,000 present, 402,000 for: 402,000 × 100 ≥ 600,000 × 67 → carried by (A)
const CARRIED = shareholderVote(1_000_000n, 600_000n, 402_000n);
// 1,000,000 outstanding, 400,000 present (not more than half), 390,000 for (not more than half) → not carried
const FAILED = shareholderVote(1_000_000n, 400_000n, 390_000n);

function warnings(
  firstSales: Record<string, string>,
  extra: ReturnType<typeof approval>[] = [],
  asOf = '2006-12-31',
) {
  const registry = buildRegistry(docs, [], governance([...board, ...extra], { today: '2006-12-31' }));
  const sales = new Map(
    Object.entries(firstSales).map(([id, date]) => [classSaleKey(id, 'A'), date] as const),
  );
  return planShareholderApprovalWarnings(registry, asOf, sales);
}

describe('a plan adopted after the class was first sold needs its shareholders’ vote (Rule 12b-1(b)(1))', () => {
  it('Growth first sold 2001-09-04, before the Plan of 2002-06-03, no vote recorded: one warning naming both dates', () => {
    expect(warnings({ [growth]: '2001-09-04' })).toEqual([
      `${TITLE} took effect for Test Growth Fund Class A on 2002-06-03, after the class's shares were first sold (2001-09-04): Rule 12b-1(b)(1) requires its approval by a majority of the class's outstanding voting securities, and no vote of its shareholders approving the plan is recorded — record the vote with \`plan12b approvals import\` (body shareholders, subject instrument)`,
    ]);
  });

  it('adopted before the first sale, or on its day: no vote is needed, no warning', () => {
    expect(warnings({ [growth]: '2002-06-03' })).toEqual([]);
    expect(warnings({ [growth]: '2002-07-01' })).toEqual([]);
    // a class with no sale recorded at all
    expect(warnings({})).toEqual([]);
  });

  it('a carried vote of the Growth Class A shareholders approving the Plan: no warning', () => {
    const vote = approval('2002-05-30', 'instrument', PLAN, CARRIED, scopeOf(growth, 'Test Growth Fund'));
    expect(warnings({ [growth]: '2001-09-04' }, [vote])).toEqual([]);
  });

  it('a vote that did not carry, or one of another portfolio’s class, does not approve it', () => {
    const failed = approval('2002-05-30', 'instrument', PLAN, FAILED, scopeOf(growth, 'Test Growth Fund'));
    const [w] = warnings({ [growth]: '2001-09-04' }, [failed]);
    expect(w).toContain('the vote of 2002-05-30 did not approve it (not approved: ');
    const other = approval('2002-05-30', 'instrument', PLAN, CARRIED, scopeOf(income, 'Test Income Fund'));
    expect(warnings({ [growth]: '2001-09-04' }, [other])).toHaveLength(1);
  });

  it('Income Fund, sold from 2004-01-02 and added by Amendment No. 2 on 2005-03-01: the Plan took effect for it after its sale', () => {
    const list = warnings({ [growth]: '2002-06-03', [income]: '2004-01-02' });
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(
      /^Master Distribution Plan of Test Funds \(Class A Shares\) took effect for Test Income Fund Class A on 2005-03-01, after the class's shares were first sold \(2004-01-02\)/,
    );
    // as of a day before the amendment took effect, the Plan did not yet cover the class
    expect(warnings({ [income]: '2004-01-02' }, [], '2005-02-28')).toEqual([]);
  });

  it('the pure check: a board vote is no shareholder vote; the instrument must be the plan', () => {
    const plan = {
      instrumentKey: PLAN_KEY,
      instrument: TITLE,
      portfolioId: growth,
      portfolio: 'Test Growth Fund',
      class: 'A',
      takesEffect: '2002-06-03',
    };
    const boardOnly = approval(
      '2002-05-20',
      'instrument',
      PLAN,
      BOARD_CARRIES,
      scopeOf(growth, 'Test Growth Fund'),
    );
    expect(planShareholderApprovalMissing(plan, '2001-09-04', [boardOnly], '2006-12-31')).not.toBeNull();
    const vote = approval('2002-05-30', 'instrument', PLAN, CARRIED, scopeOf(growth, 'Test Growth Fund'));
    expect(
      planShareholderApprovalMissing(
        { ...plan, instrumentKey: 'plan|other|a|' },
        '2001-09-04',
        [vote],
        '2006-12-31',
      ),
    ).not.toBeNull();
    expect(planShareholderApprovalMissing(plan, '2001-09-04', [vote], '2006-12-31')).toBeNull();
  });
});
