import { describe, expect, it } from 'vitest';
import { materialIncrease, versionApproval } from '../../src/governance/amendmentApproval.js';
import { approvedByTheBoard } from '../../src/governance/boardVote.js';
import { continuanceAsOf, oneYearAfter } from '../../src/governance/continuance.js';
import { firstContinuanceDeadline } from '../../src/governance/continuanceRoster.js';
import { aggregateCapLedger, type CapMonthInput } from '../../src/governance/finraAggregateCap.js';
import { DEFAULT_GOVERNANCE_SETTINGS } from '../../src/governance/governanceSettings.js';
import {
  majorityOfOutstandingVotingSecurities,
  type ShareholderVote,
} from '../../src/governance/shareholderVote.js';
import type { Termination } from '../../src/governance/termination.js';
import { capsOf, exceedsCapsOrFinra } from '../../src/registry/boardRate.js';
import { buildRegistry } from '../../src/registry/registry.js';
import {
  AMENDMENT_1,
  approval,
  BOARD_CARRIES,
  boardVote,
  governance,
  PLAN,
  PLAN_KEY,
} from './support/testPlan.js';

/**
 * SPEC §10 checked at its boundaries, every expected answer worked by hand from the documents
 * before the product was run (DOMAIN §2.1, §1.2, §3.4–3.5; Plan §§5–9, §11).
 */

/** Shares with up to 4 decimals → 1/10,000ths of a share, the unit votes are counted in. */
const units = (shares: string): bigint => {
  const [whole, frac = ''] = shares.split('.');
  return BigInt(whole!) * 10_000n + BigInt(frac.padEnd(4, '0'));
};
const vote = (outstanding: string, present: string, forShares: string): ShareholderVote => ({
  kind: 'shareholder-vote',
  outstandingUnits: units(outstanding),
  presentUnits: units(present),
  forUnits: units(forShares),
});
const outcome = (o: string, p: string, f: string) => {
  const r = majorityOfOutstandingVotingSecurities(vote(o, p, f));
  return r.approved ? r.by.slice(0, 1) : 'no';
};

describe('§2(a)(42) "majority of the outstanding voting securities" at its boundaries', () => {
  it('exactly 50% present is no quorum for (A); then only more than 50% of the outstanding carries', () => {
    // 1,000 outstanding, 500 present (not MORE than 50%), all 500 for: (A) needs >50% present; (B) 500 is not > 500
    expect(outcome('1000', '500', '500')).toBe('no');
    // 500.0001 present: quorum; 67% × 500.0001 = 335.000067, so 335.0000 fails and 335.0001 carries by (A)
    expect(outcome('1000', '500.0001', '335.0000')).toBe('no');
    expect(outcome('1000', '500.0001', '335.0001')).toBe('A');
  });

  it('67% of those present vs more than 50% of the outstanding: whichever is the lesser carries', () => {
    // 600 present of 1,000: 67% × 600 = 402 exactly carries by (A) (≥), 401.9999 does not
    expect(outcome('1000', '600', '402')).toBe('A');
    expect(outcome('1000', '600', '401.9999')).toBe('no');
    // 700 present: 469 = 67% × 700 carries by (A) though it is only 46.9% of the outstanding
    expect(outcome('1000', '700', '469')).toBe('A');
    // 900 present: (A) needs 603, (B) needs more than 500: 501 carries by (B), the lesser
    expect(outcome('1000', '900', '501')).toBe('B');
    // a tie on the outstanding: 500 of 1,000 with everyone present is neither 67% nor more than half
    expect(outcome('1000', '1000', '500')).toBe('no');
    expect(outcome('1000', '1000', '500.0001')).toBe('B');
  });

  it('share counts with fractions: 1,001 outstanding, half is 500.5; 67% of 333.3333 present is 223.333311', () => {
    expect(outcome('1001', '1001', '500.5')).toBe('no');
    expect(outcome('1001', '1001', '500.5001')).toBe('B');
    // 600 outstanding, 333.3333 present (> 300): 223.3333 < 223.333311 fails, 223.3334 carries
    expect(outcome('600', '333.3333', '223.3333')).toBe('no');
    expect(outcome('600', '333.3333', '223.3334')).toBe('A');
  });
});

