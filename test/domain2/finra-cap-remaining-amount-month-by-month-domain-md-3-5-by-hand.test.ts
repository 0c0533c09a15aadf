/**
 * DOMAIN.md §3.4–3.5, the FINRA 2341 remaining amount, five months worked by hand from its
 * pseudo-code:
 *   cap_pct = 6.25% if a service fee is paid else 7.25%            (CONFIRMED [S11][S14])
 *   interest_m = RA_{m-1} × (prime_m + 1%) × days_in_month / 365
 *   RA_m = RA_{m-1} + cap_pct × NGS_m + interest_m − charges_m     (front-end + CDSC + ABSC)
 *   if RA_m <= 0: ABSC must stop; later CDSCs credited to the fund
 * with plan12b's settled choices (docs/FORMATS.md, src/governance/finraAggregateCap.ts): interest
 * only on a positive opening amount, half-up to the cent; a month's sales and front-end and
 * deferred charges count before its ABSC, which is then allowed day by day (the day that uses the
 * amount up pays only what is left).
 */
import { describe, expect, it } from 'vitest';
import { aggregateCapLedger, type CapMonthInput } from '../../src/governance/finraAggregateCap.js';

const c = (dollars: number) => BigInt(Math.round(dollars * 100));
const month = (m: string, days: number, over: Partial<CapMonthInput>): CapMonthInput => ({
  month: m,
  daysInMonth: days,
  newGrossSalesCents: 0n,
  frontEndSalesChargesCents: 0n,
  deferredSalesChargesCents: 0n,
  dailyAbscCents: [],
  primeRateMicroPct: 5_250_000n,
  serviceFeePaid: true,
  ...over,
});

describe('DOMAIN.md §3.5 month by month', () => {
  const ledger = aggregateCapLedger([
    // Jan: no service fee → 7.25% × 10,000.00 = 725.00; CDSC 25.00; ABSC 31 × 10.00 = 310.00
    //   RA = 0 + 725.00 + 0 − 25.00 − 310.00 = 390.00
    month('2005-01', 31, {
      serviceFeePaid: false,
      newGrossSalesCents: c(10_000),
      deferredSalesChargesCents: c(25),
      dailyAbscCents: Array(31).fill(c(10)),
    }),
    // Feb: interest 390.00 × 6.25% × 28/365 = 1.86986… → 1.87; room 391.87; ABSC 15.00 a day:
    //   26 days pay 390.00, day 27 pays 1.87, day 28 nothing → RA 0.00, exhausted mid-month
    month('2005-02', 28, { dailyAbscCents: Array(28).fill(c(15)) }),
    // Mar: no interest on 0; service fee → 6.25% × 1,000.00 = 62.50; CDSC 80.00 counts 62.50,
    //   17.50 credited to the fund; no room for the ABSC from day 1 → RA 0.00
    month('2005-03', 31, {
      newGrossSalesCents: c(1_000),
      deferredSalesChargesCents: c(80),
      dailyAbscCents: Array(31).fill(c(5)),
    }),
    // Apr: 62.50 of new room, front-end 100.00 → RA −37.50; no ABSC
    month('2005-04', 30, {
      newGrossSalesCents: c(1_000),
      frontEndSalesChargesCents: c(100),
      dailyAbscCents: Array(30).fill(c(5)),
    }),
    // May: no interest on a negative amount; 6.25% × 2,000.00 = 125.00 → room 87.50;
    //   ABSC 50.00 a day: 50.00, 37.50, then nothing → RA 0.00
    month('2005-05', 31, { newGrossSalesCents: c(2_000), dailyAbscCents: Array(31).fill(c(50)) }),
  ]);
  const [jan, feb, mar, apr, may] = ledger;

  it('January: 7.25% without a service fee, closing 390.00, not exhausted', () => {
    expect(jan).toMatchObject({
      capAdditionCents: c(725),
      interestCents: 0n,
      frontEndAndDeferredCents: c(25),
      abscAllowedCents: c(310),
      closingCents: c(390),
      exhausted: false,
      abscStoppedOnDay: null,
    });
  });
  it('February: prime + 1% for 28 days on 390.00, then the ABSC stops on day 27', () => {
    expect(feb).toMatchObject({ interestCents: 187n, abscAllowedCents: c(391.87), closingCents: 0n });
    expect(feb?.abscStoppedOnDay).toBe(27);
    expect(feb?.dailyAllowedCents.slice(25)).toEqual([c(15), 187n, 0n]);
    expect(feb?.exhausted).toBe(true);
  });
  it('March: 6.25% with a service fee; CDSC beyond the room credited to the fund', () => {
    expect(mar).toMatchObject({
      capAdditionCents: c(62.5),
      interestCents: 0n,
      frontEndAndDeferredCents: c(62.5),
      deferredCreditedToFundCents: c(17.5),
      abscAllowedCents: 0n,
      abscStoppedOnDay: 1,
      closingCents: 0n,
    });
  });
  it('April and May: a front-end charge beyond the room leaves −37.50, paid back before the ABSC resumes', () => {
    expect(apr).toMatchObject({ closingCents: c(-37.5), abscAllowedCents: 0n, exhausted: true });
    expect(may).toMatchObject({ interestCents: 0n, capAdditionCents: c(125), abscAllowedCents: c(87.5) });
    expect(may?.dailyAllowedCents.slice(0, 3)).toEqual([c(50), c(37.5), 0n]);
    expect(may).toMatchObject({ abscStoppedOnDay: 2, closingCents: 0n });
  });
  it('every month: closing = opening + addition + interest − front-end and deferred counted − ABSC allowed', () => {
    let opening = 0n;
    for (const m of ledger) {
      expect(m.openingCents).toBe(opening);
      expect(m.closingCents).toBe(
        m.openingCents +
          m.capAdditionCents +
          m.interestCents -
          m.frontEndAndDeferredCents -
          m.abscAllowedCents,
      );
      expect(m.dailyAllowedCents.reduce((a, b) => a + b, 0n)).toBe(m.abscAllowedCents);
      opening = m.closingCents;
    }
  });
});
