/**
 * What an accrual run produces (SPEC §4): one row per class and calendar month with at least one
 * accrued day, and optionally the daily detail behind it. Money in integer cents.
 */

export interface MonthlyAccrual {
  readonly kind: 'monthlyAccrual';
  readonly classKey: string;
  /** 'YYYY-MM' */
  readonly month: string;
  /** Accrued (covered) days in the month within the requested range. */
  readonly days: number;
  readonly netAssetsSumCents: bigint;
  /** SPEC §4: round_half_up(Σ NA(d) / days) over the accrued days. */
  readonly averageDailyNetAssetsCents: bigint;
  /** Σ daily Asset-Based Sales Charge. */
  readonly distributionFeeCents: bigint;
  /** Σ daily Service Fee. */
  readonly serviceFeeCents: bigint;
}

export interface DailyAccrual {
  readonly kind: 'dailyAccrual';
  readonly classKey: string;
  readonly date: string;
  /** NA(d): the day's row or the latest earlier one. */
  readonly netAssetsCents: bigint;
  readonly distributionFeeMicroPct: bigint;
  readonly serviceFeeMicroPct: bigint;
  readonly distributionFeeCents: bigint;
  readonly serviceFeeCents: bigint;
  /**
   * Agreement EIGHTH(E): a Class B day accrued by share vintage — the Distribution Fee's part of
   * each vintage (adding up to `distributionFeeCents`); absent on every other day.
   */
  readonly distributionFeeVintageCents?: readonly bigint[];
}

export interface AccrualResult {
  /** Ordered by the input's class order, then month. */
  readonly months: readonly MonthlyAccrual[];
  /** Ordered by the input's class order, then date; empty unless asked for. */
  readonly daily: readonly DailyAccrual[];
}
