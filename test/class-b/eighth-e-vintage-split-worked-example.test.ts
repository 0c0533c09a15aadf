import { describe, expect, it } from 'vitest';
import { createLot } from '../../src/class-b/lot.js';
import {
  distributionFeeReductions,
  vintageCountDates,
  vintageDailyFee,
  vintageFeeDay,
  vintageRatesOn,
  vintageRuns,
  vintageSharesOfLots,
} from '../../src/class-b/vintageSplit.js';

const U = 10_000n; // share units per share
const pct = (s: string) => BigInt(Math.round(Number(s) * 1_000_000));

/** Class B at 0.75% from the Agreement (2003-08-18); the Board lowers it to 0.50% from 2025-07-01. */
const coverage = [
  { from: '2003-08-18', until: '2025-07-01', distributionFeeMicroPct: pct('0.75') },
  { from: '2025-07-01', until: null, distributionFeeMicroPct: pct('0.50') },
];
const reductions = distributionFeeReductions(coverage);

describe('EIGHTH(E): a Class B distribution fee reduction applies only to shares issued on or after it', () => {
  it('finds the reduction, and none where the rate only rises or stays', () => {
    expect(reductions).toEqual([{ date: '2025-07-01', fromMicroPct: 750_000n, toMicroPct: 500_000n }]);
    expect(
      distributionFeeReductions([
        { from: '2003-08-18', until: '2004-01-01', distributionFeeMicroPct: pct('0.50') },
        { from: '2004-01-01', until: '2005-01-01', distributionFeeMicroPct: pct('0.75') },
        { from: '2005-01-01', until: null, distributionFeeMicroPct: pct('0.75') },
      ]),
    ).toEqual([]);
  });

  /**
   * 1,000,000 shares issued before 2025-07-01 (at 0.75%) and 500,000 on or after (at 0.50%), net
   * assets $15,000,000.00 (NAV $10), 2025 has 365 days.
   *   pre-reduction vintage:  $10,000,000.00 × 0.75% / 365 = 205.479452… → 205.48
   *   post-reduction vintage:  $5,000,000.00 × 0.50% / 365 =  68.493150… →  68.49
   *   the whole, at the weighted rate 0.75 × 2/3 + 0.50 × 1/3 = 0.666…%:
   *        $15,000,000.00 × 0.666…% / 365 = 273.972602… → 273.97 = 205.48 + 68.49
   *   split 27,397 cents by 1,000,000 × 0.75 : 500,000 × 0.50 = 3 : 1 → 20,547.75 : 6,849.25;
   *   floors 20,547 + 6,849 = 27,396, the odd cent to the larger remainder (0.75) → 20,548 and 6,849.
   * Without EIGHTH(E) every share would accrue 0.50%: $15,000,000.00 × 0.50% / 365 = 205.48.
   */
  it('a day: each vintage at its own rate, the parts adding up to the whole', () => {
    const day = vintageDailyFee(
      1_500_000_000n,
      [1_000_000n * U, 500_000n * U],
      [pct('0.75'), pct('0.50')],
      365,
    );
    expect(day).toEqual({ wholeCents: 27_397n, partsCents: [20_548n, 6_849n] });
    expect(vintageRatesOn(coverage, reductions, '2025-07-15')).toEqual([750_000n, 500_000n]);
    expect(vintageRatesOn(coverage, reductions, '2003-08-17')).toBeNull();
  });

  it('with one vintage the fee is exactly the SPEC §4 fee (nothing changes where there is no reduction)', () => {
    // $15,000,000.00 × 0.75% / 365 = 308.219178… → 308.22
    expect(vintageDailyFee(1_500_000_000n, [1_500_000n * U], [pct('0.75')], 365)).toEqual({
      wholeCents: 30_822n,
      partsCents: [30_822n],
    });
  });

  /**
   * July 2025. Counts at the close of 2025-07-01 (the reduction's date) and of 2025-07-31.
   *   July 1: no count yet — every share outstanding was issued before the reduction: 0.75% on all,
   *     $15,000,000.00 × 0.75% / 365 = 308.22.
   *   July 2–31 (30 days), governed by the July 1 count (1,000,000 old : 500,000 new):
   *     30 × 273.97 = 8,219.10 (old 30 × 205.48 = 6,164.40; new 30 × 68.49 = 2,054.70).
   *   The month: 308.22 + 8,219.10 = 8,527.32 (at 0.50% on all shares it would be 31 × 205.48 = 6,369.88).
   */
  it('a month: the count at the reduction date governs the days after it; the runs add up', () => {
    expect(vintageCountDates(reductions, '2025-07-01', '2025-07-31')).toEqual(['2025-07-01']);
    expect(vintageCountDates(reductions, '2025-08-01', '2025-08-31')).toEqual(['2025-07-31']);
    const counts = [{ date: '2025-07-01', shares: [1_000_000n * U, 500_000n * U] }];
    const days = [];
    for (let d = 1; d <= 31; d++) {
      const date = `2025-07-${String(d).padStart(2, '0')}`;
      const v = vintageFeeDay({
        date,
        netAssetsCents: 1_500_000_000n,
        yearDays: 365,
        coverage,
        reductions,
        counts,
      });
      days.push(v!);
    }
    const runs = vintageRuns(days);
    expect(runs.map((r) => [r.countedOn, r.from, r.to, r.days, r.wholeCents, r.partsCents])).toEqual([
      [null, '2025-07-01', '2025-07-01', 1, 30_822n, [30_822n, 0n]],
      ['2025-07-01', '2025-07-02', '2025-07-31', 30, 821_910n, [616_440n, 205_470n]],
    ]);
    expect(runs.reduce((s, r) => s + r.wholeCents, 0n)).toBe(852_732n);
  });

  /**
   * Rates 0.75% → 0.50% (2025-01-01) → 0.60% (2025-04-01, an increase: every share) → 0.55%
   * (2025-07-01). Shares issued before 2025-01-01 keep 0.75%; those of 2025-01-01 … 2025-06-30
   * keep what was payable when the second reduction came, 0.60%; later ones 0.55%.
   */
  it('two reductions with an increase between: each vintage keeps the highest rate since it began', () => {
    const cov = [
      { from: '2003-08-18', until: '2025-01-01', distributionFeeMicroPct: pct('0.75') },
      { from: '2025-01-01', until: '2025-04-01', distributionFeeMicroPct: pct('0.50') },
      { from: '2025-04-01', until: '2025-07-01', distributionFeeMicroPct: pct('0.60') },
      { from: '2025-07-01', until: null, distributionFeeMicroPct: pct('0.55') },
    ];
    const red = distributionFeeReductions(cov);
    expect(red.map((r) => r.date)).toEqual(['2025-01-01', '2025-07-01']);
    expect(vintageRatesOn(cov, red, '2025-02-01')).toEqual([750_000n, 500_000n, 500_000n]);
    expect(vintageRatesOn(cov, red, '2025-05-01')).toEqual([750_000n, 600_000n, 600_000n]);
    expect(vintageRatesOn(cov, red, '2025-08-01')).toEqual([750_000n, 600_000n, 550_000n]);
  });

  /**
   * An account holds 1,000 Commission Shares of DOI 2025-03-03, 40 Free Shares reinvested on
   * 2025-08-15 that derive 1,000 : 500 from the DOIs 2025-03-03 and 2025-07-08, and 500 Commission
   * Shares of DOI 2025-07-08. The Free Shares follow the lots they came from: 40 × 2/3 = 26.6666…
   * and 40 × 1/3 = 13.3333… (largest remainder at 0.0001: 26.6667 and 13.3333).
   *   before: 1,000 + 26.6667 = 1,026.6667;  on or after: 500 + 13.3333 = 513.3333.
   */
  it('counts shares by vintage, Free Shares following the lots they came from', () => {
    const lot = (
      lotId: string,
      kind: 'commission' | 'free',
      doi: string,
      shares: bigint,
      attribution = null as never,
    ) =>
      createLot({
        kind,
        lotId,
        sequence: 0,
        portfolioId: 'p',
        issuingPortfolioId: 'p',
        dateOfOriginalIssuance: doi,
        shareUnits: shares,
        costCents: 0n,
        attribution,
      });
    const lots = [
      lot('T1', 'commission', '2025-03-03', 1_000n * U),
      lot('T2', 'commission', '2025-07-08', 500n * U),
      lot('T3', 'free', '2025-08-15', 40n * U, {
        kind: 'derivedFrom',
        basis: 'accountCommissionShares',
        weights: [
          { issuingPortfolioId: 'p', dateOfOriginalIssuance: '2025-03-03', shareUnits: 1_000n * U },
          { issuingPortfolioId: 'p', dateOfOriginalIssuance: '2025-07-08', shareUnits: 500n * U },
        ],
      } as never),
      lot('T4', 'free', '2025-08-15', 2n * U, { kind: 'distributor', distributor: 'X' } as never),
    ];
    // T4 was attributed to a distributor, not to a DOI: it goes by its own date (after the reduction).
    expect(vintageSharesOfLots(lots, 'p', reductions)).toEqual([10_266_667n, 5_133_333n + 2n * U]);
    expect(vintageSharesOfLots(lots, 'other', reductions)).toEqual([0n, 0n]);
  });
});
