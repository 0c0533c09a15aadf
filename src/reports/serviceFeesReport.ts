/**
 * `plan12b service-fees --month` (SPEC §5; Plan §4, §10): what each service provider is paid for
 * the month, per class, and what the Distributor keeps of each class's service fee — computed by
 * src/service-fees from the SPEC §4 accrual's daily service fees, the recorded Service Agreements
 * and the providers' customers' assets. Payment date: the 10th NYSE business day after month end.
 */
import type { RateOverride } from '../accrual/rateOverride.js';
import { distributorStretches, servingDistributorIn } from '../allocation/exclusivePeriods.js';
import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { businessDayAfter } from '../calendar/nyseCalendar.js';
import { Plan12bError } from '../errors.js';
import { formatCents, parseCents } from '../money/cents.js';
import { formatRatePct, parseRateMicroPct } from '../money/rate.js';
import type { Registry } from '../registry/registry.js';
import type { ClassServiceDay } from '../service-fees/classServiceDay.js';
import { computeMonthlyServiceFees, type ServiceFeesMonth } from '../service-fees/monthlyServiceFees.js';
import { describeAssetsAboveNetAssets } from '../service-fees/providerAssetsLimit.js';
import { holdingEndCostsAFee } from '../service-fees/providerHoldingEnd.js';
import { providerIdentity } from '../service-fees/providerIdentity.js';
import { type ServiceAgreement, terminationEffectiveDate } from '../service-fees/serviceAgreement.js';
import {
  describeUnapprovedServiceDays,
  unapprovedServiceDays,
} from '../service-fees/serviceAgreementApproval.js';
import { ServiceFeesMonthError } from '../service-fees/serviceFeesMonthError.js';
import { loadDistributorTerms } from '../store/classBStore.js';
import type { Queryable } from '../store/database.js';
import { loadProviderHoldings } from '../store/providerAssetsRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { restatedMonthsReportedIn, sealedPart, sealedPartsAfter } from '../store/sealedResultsRepository.js';
import { loadServiceAgreements } from '../store/serviceProvidersRepository.js';
import { serviceFeeParts } from '../transfers/serviceFeeParts.js';
import { theDistributor } from './distributorShareReport.js';
import { type FeesReport, feesReport } from './feesReport.js';
import { providerAmountDue } from './providerStatement.js';
import { type ServiceFeeAdjustments, serviceFeeAdjustments } from './providerStatementAdjustments.js';

/** SPEC §8 convention for payments: the 10th NYSE business day after month end. */
export const PAYMENT_BUSINESS_DAYS = 10;

export interface ClassNames {
  readonly portfolio: string;
  readonly portfolioId: string;
  readonly class: string;
}

/** One line of a provider's statement: one class (and rate, if it changed in the month). */
export interface ProviderClassLine extends ClassNames {
  readonly days: number;
  readonly averageDailyNetAssets: string;
  readonly ratePct: string;
  readonly amount: string;
}

export interface ProviderMonth {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
  readonly exhibit: string;
  readonly agreement: string;
  readonly agreementDate: string;
  readonly ownRatePct: string | null;
  readonly terminationEffective: string | null;
  readonly amount: string;
  readonly classes: ProviderClassLine[];
}

export interface ClassServiceFeeLine extends ClassNames {
  readonly serviceFee: string;
  readonly providerFees: string;
  readonly distributorRetained: string;
  readonly providers: number;
  /**
   * Agreement TENTH (not surviving E, FIFTEENTH(B)): a Class B class's `distributorRetained` by
   * the distributor serving its days — the Distributor through its term end E, the Other
   * Distributor after — each day's service fee less that day's provider fees (Class B with
   * distributor terms recorded only)
   */
  readonly retainedBy?: readonly RetainedBy[];
}

/** What one distributor keeps of a Class B service fee, over a run of days it served. */
export interface RetainedBy {
  readonly distributor: string;
  readonly role: 'Distributor' | 'Other Distributor';
  readonly from: string;
  readonly to: string;
  readonly days: number;
  readonly amount: string;
}

