import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { majorityOfOutstandingVotingSecurities } from '../../src/governance/shareholderVote.js';

const vote = (outstanding: number, present: number, forVotes: number) =>
  majorityOfOutstandingVotingSecurities({
    kind: 'shareholder-vote',
    outstandingUnits: BigInt(outstanding),
    presentUnits: BigInt(present),
    forUnits: BigInt(forVotes),
  });

// Investment Company Act §2(a)(42), worked by hand on a class of 1,000 shares outstanding.
describe('§2(a)(42) "majority of the outstanding voting securities"', () => {
  it('branch (A): 600 present (> 500), 67% of 600 = 402 → 402 for approves, 401 does not', () => {
    expect(vote(1000, 600, 402)).toEqual({
      approved: true,
      by: 'A: 67% of those present, more than 50% present',
    });
    expect(vote(1000, 600, 401).approved).toBe(false);
  });

  it('branch (A) needs MORE than 50% present: 500 present is not enough, even with 400 for (80%)', () => {
    expect(vote(1000, 500, 400).approved).toBe(false);
    // 501 present: 67% of 501 = 335.67 → 336 for approves, 335 does not
    expect(vote(1000, 501, 336).approved).toBe(true);
    expect(vote(1000, 501, 335).approved).toBe(false);
  });

  it('branch (B): more than 50% of the outstanding approves whatever the attendance', () => {
    // 900 present, 501 for = 55.7% of present (< 67%) but 501 > 500 of the outstanding
    expect(vote(1000, 900, 501)).toEqual({ approved: true, by: 'B: more than 50% of the outstanding' });
    // exactly 50% is not more than 50%
    expect(vote(1000, 1000, 500).approved).toBe(false);
  });

  it('impossible counts are refused, not approved', () => {
    expect(vote(1000, 1001, 600)).toEqual({ approved: false, reason: 'more present than outstanding' });
    expect(vote(1000, 400, 401)).toEqual({ approved: false, reason: 'more votes for than present' });
  });

  it('property: the outcome is "either test suffices", computed independently with rationals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (outstanding, p, f) => {
          const present = Math.floor(outstanding * p);
          const forVotes = Math.floor(present * f);
          const a = present / outstanding > 0.5 && forVotes / present >= 0.67;
          const b = forVotes / outstanding > 0.5;
          // float ratios are exact enough away from the boundaries; skip the boundary cases here
          const near = (x: number, y: number) => Math.abs(x - y) < 1e-9;
          fc.pre(
            !near(present / outstanding, 0.5) &&
              !(present > 0 && near(forVotes / present, 0.67)) &&
              !near(forVotes / outstanding, 0.5),
          );
          expect(vote(outstanding, present, forVotes).approved).toBe(a || b);
        },
      ),
    );
  });
});
