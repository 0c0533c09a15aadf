import { describe, expect, it } from 'vitest';
import type { MonthlyCalculation } from '../../src/transfers/monthlyCalculation.js';
import {
  type ServiceFeeAdjustment,
  serviceFeeAdjustmentsByDistributor,
} from '../../src/transfers/serviceFeeAdjustmentsByDistributor.js';

/**
 * Agreement TENTH, SPEC §12 (calc11): a restated month's Class B service fee adjustment goes to the
 * distributor who served each restated day — its part as computed again less its part as sealed
 * less what earlier closes reported for it. Only the fields the function reads are filled.
 *
 * March 2012, AIM Distributors Inc. through E = 03-15 (15 days × 25.00 = 375.00), Beacon Fund
 * Distributors LLC after (16 × 25.00 = 400.00). Restated 03-05 and 03-20 to 25.33 each: AIM
 * 375.33, Beacon 400.33 → AIM +0.33, Beacon +0.33 (Σ +0.66 = 775.66 − 775.00).
 */
const AIM = 'AIM Distributors Inc.';
const BEACON = 'Beacon Fund Distributors LLC';

function march(aimCents: number, beaconCents: number | null): MonthlyCalculation {
  const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
  return {
    month: '2012-03',
    portfolioId: 'cd',
    portfolio: 'AIM Capital Development Fund',
    distributor: AIM,
    serviceFee: money(aimCents + (beaconCents ?? 0)),
    ...(beaconCents === null
      ? {}
      : {
          serviceFees: [
            {
              distributor: AIM,
              role: 'Distributor',
              from: '2012-03-01',
              to: '2012-03-15',
              days: 15,
              serviceFee: money(aimCents),
            },
            {
              distributor: BEACON,
              role: 'Other Distributor',
              from: '2012-03-16',
              to: '2012-03-31',
              days: 16,
              serviceFee: money(beaconCents),
            },
          ],
        }),
  } as unknown as MonthlyCalculation;
}

const rows = (xs: ServiceFeeAdjustment[]) =>
  xs.map((a) => [a.distributor, a.role, a.original, a.restated, a.difference]);

describe('the Class B service fee adjustment by the distributor of the restated day', () => {
  it('a day on each side of E: AIM +0.33, Beacon +0.33 (the JSDoc example)', () => {
    expect(rows(serviceFeeAdjustmentsByDistributor(march(37_500, 40_000), march(37_533, 40_033)))).toEqual([
      [AIM, 'Distributor', '375.00', '375.33', '0.33'],
      [BEACON, 'Other Distributor', '400.00', '400.33', '0.33'],
    ]);
  });

  it('a month sealed before the split was all the Distributor’s: Beacon +400.33, AIM −399.67', () => {
    // sealed 775.00 all AIM's; restated AIM 375.33, Beacon 400.33: AIM 375.33 − 775.00 = −399.67
    expect(rows(serviceFeeAdjustmentsByDistributor(march(77_500, null), march(37_533, 40_033)))).toEqual([
      [AIM, 'Distributor', '775.00', '375.33', '-399.67'],
      [BEACON, 'Other Distributor', '0.00', '400.33', '400.33'],
    ]);
  });

  it('a second restatement is adjusted by its own change only: Beacon’s 03-20 again to 25.50 → +0.17', () => {
    const first = serviceFeeAdjustmentsByDistributor(march(37_500, 40_000), march(37_533, 40_033));
    // restated again: Beacon 400.50 (03-20 25.50); 400.50 − 400.00 − 0.33 = 0.17; AIM unchanged
    expect(
      rows(serviceFeeAdjustmentsByDistributor(march(37_500, 40_000), march(37_533, 40_050), first)),
    ).toEqual([[BEACON, 'Other Distributor', '400.00', '400.50', '0.17']]);
  });

  it('parts that do not add up to the month’s service fee are refused', () => {
    const broken = { ...march(37_533, 40_033), serviceFee: '775.00' } as MonthlyCalculation;
    expect(() => serviceFeeAdjustmentsByDistributor(march(37_500, 40_000), broken)).toThrow(/do not add up/);
  });
});
