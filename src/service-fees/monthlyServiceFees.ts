/**
 * A month of service fees (Plan §4; SPEC §5): for every service provider and class, each day on
 * which the Service Agreement is in force (Plan §10) and the class accrues its service fee, the
 * provider earns round_half_up(its customers' assets × rate / 100 / Y, 2) at the lowest of 0.25%,
 * the class's service fee rate that day and the agreement's own rate (Plan §4(a)). Per class, the
 * Distributor keeps the class's service fee less Σ provider fees; conservation is asserted.
 */
import { addDays, daysInYear, isMonth, monthEnd, monthStart } from '../calendar/isoDate.js';
import { divRoundHalfUp } from '../money/cents.js';
import type { ClassServiceDay } from './classServiceDay.js';
import { distributorServiceFeeShare, ServiceFeeShortfall } from './distributorServiceFeeShare.js';
import { type AssetsAboveNetAssets, assetsAboveNetAssets } from './providerAssetsLimit.js';
import type { ProviderHolding } from './providerHolding.js';
import { type ServiceAgreement, terminationEffectiveDate } from './serviceAgreement.js';
import { serviceProviderFeeRate } from './serviceFeeRate.js';
import { ServiceFeesMonthError } from './serviceFeesMonthError.js';
import { serviceProviderFeeCentsNumber } from './serviceProviderFee.js';

/** One provider's fee in one class for the month, at one rate (a class whose rate changed mid-month has one per rate). */
export interface ProviderClassFee {
  readonly kind: 'providerClassFee';
  readonly providerId: string;
  readonly classKey: string;
  readonly month: string;
  readonly rateMicroPct: bigint;
  /** Days the fee accrued at this rate: agreement in force, class accruing, assets reported. */
  readonly days: number;
  readonly assetsSumCents: bigint;
  /** round_half_up(Σ assets / days), over those days. */
  readonly averageDailyAssetsCents: bigint;
  readonly amountCents: bigint;
  /** The days it accrued on: bit i set for day i + 1 of the month (Plan §6 check: serviceAgreementApproval.ts). */
  readonly dayMask: number;
}

/** A class's service fee for the month and how it divides (SPEC §5). */
export interface ClassServiceFeeSplit {
  readonly kind: 'classServiceFeeSplit';
  readonly classKey: string;
  readonly month: string;
  readonly classServiceFeeCents: bigint;
  readonly providerFeesCents: bigint;
  readonly distributorRetainedCents: bigint;
  /** Providers paid something in the class. */
  readonly providers: number;
  /**
   * Σ provider fees of each day of the month (index 0 = the 1st), so that what the Distributor
   * keeps can be told by day (Agreement TENTH: a Class B day's remainder is its serving distributor's)
   */
  readonly providerFeesByDayCents?: readonly number[];
}

/** Providers that reported assets in a class that accrued no service fee this month: nothing is paid. */
export interface UnpaidHoldings {
  readonly kind: 'unpaidHoldings';
  readonly classKey: string;
  readonly providerIds: readonly string[];
}

export interface ServiceFeesMonth {
  readonly month: string;
  /** Ordered by provider id, class key, rate. */
  readonly providerFees: readonly ProviderClassFee[];
  /** Ordered by class key; every class that accrued a service fee in the month. */
  readonly classes: readonly ClassServiceFeeSplit[];
  readonly unpaid: readonly UnpaidHoldings[];
}

export interface ServiceFeesMonthInput {
  readonly month: string;
  readonly classDays: readonly ClassServiceDay[];
  readonly agreements: readonly ServiceAgreement[];
  readonly holdings: readonly ProviderHolding[];
}

interface ClassMonth {
  readonly classKey: string;
  /** NaN on days the class did not accrue. */
  readonly netAssets: Float64Array;
  readonly rateMicroPct: Float64Array;
  serviceFeeCents: bigint;
  readonly holdings: ProviderHolding[];
}