export interface ServiceFeesReport {
  readonly month: string;
  readonly paymentDate: string;
  readonly providers: ProviderMonth[];
  readonly classes: ClassServiceFeeLine[];
  readonly totals: { serviceFee: string; providerFees: string; distributorRetained: string };
  /**
   * SPEC §12: restatements of closed months reported this month, per provider and class and what
   * the Distributor keeps (absent in reports sealed before it existed).
   */
  readonly priorPeriodAdjustments?: ServiceFeeAdjustments;
  readonly warnings: string[];
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Statement order: portfolio name, class (plain code-point order: stable across locales); a class's
 * lines at two rates of the month keep the order of the days, the earlier rate first (a stable sort
 * of the lines as computed, SPEC §5: a monthly statement reads in time).
 */
function byPortfolioClass(x: ClassNames, y: ClassNames): number {
  return compare(x.portfolio, y.portfolio) || compare(x.class, y.class);
}

function inForceDuring(a: ServiceAgreement, from: string, to: string): boolean {
  const end = terminationEffectiveDate(a);
  return a.agreementDate <= to && (end === null || end > from);
}

function providerMonthOf(
  a: ServiceAgreement,
  amountCents: bigint,
  classes: ProviderClassLine[],
): ProviderMonth {
  return {
    ...providerIdentity(a),
    terminationEffective: terminationEffectiveDate(a),
    amount: formatCents(amountCents),
    classes,
  };
}

/**
 * Shapes a computed month for people and files (pure). Providers listed: every one paid, and every
 * one whose agreement was in force on some day of the month (paid 0.00 when its customers held
 * nothing); classes: every class that accrued a service fee.
 */
export function serviceFeesReportOf(
  result: ServiceFeesMonth,
  agreements: readonly ServiceAgreement[],
  namesOf: (classKey: string) => ClassNames,
  warnings: string[] = [],
): ServiceFeesReport {
  const from = monthStart(result.month);
  const to = monthEnd(result.month);
  const linesByProvider = new Map<string, ProviderClassLine[]>();
  const amountByProvider = new Map<string, bigint>();
  for (const f of result.providerFees) {
    const list = linesByProvider.get(f.providerId) ?? [];
    list.push({
      ...namesOf(f.classKey),
      days: f.days,
      averageDailyNetAssets: formatCents(f.averageDailyAssetsCents),
      ratePct: formatRatePct(f.rateMicroPct),
      amount: formatCents(f.amountCents),
    });
    linesByProvider.set(f.providerId, list);
    amountByProvider.set(f.providerId, (amountByProvider.get(f.providerId) ?? 0n) + f.amountCents);
  }
  const providers: ProviderMonth[] = agreements
    .filter((a) => linesByProvider.has(a.providerId) || inForceDuring(a, from, to))
    .map((a) =>
      providerMonthOf(
        a,
        amountByProvider.get(a.providerId) ?? 0n,
        (linesByProvider.get(a.providerId) ?? []).sort(byPortfolioClass),
      ),
    );
  let serviceFee = 0n;
  let providerFees = 0n;
  let retained = 0n;
  const classes = result.classes.map((c) => {
    serviceFee += c.classServiceFeeCents;
    providerFees += c.providerFeesCents;
    retained += c.distributorRetainedCents;
    return {
      ...namesOf(c.classKey),
      serviceFee: formatCents(c.classServiceFeeCents),
      providerFees: formatCents(c.providerFeesCents),
      distributorRetained: formatCents(c.distributorRetainedCents),
      providers: c.providers,
    };
  });
  classes.sort(byPortfolioClass);
  let paid = 0n;
  for (const p of providers) paid += parseCents(p.amount);
  if (paid !== providerFees || providerFees + retained !== serviceFee)
    throw new Error(`service fees ${result.month}: totals do not reconcile`);
  for (const u of result.unpaid) {
    const n = namesOf(u.classKey);
    warnings.push(
      `${n.portfolio} class ${n.class}: ${u.providerIds.join(', ')} reported customers' assets but the class accrued no service fee in ${result.month}; nothing paid`,
    );
  }
  return {
    month: result.month,
    paymentDate: businessDayAfter(to, PAYMENT_BUSINESS_DAYS),
    providers,
    classes,
    totals: {
      serviceFee: formatCents(serviceFee),
      providerFees: formatCents(providerFees),
      distributorRetained: formatCents(retained),
    },
    warnings,
  };
}

const MAX_LISTED = 5;

function monthErrorOf(e: ServiceFeesMonthError, namesOf: (classKey: string) => ClassNames): Plan12bError {
  const label = (classKey: string) => {
    const n = namesOf(classKey);
    return `${n.portfolio} class ${n.class}`;
  };
  const lines = [
    ...e.excesses.map((v) => describeAssetsAboveNetAssets(v, label(v.classKey))),
    ...e.shortfalls.map(
      (s) =>
        `${label(s.classKey)} ${s.month}: provider fees ${formatCents(s.providerFeesCents)} exceed the class's service fee ${formatCents(s.classServiceFeeCents)}; the Distributor's part would be ${formatCents(s.classServiceFeeCents - s.providerFeesCents)}`,
    ),
  ];
  const more = lines.length > MAX_LISTED ? ` (and ${lines.length - MAX_LISTED} more)` : '';
  return new Plan12bError(
    'BAD_INPUT',
    `service fees for ${e.month} cannot be paid: ${lines.slice(0, MAX_LISTED).join('; ')}${more}`,
    e.excesses.length > 0
      ? "correct the provider assets (`plan12b provider-assets import --restate`) or the class's net assets, then run again"
      : "check the providers' assets in that class against its net assets; providers holding nearly all of a class can be paid more, by rounding, than the class's fee",
  );
}

/**
 * SPEC §12: the service-fee adjustments a month reports — each closed month whose net assets or
 * providers' assets were restated (not yet reported, or reported by this month's own close),
 * computed again, per payee and class, less what was sealed and what earlier closes adjusted.
 * Pending restatements belong to the next month to close.
 */
export async function priorPeriodServiceFeeAdjustments(
  q: Queryable,
  month: string,
): Promise<ServiceFeeAdjustments> {
  const providers: ServiceFeeAdjustments['providers'][number][] = [];
  const distributor: ServiceFeeAdjustments['distributor'][number][] = [];
  const months = new Set([
    ...(await restatedMonthsReportedIn(q, month, 'net_assets_restatement')),
    ...(await restatedMonthsReportedIn(q, month, 'provider_assets_restatement')),
    ...(await restatedMonthsReportedIn(q, month, 'exhibit_withdrawal_restatement')),
  ]);
  for (const p of [...months].sort()) {
    const sealed = (await sealedPart(q, p, 'service-fees')) as ServiceFeesReport | undefined;
    if (sealed === undefined) continue; // its close sealed no service fees: nothing to compare
    const earlier = (await sealedPartsAfter(q, p, 'service-fees'))
      .filter((x) => x.month < month)
      .flatMap((x) => (x.content as ServiceFeesReport).priorPeriodAdjustments ?? []);
    const a = serviceFeeAdjustments(
      sealed,
      await serviceFeesReport(q, p, { withAdjustments: false }),
      earlier,
      theDistributor(await loadDistributorTerms(q)) ?? 'Distributor',
    );
    providers.push(...a.providers);
    distributor.push(...a.distributor);
  }
  return { providers, distributor };
}

/** The month, from the store. */
export async function serviceFeesReport(
  q: Queryable,
  month: string,
  opts: {
    /** `plan12b what-if`: a hypothetical rate, and only the class it is about */
    rateOverride?: RateOverride;
    portfolio?: string;
    class?: string;
    /** false: without the prior-period adjustments (a restated month computed again) */
    withAdjustments?: boolean;
    /** the registry and the month's daily fees when already computed (a month close computes them once) */
    registry?: Registry;
    fees?: FeesReport;
  } = {},
): Promise<ServiceFeesReport> {
  const from = monthStart(month);
  const to = monthEnd(month);
  const registry = opts.registry ?? (await loadRegistry(q));
  const fees =
    opts.fees ??
    (await feesReport(
      q,
      {
        from,
        to,
        daily: true,
        ...(opts.rateOverride ? { rateOverride: opts.rateOverride } : {}),
        ...(opts.portfolio ? { portfolio: opts.portfolio } : {}),
        ...(opts.class ? { class: opts.class } : {}),
      },
      { registry },
    ));
  const classDays: ClassServiceDay[] = (fees.daily ?? []).map((d) => ({
    classKey: `${d.portfolioId}|${d.class}`,
    date: d.date,
    netAssetsCents: parseCents(d.netAssets),
    serviceFeeMicroPct: parseRateMicroPct(d.serviceFeePct),
    serviceFeeCents: parseCents(d.serviceFee),
  }));
  const agreements = await loadServiceAgreements(q);
  const loaded = await loadProviderHoldings(q, registry, from, to);
  // a feed that stopped is told only where it can cost the provider a fee
  const warnings = loaded.ended
    .filter((end) => holdingEndCostsAFee(end, agreements, classDays))
    .map((end) => end.warning);
  const selected = new Set(fees.classes.map((c) => `${c.portfolioId}|${c.class}`));
  const holdings =
    opts.portfolio || opts.class ? loaded.holdings.filter((h) => selected.has(h.classKey)) : loaded.holdings;
  const namesOf = (classKey: string): ClassNames => {
    const [portfolioId, cls] = classKey.split('|') as [string, string];
    return { portfolio: registry.identities.nameOn(portfolioId, to), portfolioId, class: cls };
  };
  let result: ServiceFeesMonth;
  try {
    result = computeMonthlyServiceFees({ month, classDays, agreements, holdings });
  } catch (e) {
    if (e instanceof ServiceFeesMonthError) throw monthErrorOf(e, namesOf);
    throw e;
  }
  // The class's service fee is the SPEC §4 accrual's, to the cent.
  const monthly = new Map(fees.classes.map((c) => [`${c.portfolioId}|${c.class}`, parseCents(c.serviceFee)]));
  for (const c of result.classes)
    if (monthly.get(c.classKey) !== c.classServiceFeeCents)
      throw new Error(`service fees ${month}: class ${c.classKey} does not match the fees report`);
  // Plan §6: days paid under a Service Agreement no carried Board approval had made effective —
  // told once the fund records its approvals in plan12b (as the schedule's lapse warnings are)
  const approvals = registry.governance.approvals;
  if (approvals.length > 0) {
    const label = (classKey: string) => {
      const n = namesOf(classKey);
      return `${n.portfolio} class ${n.class}`;
    };
    for (const u of unapprovedServiceDays(result, agreements, approvals))
      warnings.push(describeUnapprovedServiceDays(u, label));
  }
  const report = await withRetainedBy(
    q,
    serviceFeesReportOf(result, agreements, namesOf, [...fees.warnings, ...warnings]),
    result,
    classDays,
  );
  // a hypothetical (what-if) or one-class report shows no restatements
  if (opts.withAdjustments === false || opts.rateOverride || opts.portfolio || opts.class) return report;
  return withAdjustedProviders(
    { ...report, priorPeriodAdjustments: await priorPeriodServiceFeeAdjustments(q, month) },
    agreements,
  );
}

/**
 * Agreement TENTH: who keeps each Class B class's remainder — each day's service fee less that
 * day's provider fees goes to the distributor serving the day (serviceFeeParts: the Distributor
 * through E, the Other Distributor after). Nothing changes when no distributor terms are recorded.
 */
async function withRetainedBy(
  q: Queryable,
  report: ServiceFeesReport,
  result: ServiceFeesMonth,
  classDays: readonly ClassServiceDay[],
): Promise<ServiceFeesReport> {
  const classB = result.classes.filter((c) => c.classKey.split('|')[1]!.toUpperCase() === 'B');
  if (classB.length === 0) return report;
  const terms = await loadDistributorTerms(q);
  if (terms.length === 0) return report;
  const distributor = theDistributor(terms) ?? 'Distributor';
  const by = new Map<string, RetainedBy[]>();
  for (const c of classB) {
    const stretches = distributorStretches(terms, c.classKey.split('|')[0]!);
    const days = classDays
      .filter((d) => d.classKey === c.classKey)
      .map((d) => ({
        date: d.date,
        cents: d.serviceFeeCents - BigInt(c.providerFeesByDayCents?.[Number(d.date.slice(8, 10)) - 1] ?? 0),
      }));
    const parts = serviceFeeParts(
      days,
      (date) => servingDistributorIn(stretches, distributor, date).distributor,
      distributor,
    );
    // SPEC §12: the days' remainders add up to what is kept of the class's fee
    if (parts.reduce((s, p) => s + p.cents, 0n) !== c.distributorRetainedCents)
      throw new Error(`service fees ${result.month}: class ${c.classKey}'s remainder by day does not add up`);
    by.set(
      c.classKey,
      parts.map((p) => ({
        distributor: p.distributor,
        role: p.role,
        from: p.from,
        to: p.to,
        days: p.days,
        amount: formatCents(p.cents),
      })),
    );
  }
  return {
    ...report,
    classes: report.classes.map((c) => {
      const r = by.get(`${c.portfolioId}|${c.class}`);
      return r === undefined ? c : { ...c, retainedBy: r };
    }),
  };
}

/**
 * SPEC §12: a restatement is "split among the same parties as the original amounts (… each
 * service provider)". A provider owed (or owing) a prior-period adjustment is listed this month
 * even when its agreement has since ended — month's fees 0.00, no classes — so its statement and
 * its payment carry the adjustment (pure).
 */
export function withAdjustedProviders(
  report: ServiceFeesReport,
  agreements: readonly ServiceAgreement[],
): ServiceFeesReport {
  const adjusted = new Set((report.priorPeriodAdjustments?.providers ?? []).map((a) => a.providerId));
  const listed = new Map(report.providers.map((p) => [p.id, p]));
  if ([...adjusted].every((id) => listed.has(id))) return report;
  const providers = agreements
    .filter((a) => listed.has(a.providerId) || adjusted.has(a.providerId))
    .map((a) => listed.get(a.providerId) ?? providerMonthOf(a, 0n, []));
  return { ...report, providers };
}

/** What the payments file pays in all: its lines' amounts, prior-period adjustments included. */
export function paymentsTotal(report: ServiceFeesReport): string {
  return formatCents(paymentLines(report).reduce((s, l) => s + parseCents(l.amount), 0n));
}

export const PAYMENT_COLUMNS = ['provider_id', 'name', 'kind', 'month', 'amount', 'pay_date'] as const;

/**
 * The payments file: one line per provider paid a non-zero amount — the month's fees plus the
 * prior-period adjustments on its statement (SPEC §12: restatements reach the payees).
 */
export function paymentLines(report: ServiceFeesReport): Record<(typeof PAYMENT_COLUMNS)[number], string>[] {
  return report.providers
    .map((p) => ({ p, due: providerAmountDue(report, p) }))
    .filter(({ due }) => parseCents(due) !== 0n)
    .map(({ p, due }) => ({
      provider_id: p.id,
      name: p.name,
      kind: p.kind,
      month: report.month,
      amount: due,
      pay_date: report.paymentDate,
    }));
}
