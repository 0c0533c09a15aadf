import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateCapLedger, type CapMonthInput } from '../../src/governance/finraAggregateCap.js';

/**
 * Worked by hand. A class with a service fee sells $160,000 in its first month and nothing after
 * (cap addition 6.25% × 160,000 = $10,000.00). Prime is 2.65%, so interest is 3.65% a year =
 * 0.01% a day: a month of 30 days earns 0.30% of the opening remaining amount. Its ABSC accrues
 * $16.00 a day = $480.00 per 30-day month; no front-end or deferred loads.
 *
 * Month 1: opening 0, + 10,000.00, interest 0, − 480.00 → 9,520.00
 * Month 2: interest 9,520.00 × 0.003 = 28.56 → 9,520.00 + 28.56 − 480.00 = 9,068.56
 * Month 3: interest 9,068.56 × 0.003 = 27.20568 → 27.21 → 9,068.56 + 27.21 − 480.00 = 8,615.77
 * … each month: R' = R + round(0.003 R) − 480.00, computed below by a plain loop over the same
 * rule written independently (Number arithmetic on cents, exact at this size).
 */
const month = (i: number): CapMonthInput => ({
  month: `20${String(4 + Math.floor(i / 12)).padStart(2, '0')}-${String((i % 12) + 1).padStart(2, '0')}`,
  daysInMonth: 30,
  newGrossSalesCents: i === 0 ? 16_000_000n : 0n,
  frontEndSalesChargesCents: 0n,
  deferredSalesChargesCents: 0n,
  dailyAbscCents: Array.from({ length: 30 }, () => 1600n),
  primeRateMicroPct: 2_650_000n,
  serviceFeePaid: true,
});

describe('FINRA Rule 2341 aggregate cap, month by month', () => {
  const ledger = aggregateCapLedger(Array.from({ length: 24 }, (_, i) => month(i)));

  it('the first three months as worked by hand', () => {
    expect(ledger[0]).toMatchObject({
      capAdditionCents: 1_000_000n,
      interestCents: 0n,
      closingCents: 952_000n,
    });
    expect(ledger[1]).toMatchObject({ interestCents: 2_856n, closingCents: 906_856n });
    expect(ledger[2]).toMatchObject({ interestCents: 2_721n, closingCents: 861_577n });
  });

  it('the remaining amount runs out within the 24 months, and the ABSC stops on that day', () => {
    // independent recomputation: half-up of 0.3% on positive cents, day by day within the month
    let r = 0;
    let exhaustedMonth = -1;
    let stopDay = -1;
    let lastAllowed = 0;
    for (let i = 0; i < 24; i++) {
      const interest = r > 0 ? Math.floor((r * 3) / 1000 + 0.5) : 0;
      let avail = r + (i === 0 ? 1_000_000 : 0) + interest;
      let allowed = 0;
      for (let d = 1; d <= 30; d++) {
        const pay = Math.min(1600, Math.max(avail, 0));
        if (pay < 1600 && exhaustedMonth < 0) {
          exhaustedMonth = i;
          stopDay = d;
        }
        allowed += pay;
        avail -= pay;
      }
      r = r + (i === 0 ? 1_000_000 : 0) + interest - allowed;
      if (i === exhaustedMonth) lastAllowed = allowed;
    }
    expect(exhaustedMonth).toBeGreaterThan(0);
    const m = ledger[exhaustedMonth]!;
    expect(m.abscStoppedOnDay).toBe(stopDay);
    expect(m.abscAllowedCents).toBe(BigInt(lastAllowed));
    expect(m.abscAllowedCents).toBeLessThan(m.abscAccruedCents);
    expect(m.closingCents).toBe(0n);
    // after it, no ABSC at all while nothing is sold
    for (const later of ledger.slice(exhaustedMonth + 1)) expect(later.abscAllowedCents).toBe(0n);
  });

  it('property: opening + additions + interest − charges − allowed ABSC = closing, and allowed ≤ accrued', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sales: fc.bigInt({ min: 0n, max: 10n ** 9n }),
            loads: fc.bigInt({ min: 0n, max: 10n ** 6n }),
            cdsc: fc.bigInt({ min: 0n, max: 10n ** 6n }),
            absc: fc.array(fc.bigInt({ min: 0n, max: 10n ** 5n }), { minLength: 28, maxLength: 31 }),
            service: fc.boolean(),
          }),
          { minLength: 1, maxLength: 24 },
        ),
        (ms) => {
          const inputs = ms.map((m, i) => ({
            month: `2020-${String((i % 12) + 1).padStart(2, '0')}`,
            daysInMonth: m.absc.length,
            newGrossSalesCents: m.sales,
            frontEndSalesChargesCents: m.loads,
            deferredSalesChargesCents: m.cdsc,
            dailyAbscCents: m.absc,
            primeRateMicroPct: 3_250_000n,
            serviceFeePaid: m.service,
          }));
          const out = aggregateCapLedger(inputs);
          out.forEach((o, i) => {
            expect(
              o.openingCents +
                o.capAdditionCents +
                o.interestCents -
                o.frontEndAndDeferredCents -
                o.abscAllowedCents,
            ).toBe(o.closingCents);
            expect(o.abscAllowedCents <= o.abscAccruedCents).toBe(true);
            // each deferred sales charge is either counted against the cap or credited to the fund
            expect(o.frontEndAndDeferredCents + o.deferredCreditedToFundCents).toBe(
              inputs[i]!.frontEndSalesChargesCents + inputs[i]!.deferredSalesChargesCents,
            );
            expect(o.dailyAllowedCents.reduce((a, b) => a + b, 0n)).toBe(o.abscAllowedCents);
            // a CDSC is credited to the fund only when nothing remains for it
            if (o.deferredCreditedToFundCents > 0n) expect(o.closingCents <= 0n).toBe(true);
            expect(o.abscAccruedCents).toBe(inputs[i]!.dailyAbscCents.reduce((a, b) => a + b, 0n));
            if (i > 0) expect(o.openingCents).toBe(out[i - 1]!.closingCents);
          });
        },
      ),
    );
  });
});