describe('Board votes: a majority of the trustees AND of the Dis-interested Trustees, in person', () => {
  const carried = (t: [number, number, number], d: [number, number, number], inPerson = true) =>
    approvedByTheBoard(boardVote(t, d, inPerson)).approved;
  it('10 trustees of whom 6 Dis-interested', () => {
    // 6 for (4 Dis-interested): 6 > 5 and 4 > 3 → carried
    expect(carried([6, 4, 0], [4, 2, 0])).toBe(true);
    // 5 for: a tie of the trustees is no majority
    expect(carried([5, 5, 0], [4, 2, 0])).toBe(false);
    // 7 for but only 3 of the 6 Dis-interested: a tie of the Dis-interested Trustees fails
    expect(carried([7, 3, 0], [3, 3, 0])).toBe(false);
    // both majorities, not in person → fails
    expect(carried([6, 4, 0], [4, 2, 0], false)).toBe(false);
    // a majority of the trustees in office, not of those present: 5 present of 10, all for → fails
    expect(carried([5, 0, 5], [4, 0, 2])).toBe(false);
  });
});

describe('an amendment governs only once its approvals are recorded; a material increase needs the class', () => {
  const growth = buildRegistry([PLAN]).identities.resolve('Test Growth Fund')!;
  const v = {
    documentId: AMENDMENT_1.id,
    fileName: AMENDMENT_1.fileName,
    instrumentKey: PLAN_KEY,
    isInstrument: false,
    effectiveDate: '2005-01-01',
  };
  const holders = (date: string) =>
    approval(
      date,
      'amendment',
      AMENDMENT_1,
      { kind: 'shareholder-vote', outstandingUnits: 1000n, presentUnits: 600n, forUnits: 402n },
      { portfolioId: growth, portfolioName: 'Test Growth Fund', class: 'A' },
    );
  // Amendment No. 1 raises Growth Class A's ABSC 0.10 → 0.25 and the aggregate 0.35 → 0.50
  const increase = materialIncrease(
    { distributionFeePct: '0.10', aggregateFeePct: '0.35' },
    { distributionFeePct: '0.25', aggregateFeePct: '0.50' },
  );
  it('the increase is seen; the same rates are none', () => {
    expect(increase).toBe(
      'raises the distribution fee from 0.10% to 0.25% and raises the aggregate fee from 0.35% to 0.50%',
    );
    expect(
      materialIncrease(
        { distributionFeePct: '0.25', aggregateFeePct: '0.50' },
        { distributionFeePct: '0.25', aggregateFeePct: '0.50' },
      ),
    ).toBeNull();
  });
  it('no Board approval: pending; Board on 2005-02-10 but no class vote: pending; class vote on 2005-03-01: governs from 2005-03-01', () => {
    expect(versionApproval(v, increase, [], growth, 'A', 'Test Growth Fund').status).toBe('pending');
    const board = approval('2005-02-10', 'amendment', AMENDMENT_1, BOARD_CARRIES);
    expect(versionApproval(v, increase, [board], growth, 'A', 'Test Growth Fund').status).toBe('pending');
    const both = versionApproval(
      v,
      increase,
      [board, holders('2005-03-01')],
      growth,
      'A',
      'Test Growth Fund',
    );
    expect(both.status === 'governs' && both.from).toBe('2005-03-01');
    // without an increase the Board's approval alone, later than the effective date, dates it
    const boardOnly = versionApproval(v, null, [board], growth, 'A', 'Test Growth Fund');
    expect(boardOnly.status === 'governs' && boardOnly.from).toBe('2005-02-10');
    // both approvals before the effective date: it governs from its effective date
    const early = versionApproval(
      v,
      increase,
      [approval('2004-12-01', 'amendment', AMENDMENT_1, BOARD_CARRIES), holders('2004-12-15')],
      growth,
      'A',
      'Test Growth Fund',
    );
    expect(early.status === 'governs' && early.from).toBe('2005-01-01');
  });
});

