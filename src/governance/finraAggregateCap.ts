import { divRoundHalfUp } from '../money/cents.js';
import { MICRO_PCT_PER_PCT } from '../money/rate.js';

/**
 * FINRA Rule 2341(d)(2) aggregate cap on sales charges, as a ledger per class, month by month
 * (DOMAIN §3.5): the remaining amount grows by 6.25% of new gross sales (7.25% where no service
 * fee is paid) plus interest at prime + 1% a year on the remaining amount, and shrinks by the
 * front-end, deferred and asset-based sales charges. When it is exhausted the asset-based sales
 * charge stops accruing (and deferred sales charges collected later are credited to the fund).
 *
 * NTM 93-12 could not be read, so the choices it would settle are settings, with these defaults
 * (docs/FORMATS.md names them): interest on the opening remaining amount of each month, simple
 * within the month, actual days / 365, rounded half-up to the cent; new gross sales exclude
 * reinvestments and exchanges (the feed gives them so); a month's sales and its front-end and
 * deferred charges count before its ABSC, which is then allowed day by day until the remaining
 * amount is used up (the day that uses it up pays only what is left). A deferred sales charge
 * collected when nothing remains (beyond what is left after the month's additions and front-end
 * charges) is credited to the fund and does not count against the cap.
 */
/** Class B's deferred sales charges are plan12b's own: the CDSCs of its Class B ledger (SPEC §6). */
export const LEDGER_CDSC_CLASS = 'B';

export interface CapMonthInput {
  readonly month: string; // YYYY-MM
  readonly daysInMonth: number;
  /** new gross sales, excluding reinvested distributions and exchanges */
  readonly newGrossSalesCents: bigint;
  readonly frontEndSalesChargesCents: bigint;
  readonly deferredSalesChargesCents: bigint;
  /** the class's daily ABSC accruals of the month, in day order, before the cap */
  readonly dailyAbscCents: readonly bigint[];
  /** the prime rate in force for the month, in micro-percent */
  readonly primeRateMicroPct: bigint;
  readonly serviceFeePaid: boolean;
}

export interface CapSettings {
  /** percentage points added to prime (1% by the rule) */
  readonly interestSpreadMicroPct: bigint;
  readonly interestDayBasis: 365 | 360;
}
export const DEFAULT_CAP_SETTINGS: CapSettings = {
  interestSpreadMicroPct: 1n * MICRO_PCT_PER_PCT,
  interestDayBasis: 365,
};

export interface CapMonthResult {
  readonly month: string;
  readonly openingCents: bigint;
  /** 6.25% (or 7.25%) of new gross sales, rounded half-up */
  readonly capAdditionCents: bigint;
  readonly interestCents: bigint;
  /** front-end and deferred sales charges counted against the cap */
  readonly frontEndAndDeferredCents: bigint;
  /** ABSC accrued before the cap, and what the cap allows */
  readonly abscAccruedCents: bigint;
  readonly abscAllowedCents: bigint;
  /** what the cap allows of each day's ABSC, in the order given */
  readonly dailyAllowedCents: readonly bigint[];
  /** the first day (1-based) on which the ABSC was cut, or null */
  readonly abscStoppedOnDay: number | null;
  /**
   * deferred sales charges collected while the remaining amount was exhausted: credited to the
   * fund instead of counting against the cap (FINRA 2341(d)(2), DOMAIN §3.4)
   */
  readonly deferredCreditedToFundCents: bigint;
  readonly closingCents: bigint;
  readonly exhausted: boolean;
}

/** 6.25% with a service fee, 7.25% without (FINRA 2341(d)(2)(A)/(B)). */
export function capPctMicro(serviceFeePaid: boolean): bigint {
  return serviceFeePaid ? 6_250_000n : 7_250_000n;
}

export function aggregateCapLedger(
  months: readonly CapMonthInput[],
  openingCents = 0n,
  settings: CapSettings = DEFAULT_CAP_SETTINGS,
): CapMonthResult[] {
  const out: CapMonthResult[] = [];
  let remaining = openingCents;
  for (const m of months) {
    const opening = remaining;
    const capAddition = divRoundHalfUp(
      m.newGrossSalesCents * capPctMicro(m.serviceFeePaid),
      100n * MICRO_PCT_PER_PCT,
    );
    // Interest accrues on an unrecovered (positive) remaining amount only.
    const ratePerYearMicro = m.primeRateMicroPct + settings.interestSpreadMicroPct;
    const interest =
      opening > 0n
        ? divRoundHalfUp(
            opening * ratePerYearMicro * BigInt(m.daysInMonth),
            100n * MICRO_PCT_PER_PCT * BigInt(settings.interestDayBasis),
          )
        : 0n;
    const afterFrontEnd = opening + capAddition + interest - m.frontEndSalesChargesCents;
    const deferredRoom = afterFrontEnd > 0n ? afterFrontEnd : 0n;
    const deferredCounted =
      m.deferredSalesChargesCents <= deferredRoom ? m.deferredSalesChargesCents : deferredRoom;
    const frontAndDeferred = m.frontEndSalesChargesCents + deferredCounted;
    let available = afterFrontEnd - deferredCounted;
    let allowed = 0n;
    let accrued = 0n;
    let stoppedOn: number | null = null;
    const dailyAllowed: bigint[] = [];
    m.dailyAbscCents.forEach((fee, i) => {
      accrued += fee;
      const room = available > 0n ? available : 0n;
      const pay = fee <= room ? fee : room;
      if (pay < fee && stoppedOn === null) stoppedOn = i + 1;
      allowed += pay;
      available -= pay;
      dailyAllowed.push(pay);
    });
    remaining = opening + capAddition + interest - frontAndDeferred - allowed;
    out.push({
      month: m.month,
      openingCents: opening,
      capAdditionCents: capAddition,
      interestCents: interest,
      frontEndAndDeferredCents: frontAndDeferred,
      abscAccruedCents: accrued,
      abscAllowedCents: allowed,
      dailyAllowedCents: dailyAllowed,
      abscStoppedOnDay: stoppedOn,
      deferredCreditedToFundCents: m.deferredSalesChargesCents - deferredCounted,
      closingCents: remaining,
      exhausted: remaining <= 0n,
    });
  }
  return out;
}
