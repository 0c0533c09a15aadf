import { describe, expect, it } from 'vitest';
import { distributorStretches, servingDistributorIn } from '../../src/allocation/exclusivePeriods.js';
import { createDistributorTerm } from '../../src/class-b/distributorTerm.js';
import { monthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import { serviceFeeParts } from '../../src/transfers/serviceFeeParts.js';
import { baseInput, feeDays } from '../transfers/support.js';

/**
 * Agreement TENTH day by day: whose is the Class B service fee of a day, by the distributor terms.
 *
 * - NINETEENTH: "all service fees … payable under the Prior Distribution Agreements continue to be
 *   payable under this Agreement, whether initially payable to A I M Distributors, Inc. ("ADI") or
 *   to INVESCO Distributors, Inc. ("IDI"), IDI having assigned its rights under its Prior
 *   Distribution Agreement … to ADI": a predecessor's days whose rights were assigned to the
 *   Distributor are the Distributor's; a predecessor that assigned nothing keeps its own days.
 * - TENTH is not among the provisions FIFTEENTH(B) makes survive: after E the Other Distributor
 *   then serving has the days.
 * - A day no term holds (a gap between terms) stays the Distributor's, flagged as a gap (as
 *   Exhibit A 2(a)'s gap purchases are counted as the Distributor's, with a warning).
 *
 * Terms: IDI for P 1998-01-01 – 2003-08-17, rights assigned to AIM; Old Co for Q 1998-01-01 –
 * 2003-08-17, rights kept; AIM for all portfolios 2003-08-18 – E = 2012-03-15; no one
 * 2012-03-16 – 2012-03-20; Beacon for all from 2012-03-21.
 */
const AIM = 'AIM Distributors Inc.';
const terms = [
  createDistributorTerm({
    portfolioId: 'P',
    distributor: 'IDI',
    start: '1998-01-01',
    end: '2003-08-17',
    rightsAssignedTo: AIM,
  }),
  createDistributorTerm({
    portfolioId: 'Q',
    distributor: 'Old Co',
    start: '1998-01-01',
    end: '2003-08-17',
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: null,
    distributor: AIM,
    start: '2003-08-18',
    end: '2012-03-15',
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: null,
    distributor: 'Beacon',
    start: '2012-03-21',
    end: null,
    rightsAssignedTo: null,
  }),
];
const days = (from: number, to: number, ym: string, cents: bigint) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    date: `${ym}-${String(from + i).padStart(2, '0')}`,
    cents,
  }));
const parts = (pid: string, ds: { date: string; cents: bigint }[]) => {
  const stretches = distributorStretches(terms, pid);
  return serviceFeeParts(ds, (d) => servingDistributorIn(stretches, AIM, d).distributor, AIM).map((p) => [
    p.distributor,
    p.role,
    p.from,
    p.to,
    p.days,
    p.cents,
  ]);
};

describe('the Class B service fee of each day goes to the distributor serving it (TENTH)', () => {
  it('P, 2003-08-16 – 19 at 0.10 a day: IDI’s two days are AIM’s by the assignment of its rights', () => {
    // 4 days × 10¢ = 40¢, one run: AIM
    expect(parts('P', days(16, 19, '2003-08', 10n))).toEqual([
      [AIM, 'Distributor', '2003-08-16', '2003-08-19', 4, 40n],
    ]);
  });

  it('Q, the same days: Old Co kept its rights, so its two days are its own', () => {
    // 16–17 Old Co 2 × 10¢ = 20¢; 18–19 AIM 20¢
    expect(parts('Q', days(16, 19, '2003-08', 10n))).toEqual([
      ['Old Co', 'Other Distributor', '2003-08-16', '2003-08-17', 2, 20n],
      [AIM, 'Distributor', '2003-08-18', '2003-08-19', 2, 20n],
    ]);
  });

  it('P, 2012-03-14 – 22 at 25.00 a day: AIM through E and the gap (flagged), Beacon from the 21st', () => {
    // 14–15 AIM (2 days) + 16–20 no one, the Distributor’s (5 days) = 7 × 25.00 = 175.00;
    // 21–22 Beacon 2 × 25.00 = 50.00
    expect(parts('P', days(14, 22, '2012-03', 2_500n))).toEqual([
      [AIM, 'Distributor', '2012-03-14', '2012-03-20', 7, 17_500n],
      ['Beacon', 'Other Distributor', '2012-03-21', '2012-03-22', 2, 5_000n],
    ]);
    const stretches = distributorStretches(terms, 'P');
    expect(
      ['2012-03-15', '2012-03-16', '2012-03-20', '2012-03-21'].map((d) =>
        servingDistributorIn(stretches, AIM, d),
      ),
    ).toEqual([
      { distributor: AIM, gap: false },
      { distributor: AIM, gap: true },
      { distributor: AIM, gap: true },
      { distributor: 'Beacon', gap: false },
    ]);
  });

  it('the Monthly Calculation refuses service-fee parts that do not add up to the month’s service fee', () => {
    const input = {
      ...baseInput(
        '2012-03',
        feeDays('2012-03', () => 7_500n),
      ),
      serviceFeeCents: 77_500n,
    };
    const good = parts('P', days(1, 31, '2012-03', 2_500n));
    const ok = monthlyCalculation(
      {
        ...input,
        serviceFeeParts: serviceFeeParts(
          days(1, 31, '2012-03', 2_500n),
          (d) => servingDistributorIn(distributorStretches(terms, 'P'), AIM, d).distributor,
          AIM,
        ),
      },
      [],
    );
    // 1–20 AIM 20 × 25.00 = 500.00; 21–31 Beacon 11 × 25.00 = 275.00; 775.00 in all
    expect(ok.serviceFees?.map((p) => [p.distributor, p.days, p.serviceFee])).toEqual([
      [AIM, 20, '500.00'],
      ['Beacon', 11, '275.00'],
    ]);
    expect(good.map((p) => p[5])).toEqual([50_000n, 27_500n]);
    expect(() =>
      monthlyCalculation(
        {
          ...input,
          serviceFeeParts: [
            {
              distributor: AIM,
              role: 'Distributor',
              from: '2012-03-01',
              to: '2012-03-31',
              days: 31,
              cents: 77_499n,
            },
          ],
        },
        [],
      ),
    ).toThrow(/service fee's parts do not add up/);
  });
});
