/**
 * Edge cases of two DOMAIN.md facts, each worked by hand from its words.
 *
 * §2.1 (CONFIRMED [S1]): the vote of "the lesser of (A) 67% or more of the voting securities
 * present at the meeting, if holders of more than 50% of the outstanding voting securities are
 * present or represented by proxy; or (B) more than 50% of the outstanding voting securities"; its
 * implementation note: quorum_path = present > 0.5 × outstanding and for ≥ 0.67 × present;
 * absolute_path = for > 0.5 × outstanding; approved = either. Counts are in 1/10,000ths of a share
 * (SPEC §3: shares up to 4 decimal places), so fractional shares are exact.
 *
 * §4.3: "Year 1 5%, Year 2 4%, Year 3 3%, Year 4 3%, Year 5 2%, Year 6 1%, Year 7 and later 0%"
 * (UNCONFIRMED there; SPEC §6 adopts it as the default schedule, anniversary-based).
 */
import { describe, expect, it } from 'vitest';
import { cdscRateMicroPct, DEFAULT_CDSC_SCHEDULE } from '../../src/class-b/cdscSchedule.js';
import { majorityOfOutstandingVotingSecurities } from '../../src/governance/shareholderVote.js';

/** shares as decimal strings with up to 4 places → units of 1/10,000 share */
const u = (shares: string): bigint => {
  const [w, f = ''] = shares.split('.');
  return BigInt(w!) * 10_000n + BigInt(f.padEnd(4, '0'));
};
const vote = (outstanding: string, present: string, forShares: string) =>
  majorityOfOutstandingVotingSecurities({
    kind: 'shareholder-vote',
    outstandingUnits: u(outstanding),
    presentUnits: u(present),
    forUnits: u(forShares),
  });

describe('DOMAIN.md §2.1 at its edges', () => {
  it('exactly 50% present is not "more than 50%": (A) is shut even with every present share for', () => {
    // 500 of 1,000 present, 500 for: (A) needs present > 500; (B) needs for > 500 → neither
    expect(vote('1000', '500', '500').approved).toBe(false);
  });
  it('a ten-thousandth of a share above 50% present opens (A)', () => {
    // present 500.0001 > 500; 67% × 500.0001 = 335.000067 → 335.0001 for carries, 335.0000 does not
    expect(vote('1000', '500.0001', '335.0001')).toMatchObject({
      approved: true,
      by: expect.stringMatching(/^A/),
    });
    expect(vote('1000', '500.0001', '335').approved).toBe(false);
  });
  it('exactly 67% of those present carries ("67% or more")', () => {
    // 700 present (> 500); 67% × 700 = 469 exactly: 469 carries, 468.9999 does not
    expect(vote('1000', '700', '469')).toMatchObject({ approved: true, by: expect.stringMatching(/^A/) });
    expect(vote('1000', '700', '468.9999').approved).toBe(false);
  });
  it('67% of a fractional attendance: 66.6667% does not reach it', () => {
    // outstanding 3, present 3 (all), for 2: 2/3 = 66.67% < 67% and 2 > 1.5 → carried by (B) only
    expect(vote('3', '3', '2')).toMatchObject({ approved: true, by: expect.stringMatching(/^B/) });
    // outstanding 9, present 6 (> 4.5), for 4: 4/6 = 66.67% < 67%; 4 > 4.5? no → not approved
    expect(vote('9', '6', '4').approved).toBe(false);
    // for 4.02: 67% × 6 = 4.02 exactly → carried by (A)
    expect(vote('9', '6', '4.02')).toMatchObject({ approved: true, by: expect.stringMatching(/^A/) });
  });
  it('more than 50% of the outstanding by a ten-thousandth of a share carries by (B)', () => {
    // outstanding 1,000.0001: half is 500.00005; 500.0001 for is more → (B)
    expect(vote('1000.0001', '1000.0001', '500.0001')).toMatchObject({
      approved: true,
      by: expect.stringMatching(/^B/),
    });
    // outstanding 1,000.0002: half is 500.0001 exactly; 500.0001 is not more than it; 500.0001/1000.0002 present < 67%
    expect(vote('1000.0002', '1000.0002', '500.0001').approved).toBe(false);
  });
  it('nobody present: not approved, and not an error', () => {
    expect(vote('1000', '0', '0').approved).toBe(false);
  });
  it('the lesser of the two: (A) can carry with fewer votes than (B) needs, and (B) with fewer present than (A) needs', () => {
    // 600 present, 402 for: 402 ≥ 402 (A) although 402 ≤ 500 (B fails)
    expect(vote('1000', '600', '402')).toMatchObject({ approved: true, by: expect.stringMatching(/^A/) });
    // 501 present, all 501 for: (B) 501 > 500, (A) too (501 > 500 present, 100% ≥ 67%): either suffices
    expect(vote('1000', '501', '501').approved).toBe(true);
  });
});

describe('DOMAIN.md §4.3: the CDSC by year since the Date of Original Issuance', () => {
  // DOI 2003-08-18: year n runs from the (n−1)-th anniversary to the day before the n-th
  const rate = (date: string) => Number(cdscRateMicroPct(DEFAULT_CDSC_SCHEDULE, '2003-08-18', date)) / 1e6;
  it('5, 4, 3, 3, 2, 1, then 0 from the 6th anniversary (year 7), each changing on the anniversary', () => {
    expect(rate('2003-08-18')).toBe(5);
    expect(rate('2004-08-17')).toBe(5);
    expect(rate('2004-08-18')).toBe(4);
    expect(rate('2005-08-17')).toBe(4);
    expect(rate('2005-08-18')).toBe(3);
    expect(rate('2006-08-18')).toBe(3);
    expect(rate('2007-08-17')).toBe(3);
    expect(rate('2007-08-18')).toBe(2);
    expect(rate('2008-08-17')).toBe(2);
    expect(rate('2008-08-18')).toBe(1);
    expect(rate('2009-08-17')).toBe(1);
    expect(rate('2009-08-18')).toBe(0);
    expect(rate('2011-08-18')).toBe(0);
    expect(rate('2030-01-01')).toBe(0);
  });
});
