import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abscMonthsCoveredTenths, capRunwayShort } from '../../src/governance/capRunway.js';
import type { CapLedgerMonth, ClassCapLedger } from '../../src/reports/finraCapLedger.js';
import { capClassStatus, capWarnings } from '../../src/reports/finraCapReport.js';

/**
 * DOMAIN §9: "flag when remaining amount < N months of ABSC" — the ABSC about to stop under FINRA
 * Rule 2341(d)(2) is told before it stops. March 2025 of a class accruing 750.00 of ABSC a day:
 * 31 × 750.00 = 23,250.00. Three months of it: 69,750.00.
 */
const march = (closingCents: bigint, abscAccruedCents: bigint): CapLedgerMonth => ({
  month: '2025-03',
  openingCents: 0n,
  capAdditionCents: 0n,
  interestCents: 0n,
  frontEndAndDeferredCents: 0n,
  abscAccruedCents,
  abscAllowedCents: abscAccruedCents,
  dailyAllowedCents: [],
  abscStoppedOnDay: null,
  deferredCreditedToFundCents: 0n,
  closingCents,
  exhausted: closingCents <= 0n,
  newGrossSalesCents: 0n,
  capPctMicro: 6_250_000n,
  primeRateMicroPct: 7_500_000n,
  dates: [],
  dailyAccruedCents: [],
});
const ledger = (m: CapLedgerMonth): ClassCapLedger => ({
  classKey: 'p1|C',
  portfolioId: 'p1',
  class: 'C',
  portfolio: 'AIM Value Fund',
  firstMonth: '2025-01',
  months: [m],
  exhaustedOn: null,
  exhaustions: [],
});
const runway = (l: ClassCapLedger) => capWarnings(l).filter((w) => w.includes('covers'));

describe('the FINRA cap remaining amount short of three months of ABSC', () => {
  it('50,000.00 left at 23,250.00 a month: 2.15… months, told as 2.1 (rounded down), with a warning', () => {
    const l = ledger(march(5_000_000n, 2_325_000n));
    expect(capClassStatus(l).abscMonthsCovered).toBe('2.1');
    expect(runway(l)).toEqual([
      "AIM Value Fund class C: the FINRA Rule 2341 remaining amount at the end of 2025-03, 50000.00, covers 2.1 months of the asset-based sales charge at 2025-03's (23250.00), fewer than 3: without new gross sales the charge stops accruing when it is used up",
    ]);
  });

  it('exactly three months (69,750.00) is not short; a cent less is, and reads 2.9, never 3.0', () => {
    expect(runway(ledger(march(6_975_000n, 2_325_000n)))).toEqual([]);
    expect(capClassStatus(ledger(march(6_975_000n, 2_325_000n))).abscMonthsCovered).toBe('3.0');
    const short = ledger(march(6_974_999n, 2_325_000n));
    expect(capClassStatus(short).abscMonthsCovered).toBe('2.9');
    expect(runway(short)).toHaveLength(1);
  });

  it('an exhausted cap or a month without ABSC has no runway (the exhaustion has its own warning)', () => {
    expect(capClassStatus(ledger(march(0n, 2_325_000n))).abscMonthsCovered).toBeNull();
    expect(runway(ledger(march(0n, 2_325_000n)))).toEqual([]);
    expect(capClassStatus(ledger(march(10_000n, 0n))).abscMonthsCovered).toBeNull();
    expect(runway(ledger(march(10_000n, 0n)))).toEqual([]);
  });

  it('short exactly when remaining < 3 × ABSC, and the tenths shown are below 30 then (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        (r, a) => {
          const short = capRunwayShort(r, a);
          expect(short).toBe(r < 3n * a);
          const tenths = abscMonthsCoveredTenths(r, a)!;
          // tenths ≤ 10·r/a < tenths + 1, by integers
          expect(tenths * a <= 10n * r && 10n * r < (tenths + 1n) * a).toBe(true);
          if (short) expect(tenths < 30n).toBe(true);
        },
      ),
    );
  });
});