describe('continuance deadlines "at least annually" and lapses', () => {
  it('Plan §7: first deadline 2003-06-30; Agreement FOURTEENTH: 2004-06-30; a later instrument: a year after its date', () => {
    const s = DEFAULT_GOVERNANCE_SETTINGS;
    const plan = { key: 'k', kind: 'plan' as const, title: 'P', datedAsOf: '2003-01-02' };
    // the dates each text states (Plan §7 "until June 30, 2003"; FOURTEENTH "until June 30, 2004")
    const stated = (until: string) => ({ until, fileName: 'x.txt', line: 1, text: `until ${until}` });
    expect(firstContinuanceDeadline({ ...plan, statedContinuance: stated('2003-06-30') }, s).date).toBe(
      '2003-06-30',
    );
    expect(
      firstContinuanceDeadline({ ...plan, kind: 'agreement', statedContinuance: stated('2004-06-30') }, s)
        .date,
    ).toBe('2004-06-30');
    // stating none: one year after its date (Rule 12b-1(b)(3)(i)): 2003-01-02 + 1 year
    expect(firstContinuanceDeadline(plan, s).date).toBe('2004-01-02');
    // a plan dated 2004-02-29: one year later there is no Feb 29 → 2005-02-28
    expect(firstContinuanceDeadline({ ...plan, datedAsOf: '2004-02-29' }, s).date).toBe('2005-02-28');
  });

  it('year by year: met 2003-06-12 and 2004-06-10; on 2005-06-30 still due, from 2005-07-01 lapsed', () => {
    const approvals = ['2003-06-12', '2004-06-10'];
    const due = continuanceAsOf('2003-06-30', approvals, '2005-06-30');
    expect([due.status, due.nextDeadline, due.endsOn]).toEqual(['in force', '2005-06-30', null]);
    const lapsed = continuanceAsOf('2003-06-30', approvals, '2005-07-01');
    expect([lapsed.status, lapsed.nextDeadline, lapsed.endsOn]).toEqual(['lapsed', null, '2005-07-01']);
    // an approval on the deadline day itself meets it
    expect(continuanceAsOf('2003-06-30', [...approvals, '2005-06-30'], '2005-07-01').status).toBe('in force');
  });

  it('a vote on Feb 29 (twelve months after approval): the next deadline is 2005-02-28; on Dec 31: Dec 31 next year', () => {
    expect(oneYearAfter('2004-02-29')).toBe('2005-02-28');
    expect(oneYearAfter('2004-12-31')).toBe('2005-12-31');
    const basis = 'twelve-months-after-approval' as const;
    const feb = continuanceAsOf('2004-06-30', ['2004-02-29'], '2005-03-01', basis);
    expect(feb.periods.map((p) => p.deadline)).toEqual(['2004-06-30', '2005-02-28']);
    expect([feb.status, feb.endsOn]).toEqual(['lapsed', '2005-03-01']);
    const met = continuanceAsOf('2004-06-30', ['2004-02-29', '2005-02-28'], '2005-03-01', basis);
    expect([met.status, met.nextDeadline]).toEqual(['in force', '2006-02-28']);
    const dec = continuanceAsOf('2004-06-30', ['2003-12-31'], '2004-12-31', basis);
    expect([dec.status, dec.nextDeadline]).toEqual(['in force', '2004-12-31']);
    const decLapsed = continuanceAsOf('2004-06-30', ['2003-12-31'], '2005-01-01', basis);
    expect([decLapsed.status, decLapsed.endsOn]).toEqual(['lapsed', '2005-01-01']);
  });
});

describe('termination per portfolio stops its payments from its date, and only its own', () => {
  it('the Plan terminated for Test Growth Fund Class A from 2005-07-15: zero from that day, the day before unchanged', () => {
    const growth = buildRegistry([PLAN]).identities.resolve('Test Growth Fund')!;
    const t: Termination = {
      kind: 'termination',
      id: 't1',
      instrument: 'plan',
      portfolioId: growth,
      portfolioName: 'Test Growth Fund',
      class: 'A',
      effectiveDate: '2005-07-15',
      votedBy: 'trustees',
      noticeDate: null,
      reason: null,
    };
    const r = buildRegistry([PLAN], [], governance([], { enforce: false, terminations: [t] }));
    expect(r.governingOn(growth, 'A', '2005-07-14')!.distributionFeePct).toBe('0.10');
    expect(r.governingOn(growth, 'A', '2005-07-15')!.distributionFeePct).toBe('0.00');
    expect(r.governingOn(growth, 'A', '2005-07-15')!.serviceFeePct).toBe('0.00');
  });
});

describe('FINRA 2341 annual caps on Board-set rates: ABSC 0.75%, service 0.25%, and the schedule maxima', () => {
  it('Class C (max ABSC 0.75 / service 0.25 / aggregate 1.00): 0.75 + 0.25 is within; 0.7501 or 0.2501 is not', () => {
    const c = capsOf({
      assetBasedSalesChargePct: '0.75',
      assetBasedSalesChargeBound: 'maximum',
      serviceFeePct: '0.25',
      aggregateFeePct: '1.00',
    });
    expect(exceedsCapsOrFinra(c, '0.75', '0.25')).toBeNull();
    expect(exceedsCapsOrFinra(c, '0.7501', '0.25')).toBe('distribution fee above the maximum');
    expect(exceedsCapsOrFinra(c, '0.75', '0.2501')).toBe('service fee above the maximum');
  });
  it('Class R (min ABSC 0.25, service 0.25, aggregate 0.50): the ABSC may take what the aggregate leaves, never past it', () => {
    const r = capsOf({
      assetBasedSalesChargePct: '0.25',
      assetBasedSalesChargeBound: 'minimum',
      serviceFeePct: '0.25',
      aggregateFeePct: '0.50',
    });
    expect(exceedsCapsOrFinra(r, '0.25', '0.25')).toBeNull();
    expect(exceedsCapsOrFinra(r, '0.50', '0.00')).toBeNull();
    expect(exceedsCapsOrFinra(r, '0.30', '0.25')).toBe('aggregate fee above the maximum');
  });
  it('a plain list with no rates: FINRA caps still bound the Board (0.76% ABSC refused)', () => {
    const none = capsOf({
      assetBasedSalesChargePct: null,
      assetBasedSalesChargeBound: null,
      serviceFeePct: null,
      aggregateFeePct: null,
    });
    expect(exceedsCapsOrFinra(none, '0.76', null)).toBe('distribution fee above the maximum');
    expect(exceedsCapsOrFinra(none, '0.75', '0.25')).toBeNull();
  });
});

