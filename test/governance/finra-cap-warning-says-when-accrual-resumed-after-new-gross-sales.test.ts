import { describe, expect, it } from 'vitest';
import { capExhaustions, describeExhaustions } from '../../src/governance/capExhaustion.js';
import { aggregateCapLedger, type CapMonthInput } from '../../src/governance/finraAggregateCap.js';
import type { CapLedgerMonth, ClassCapLedger } from '../../src/reports/finraCapLedger.js';
import { capWarnings } from '../../src/reports/finraCapReport.js';

/*
 * FINRA 2341(d)(2): the ABSC stops when the remaining amount is exhausted; new gross sales make
 * room again. Worked by hand (prime 0, so no interest; three accruing days a month):
 *   2025-01: gross sales 16,000.00 × 6.25% = 1,000.00. Days 400, 400, 400: 400, 400, then the 200
 *            left → cut on 2025-01-03; closing 0.00.
 *   2025-02: gross sales 8,000.00 × 6.25% = 500.00. Days 300, 300, 300: 300 in full (accrual
 *            resumed on 2025-02-01), then the 200 left → cut on 2025-02-02, nothing on 2025-02-03.
 * Two exhaustions: 2025-01-03 resumed 2025-02-01, and 2025-02-02 still exhausted.
 */
const month = (m: string, grossSales: bigint, days: bigint[]): CapMonthInput => ({
  month: m,
  daysInMonth: 28,
  newGrossSalesCents: grossSales,
  frontEndSalesChargesCents: 0n,
  deferredSalesChargesCents: 0n,
  dailyAbscCents: days,
  primeRateMicroPct: 0n,
  serviceFeePaid: true,
});

describe('the FINRA cap warning after new gross sales made room again', () => {
  const inputs = [
    month('2025-01', 1_600_000n, [40_000n, 40_000n, 40_000n]),
    month('2025-02', 800_000n, [30_000n, 30_000n, 30_000n]),
  ];
  const dates = [
    ['2025-01-01', '2025-01-02', '2025-01-03'],
    ['2025-02-01', '2025-02-02', '2025-02-03'],
  ];
  const months: CapLedgerMonth[] = aggregateCapLedger(inputs).map((r, i) => ({
    ...r,
    newGrossSalesCents: inputs[i]!.newGrossSalesCents,
    capPctMicro: 6_250_000n,
    primeRateMicroPct: 0n,
    dates: dates[i]!,
    dailyAccruedCents: inputs[i]!.dailyAbscCents,
  }));
  const days = months.flatMap((m) =>
    m.dates.map((date, i) => ({
      date,
      accruedCents: m.dailyAccruedCents[i]!,
      allowedCents: m.dailyAllowedCents[i]!,
    })),
  );

  it('the ledger allows 400, 400, 200 then 300, 200, 0', () => {
    expect(months.map((m) => m.dailyAllowedCents)).toEqual([
      [40_000n, 40_000n, 20_000n],
      [30_000n, 20_000n, 0n],
    ]);
  });

  it('finds two exhaustions: the first ended by February’s sales, the second still running', () => {
    expect(capExhaustions(days)).toEqual([
      { from: '2025-01-03', resumedOn: '2025-02-01' },
      { from: '2025-02-02', resumedOn: null },
    ]);
    // a day that accrues nothing (no net assets) neither ends nor extends an exhaustion
    expect(
      capExhaustions([
        { date: '2025-03-01', accruedCents: 100n, allowedCents: 0n },
        { date: '2025-03-02', accruedCents: 0n, allowedCents: 0n },
      ]),
    ).toEqual([{ from: '2025-03-01', resumedOn: null }]);
  });

  it('the warning says when accrual resumed, and which exhaustion still stops it', () => {
    const ledger: ClassCapLedger = {
      classKey: 'p|C',
      portfolioId: 'p',
      class: 'C',
      portfolio: 'Test Growth Fund',
      firstMonth: '2025-01',
      months,
      exhaustedOn: '2025-01-03',
      exhaustions: capExhaustions(days),
    };
    const prev = process.env.PLAN12B_FINRA_CAP_STOP;
    delete process.env.PLAN12B_FINRA_CAP_STOP;
    try {
      expect(capWarnings(ledger)).toEqual([
        'Test Growth Fund class C: the FINRA Rule 2341 aggregate cap was exhausted on 2025-01-03; the asset-based sales charge stopped accruing from then until new gross sales made room: it accrued again from 2025-02-01',
        'Test Growth Fund class C: the FINRA Rule 2341 aggregate cap was exhausted on 2025-02-02; the asset-based sales charge stops accruing from then',
      ]);
    } finally {
      if (prev !== undefined) process.env.PLAN12B_FINRA_CAP_STOP = prev;
    }
    expect(describeExhaustions(ledger.exhaustions)).toBe(
      'exhausted on 2025-01-03 (the asset-based sales charge accrued again from 2025-02-01, after new gross sales made room) and again on 2025-02-02, still exhausted',
    );
  });
});
