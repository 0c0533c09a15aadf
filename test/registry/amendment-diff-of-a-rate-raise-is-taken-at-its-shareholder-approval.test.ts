import { describe, expect, it } from 'vitest';
import { amendmentDiff } from '../../src/registry/amendmentDiff.js';
import { buildRegistry } from '../../src/registry/registry.js';
import { approvedAndContinued } from '../governance/support/continued.js';
import {
  AMENDMENT_1,
  approval,
  BOARD_CARRIES,
  governance,
  PLAN,
  shareholderVote,
} from '../governance/support/testPlan.js';

/**
 * Plan §11: the Plan "may not be amended to increase materially the amount to be spent for
 * distribution without approval as provided in Section 5"; Plan §5: such an amendment "shall become
 * effective as to such Class upon the approval" of the Class's shareholders (Rule 12b-1(b)(4);
 * SPEC §10 "one that materially increases fees also needs the class's shareholder approval").
 *
 * Amendment No. 1 (effective 2005-01-01) raises Test Growth Fund Class A's ABSC 0.10% → 0.25%
 * (aggregate 0.35% → 0.50%). The Board approves it 2004-12-10; the Class A shareholders on
 * 2005-02-15 (1,000 outstanding, 700 present, 600 for: 600 ≥ 67% × 700 = 469 with 700 > 500 present).
 * With approvals enforced, the raise governs from 2005-02-15, so its diff is taken between
 * 2005-02-14 (0.10% + 0.25% = 0.35%) and 2005-02-15 (0.25% + 0.25% = 0.50%). Compared on its
 * effective date, 2004-12-31 against 2005-01-01, both days still have the Plan's 0.10%: no change
 * was shown at all.
 */
describe('the amendment diff of a rate raise is taken at its shareholder approval (Plan §5, §11)', () => {
  const growthId = () => buildRegistry([PLAN, AMENDMENT_1]).identities.resolve('Test Growth Fund')!;

  it('re-rated on the day the Class A shareholders approved it, with that day named', () => {
    const votes = [
      // the Plan approved 2002-05-20 and continued each June 10 (Plan §7), so it does not lapse
      ...approvedAndContinued(2005),
      approval('2004-12-10', 'amendment', AMENDMENT_1, BOARD_CARRIES),
      approval('2005-02-15', 'amendment', AMENDMENT_1, shareholderVote(1000n, 700n, 600n), {
        portfolioId: growthId(),
        portfolioName: 'Test Growth Fund',
        class: 'A',
      }),
    ];
    const registry = buildRegistry([PLAN, AMENDMENT_1], [], governance(votes));
    const d = amendmentDiff(registry, AMENDMENT_1);
    expect(d.changes).toEqual([
      {
        change: 're-rated',
        portfolioId: growthId(),
        portfolio: 'Test Growth Fund',
        class: 'A',
        before: '0.10% + 0.25% = 0.35%',
        after: '0.25% + 0.25% = 0.50%',
        from: '2005-02-15',
      },
    ]);
    expect(d.warnings.join('\n')).toContain('2005-02-15');
  });

  it('still pending without the shareholders: no change, and a warning says why', () => {
    const votes = [
      // the Plan approved 2002-05-20 and continued each June 10 (Plan §7), so it does not lapse
      ...approvedAndContinued(2005),
      approval('2004-12-10', 'amendment', AMENDMENT_1, BOARD_CARRIES),
    ];
    const d = amendmentDiff(buildRegistry([PLAN, AMENDMENT_1], [], governance(votes)), AMENDMENT_1);
    expect(d.changes).toEqual([]);
    expect(d.warnings.join('\n')).toMatch(/pending.*Class A shareholders/);
  });

  it('approvals not enforced: the raise is a change on its effective date, as before', () => {
    const d = amendmentDiff(buildRegistry([PLAN, AMENDMENT_1]), AMENDMENT_1);
    expect(d.changes.map((c) => [c.change, c.before, c.after, c.from])).toEqual([
      ['re-rated', '0.10% + 0.25% = 0.35%', '0.25% + 0.25% = 0.50%', '2005-01-01'],
    ]);
  });
});