function toSafe(cents: bigint, what: string): number {
  const n = Number(cents);
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what}: ${cents} cents is out of range`);
  return n;
}

/** Carried-forward assets of a holding on each day of the month (NaN = none reported yet, or ended). */
function carriedAssets(h: ProviderHolding, dates: readonly string[]): Float64Array {
  const out = new Float64Array(dates.length).fill(Number.NaN);
  const rows = h.assets;
  let j = -1;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    if (h.endDate !== null && d >= h.endDate) break;
    while (j + 1 < rows.length && rows[j + 1]!.date <= d) j++;
    if (j >= 0) out[i] = toSafe(rows[j]!.netAssetsCents, `${h.providerId} ${h.classKey} ${rows[j]!.date}`);
  }
  return out;
}

/** Index range [first, end) of the month's days on which the agreement is in force. */
function inForceRange(a: ServiceAgreement, dates: readonly string[]): [number, number] {
  const end = terminationEffectiveDate(a);
  let first = 0;
  while (first < dates.length && dates[first]! < a.agreementDate) first++;
  let stop = first;
  while (stop < dates.length && (end === null || dates[stop]! < end)) stop++;
  return [first, stop];
}

function checkInput(input: ServiceFeesMonthInput, dates: readonly string[]): Map<string, ClassMonth> {
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const classes = new Map<string, ClassMonth>();
  const classOf = (classKey: string) => {
    let c = classes.get(classKey);
    if (!c) {
      c = {
        classKey,
        netAssets: new Float64Array(dates.length).fill(Number.NaN),
        rateMicroPct: new Float64Array(dates.length),
        serviceFeeCents: 0n,
        holdings: [],
      };
      classes.set(classKey, c);
    }
    return c;
  };
  for (const d of input.classDays) {
    if (d.date < first || d.date > last)
      throw new RangeError(`class ${d.classKey}: day ${d.date} is outside ${input.month}`);
    const c = classOf(d.classKey);
    const i = Number(d.date.slice(8, 10)) - 1;
    if (!Number.isNaN(c.netAssets[i]!)) throw new RangeError(`class ${d.classKey}: ${d.date} given twice`);
    c.netAssets[i] = toSafe(d.netAssetsCents, `class ${d.classKey} ${d.date}`);
    c.rateMicroPct[i] = Number(d.serviceFeeMicroPct);
    c.serviceFeeCents += d.serviceFeeCents;
  }
  const agreementIds = new Set(input.agreements.map((a) => a.providerId));
  const seen = new Set<string>();
  for (const h of input.holdings) {
    if (!agreementIds.has(h.providerId))
      throw new RangeError(
        `holding of ${h.providerId} in ${h.classKey}: no service agreement with that provider`,
      );
    const key = `${h.providerId}\u0000${h.classKey}`;
    if (seen.has(key)) throw new RangeError(`holding of ${h.providerId} in ${h.classKey} given twice`);
    seen.add(key);
    for (let k = 1; k < h.assets.length; k++)
      if (h.assets[k]!.date <= h.assets[k - 1]!.date)
        throw new RangeError(
          `holding of ${h.providerId} in ${h.classKey}: rows not increasing at ${h.assets[k]!.date}`,
        );
    classOf(h.classKey).holdings.push(h);
  }
  return classes;
}

interface RateAccumulator {
  rate: number;
  days: number;
  dayMask: number;
  assetsSum: number;
  amount: number;
}

/**
 * Computes the month. Throws {@link ServiceFeesMonthError} listing every day on which customers'
 * assets exceed the class's net assets and every class whose provider fees exceed its service fee.
 * @example computeMonthlyServiceFees({ month: '2007-01', classDays, agreements, holdings }).classes[0].distributorRetainedCents
 */
export function computeMonthlyServiceFees(input: ServiceFeesMonthInput): ServiceFeesMonth {
  if (!isMonth(input.month)) throw new RangeError(`${JSON.stringify(input.month)} is not a month (YYYY-MM)`);
  const dates: string[] = [];
  for (let d = monthStart(input.month); d <= monthEnd(input.month); d = addDays(d, 1)) dates.push(d);
  const yearDays = daysInYear(Number(input.month.slice(0, 4)));
  const classes = checkInput(input, dates);
  const agreements = new Map(input.agreements.map((a) => [a.providerId, a]));

  const providerFees: ProviderClassFee[] = [];
  const splits: ClassServiceFeeSplit[] = [];
  const unpaid: UnpaidHoldings[] = [];
  const excesses: AssetsAboveNetAssets[] = [];
  const shortfalls: ServiceFeeShortfall[] = [];

  for (const c of [...classes.values()].sort((a, b) => (a.classKey < b.classKey ? -1 : 1))) {
    const carried = c.holdings.map((h) => carriedAssets(h, dates));
    // SPEC §5: each provider's, and all providers', customers' assets ≤ the class's net assets.
    for (let i = 0; i < dates.length; i++) {
      const na = c.netAssets[i]!;
      if (Number.isNaN(na)) continue;
      let sum = 0;
      let over = false;
      for (const values of carried) {
        const v = values[i]!;
        if (Number.isNaN(v)) continue;
        sum += v;
        if (v > na) over = true;
      }
      if (!over && sum <= na) continue;
      const present: [string, bigint][] = [];
      c.holdings.forEach((h, k) => {
        const v = carried[k]![i]!;
        if (!Number.isNaN(v)) present.push([h.providerId, BigInt(v)]);
      });
      excesses.push(...assetsAboveNetAssets(c.classKey, dates[i]!, BigInt(na), present));
    }

    const accrued = c.netAssets.some((x) => !Number.isNaN(x));
    if (!accrued) {
      const idle = c.holdings
        .filter((_, k) => carried[k]!.some((v) => !Number.isNaN(v)))
        .map((h) => h.providerId);
      if (idle.length > 0)
        unpaid.push({ kind: 'unpaidHoldings', classKey: c.classKey, providerIds: idle.sort() });
      continue;
    }
    let classProviderFees = 0n;
    let paidProviders = 0;
    let providerDays = 0;
    const providerFeesByDay = new Array<number>(dates.length).fill(0);
    c.holdings.forEach((h, k) => {
      const a = agreements.get(h.providerId)!;
      const own = a.ownRateMicroPct;
      const values = carried[k]!;
      const [first, stop] = inForceRange(a, dates);
      const byRate: RateAccumulator[] = [];
      let lastAssets = -1;
      let lastRate = -1;
      let lastFee = 0;
      let lastClassRate = -1;
      let rate = 0;
      for (let i = 0; i < dates.length; i++) {
        const v = values[i]!;
        if (Number.isNaN(v) || i < first || i >= stop || Number.isNaN(c.netAssets[i]!)) continue;
        const classRate = c.rateMicroPct[i]!;
        if (classRate !== lastClassRate) {
          lastClassRate = classRate;
          rate = Number(serviceProviderFeeRate(BigInt(classRate), own));
        }
        if (v !== lastAssets || rate !== lastRate) {
          lastFee = serviceProviderFeeCentsNumber(v, rate, yearDays);
          lastAssets = v;
          lastRate = rate;
        }
        let acc = byRate.find((r) => r.rate === rate);
        if (!acc) {
          acc = { rate, days: 0, dayMask: 0, assetsSum: 0, amount: 0 };
          byRate.push(acc);
        }
        acc.days += 1;
        acc.dayMask |= 1 << i;
        acc.assetsSum += v;
        acc.amount += lastFee;
        providerFeesByDay[i] = providerFeesByDay[i]! + lastFee;
      }
      if (byRate.length === 0) return;
      paidProviders += 1;
      for (const r of byRate) providerDays += r.days;
      // byRate is in the order of the days: the rate that governed first reads first (SPEC §5)
      for (const r of byRate) {
        if (!Number.isSafeInteger(r.assetsSum) || !Number.isSafeInteger(r.amount))
          throw new RangeError(`${h.providerId} ${c.classKey}: monthly sums out of exact range`);
        const assetsSumCents = BigInt(r.assetsSum);
        const amountCents = BigInt(r.amount);
        classProviderFees += amountCents;
        providerFees.push({
          kind: 'providerClassFee',
          providerId: h.providerId,
          classKey: c.classKey,
          month: input.month,
          rateMicroPct: BigInt(r.rate),
          days: r.days,
          assetsSumCents,
          averageDailyAssetsCents: divRoundHalfUp(assetsSumCents, BigInt(r.days)),
          amountCents,
          dayMask: r.dayMask,
        });
      }
    });
    try {
      const retained = distributorServiceFeeShare(
        c.classKey,
        input.month,
        c.serviceFeeCents,
        classProviderFees,
        providerDays,
      );
      splits.push({
        kind: 'classServiceFeeSplit',
        classKey: c.classKey,
        month: input.month,
        classServiceFeeCents: c.serviceFeeCents,
        providerFeesCents: classProviderFees,
        distributorRetainedCents: retained,
        providers: paidProviders,
        providerFeesByDayCents: providerFeesByDay,
      });
    } catch (e) {
      if (e instanceof ServiceFeeShortfall) shortfalls.push(e);
      else throw e;
    }
  }
  if (excesses.length > 0 || shortfalls.length > 0)
    throw new ServiceFeesMonthError(input.month, excesses, shortfalls);
  // by provider and class; a class's lines at two rates stay in the order of their first days
  // (a stable sort of lines pushed day by day)
  providerFees.sort((x, y) =>
    x.providerId !== y.providerId
      ? x.providerId < y.providerId
        ? -1
        : 1
      : x.classKey !== y.classKey
        ? x.classKey < y.classKey
          ? -1
          : 1
        : 0,
  );
  return { month: input.month, providerFees, classes: splits, unpaid };
}