describe('FINRA 2341 aggregate cap, month by month', () => {
  const month = (
    m: Partial<CapMonthInput> & Pick<CapMonthInput, 'month' | 'daysInMonth'>,
  ): CapMonthInput => ({
    newGrossSalesCents: 0n,
    frontEndSalesChargesCents: 0n,
    deferredSalesChargesCents: 0n,
    dailyAbscCents: Array.from({ length: m.daysInMonth }, () => 0n),
    primeRateMicroPct: 7_500_000n,
    serviceFeePaid: true,
    ...m,
  });
  it('accrues, earns interest at prime + 1%, stops the ABSC when exhausted, credits later CDSCs to the fund', () => {
    const ledger = aggregateCapLedger([
      // January: $100,000 of new gross sales × 6.25% = $6,250.00; ABSC $100 a day × 31 = $3,100 → $3,150.00 left
      month({
        month: '2025-01',
        daysInMonth: 31,
        newGrossSalesCents: 10_000_000n,
        dailyAbscCents: Array.from({ length: 31 }, () => 10_000n),
      }),
      // February: interest $3,150 × 8.50% × 28 / 365 = $20.5397 → $20.54; a CDSC of $500 counts;
      // $2,670.54 left for the ABSC: 26 days of $100, day 27 pays $70.54, day 28 nothing
      month({
        month: '2025-02',
        daysInMonth: 28,
        deferredSalesChargesCents: 50_000n,
        dailyAbscCents: Array.from({ length: 28 }, () => 10_000n),
      }),
      // March: nothing left, no interest; the $200 CDSC is credited to the fund; no ABSC
      month({
        month: '2025-03',
        daysInMonth: 31,
        deferredSalesChargesCents: 20_000n,
        dailyAbscCents: Array.from({ length: 31 }, () => 10_000n),
      }),
      // April without a service fee: $10,000 × 7.25% = $725.00; ABSC $30 a day: 24 days = $720, day 25 pays $5
      month({
        month: '2025-04',
        daysInMonth: 30,
        newGrossSalesCents: 1_000_000n,
        serviceFeePaid: false,
        dailyAbscCents: Array.from({ length: 30 }, () => 3_000n),
      }),
      // May: 8 cents of sales × 6.25% = 0.5 cent → 1 cent (half up)
      month({ month: '2025-05', daysInMonth: 31, newGrossSalesCents: 8n }),
    ]);
    const view = ledger.map((m) => ({
      month: m.month,
      add: m.capAdditionCents,
      interest: m.interestCents,
      allowed: m.abscAllowedCents,
      stoppedOn: m.abscStoppedOnDay,
      credited: m.deferredCreditedToFundCents,
      closing: m.closingCents,
    }));
    expect(view).toEqual([
      {
        month: '2025-01',
        add: 625_000n,
        interest: 0n,
        allowed: 310_000n,
        stoppedOn: null,
        credited: 0n,
        closing: 315_000n,
      },
      {
        month: '2025-02',
        add: 0n,
        interest: 2_054n,
        allowed: 267_054n,
        stoppedOn: 27,
        credited: 0n,
        closing: 0n,
      },
      { month: '2025-03', add: 0n, interest: 0n, allowed: 0n, stoppedOn: 1, credited: 20_000n, closing: 0n },
      {
        month: '2025-04',
        add: 72_500n,
        interest: 0n,
        allowed: 72_500n,
        stoppedOn: 25,
        credited: 0n,
        closing: 0n,
      },
      { month: '2025-05', add: 1n, interest: 0n, allowed: 0n, stoppedOn: null, credited: 0n, closing: 1n },
    ]);
    expect(ledger[1]!.dailyAllowedCents.slice(25)).toEqual([10_000n, 7_054n, 0n]);
    expect(ledger[3]!.dailyAllowedCents.slice(23, 26)).toEqual([3_000n, 500n, 0n]);
  });
});
