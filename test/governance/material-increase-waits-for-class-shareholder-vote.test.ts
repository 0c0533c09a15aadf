import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../../src/registry/registry.js';
import { approvedAndContinued } from './support/continued.js';
import {
  AMENDMENT_1,
  AMENDMENT_2,
  approval,
  BOARD_CARRIES,
  governance,
  PLAN,
  shareholderVote,
} from './support/testPlan.js';

// Plan §11 and §5: Amendment No. 1 (effective 2005-01-01) raises Test Growth Fund Class A's
// distribution fee from 0.10% to 0.25% (aggregate 0.35% → 0.50%): the Board approved it on
// 2004-12-10, but it also needs a majority of the Class A shares' outstanding voting securities.
describe('a material increase waits for the class shareholder vote', () => {
  const docs = [PLAN, AMENDMENT_1];
  const growth = buildRegistry(docs).identities.resolve('Test Growth Fund')!;
  const scope = { portfolioId: growth, portfolioName: 'Test Growth Fund', class: 'A' };
  const board = [
    ...approvedAndContinued(2005),
    approval('2004-12-10', 'amendment', AMENDMENT_1, BOARD_CARRIES),
  ];
  const today = '2005-12-31';

  it('with the Board approval only, the Plan rates still govern and the reason names the increase', () => {
    const r = buildRegistry(docs, [], governance(board, { today }));
    const g = r.governingOn(growth, 'A', '2005-01-15')!;
    expect([g.fileName, g.distributionFeePct]).toEqual(['plan.txt', '0.10']);
    expect(r.pending[0]!.reason).toMatch(
      /raises the distribution fee from 0\.10% to 0\.25% and raises the aggregate fee from 0\.35% to 0\.50% for Class A of Test Growth Fund, a material increase \(Plan §11\)/,
    );
  });

  it('the vote of 2005-02-01 carries at exactly 67% of those present: it governs from that day', () => {
    // 1,000,000 outstanding, 600,000 present (600,000 × 2 = 1,200,000 > 1,000,000: more than 50% present);
    // 402,000 for: 402,000 × 100 = 40,200,000 ≥ 600,000 × 67 = 40,200,000 → carried by (A).
    const vote = approval(
      '2005-02-01',
      'amendment',
      AMENDMENT_1,
      shareholderVote(1_000_000n, 600_000n, 402_000n),
      scope,
    );
    const r = buildRegistry(docs, [], governance([...board, vote], { today }));
    expect(r.governingOn(growth, 'A', '2005-01-31')!.distributionFeePct).toBe('0.10');
    const g = r.governingOn(growth, 'A', '2005-02-01')!;
    expect([g.fileName, g.distributionFeePct, g.schedule.aggregateFeePct]).toEqual([
      'amendment-1.txt',
      '0.25',
      '0.50',
    ]);
    expect(g.approvals.map((a) => [a.meetingDate, a.body])).toEqual([
      ['2004-12-10', 'board'],
      ['2005-02-01', 'shareholders'],
    ]);
    expect(g.approvalNote).toMatch(/later than its effective date 2005-01-01/);
  });

  it('one share fewer (401,999 for) fails both tests and the amendment stays pending', () => {
    // (A): 40,199,900 < 40,200,000; (B): 401,999 × 2 = 803,998, not more than 1,000,000.
    const vote = approval(
      '2005-02-01',
      'amendment',
      AMENDMENT_1,
      shareholderVote(1_000_000n, 600_000n, 401_999n),
      scope,
    );
    const r = buildRegistry(docs, [], governance([...board, vote], { today }));
    expect(r.governingOn(growth, 'A', '2005-06-01')!.distributionFeePct).toBe('0.10');
    expect(r.pending[0]!.reason).toMatch(
      /the Class A shareholders' vote of Test Growth Fund of 2005-02-01 did not give it/,
    );
  });

  it('a later amendment at the raised rate cannot carry the increase in: it is pending for Test Growth Fund only', () => {
    // Amendment No. 2 (2005-03-01) lists Test Growth Fund at 0.25% too. What governed before it
    // is the Plan's 0.10% (Amendment No. 1 still waits for its vote), so for Test Growth Fund it is
    // the same material increase; for Test Income Fund, newly added, it is not.
    const docs2 = [PLAN, AMENDMENT_1, AMENDMENT_2];
    const r = buildRegistry(
      docs2,
      [],
      governance([...board, approval('2005-02-20', 'amendment', AMENDMENT_2, BOARD_CARRIES)], { today }),
    );
    const income = r.identities.resolve('Test Income Fund')!;
    const g = r.governingOn(growth, 'A', '2005-06-01')!;
    expect([g.fileName, g.distributionFeePct]).toEqual(['plan.txt', '0.10']);
    expect(r.governingOn(income, 'A', '2005-06-01')!.fileName).toBe('amendment-2.txt');
    expect(r.pending.map((p) => [p.document, p.portfolio])).toEqual([
      ['amendment-1.txt', 'Test Growth Fund'],
      ['amendment-2.txt', 'Test Growth Fund'],
    ]);
  });

  it("another portfolio's Class A vote does not count", () => {
    const vote = approval('2005-02-01', 'amendment', AMENDMENT_1, shareholderVote(1_000n, 900n, 900n), {
      portfolioId: 'someone-else',
      portfolioName: 'Other Fund',
      class: 'A',
    });
    const r = buildRegistry(docs, [], governance([...board, vote], { today }));
    expect(r.governingOn(growth, 'A', '2005-06-01')!.distributionFeePct).toBe('0.10');
  });
});
