/**
 * `plan12b what-if` (Plan §11; Agreement SEVENTH(B), EIGHTH(E), TENTH): the annual effect of a
 * hypothetical rate on a class's fees and on each payee, recomputed over the recorded year with
 * the rate overridden — the same fee accrual, Monthly Calculation and service-fee computations,
 * run on today's data with nothing written. The rate is taken as governing from the year's first
 * day; a lower Class B distribution fee therefore applies, by EIGHTH(E), only to shares issued on
 * or after that day.
 */

import type { ClassSeries } from '../accrual/classSeries.js';
import { overrideCoverage, type RateOverride } from '../accrual/rateOverride.js';
import { addDays, monthEnd, monthOf, monthStart } from '../calendar/isoDate.js';
import { businessDayAfter } from '../calendar/nyseCalendar.js';
import { Plan12bError } from '../errors.js';
import { formatCents, parseCents } from '../money/cents.js';
import { formatRatePct, parseRateMicroPct } from '../money/rate.js';
import { askedClass } from '../registry/askedClass.js';
import { capsOf, FINRA_MAX_ABSC_MICRO_PCT, FINRA_MAX_SERVICE_FEE_MICRO_PCT } from '../registry/boardRate.js';
import { didYouMeanPortfolio } from '../registry/closestPortfolioName.js';
import { handedOverNameWarnings } from '../registry/nameOverSpan.js';
import type { Registry } from '../registry/registry.js';
import { loadDistributorTerms } from '../store/classBStore.js';
import type { Queryable } from '../store/database.js';
import { netAssetsThrough } from '../store/netAssetsRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { rememberedReads } from '../store/rememberedReads.js';
import { theDistributor } from './distributorShareReport.js';
import { feesReport, loadClassSeries } from './feesReport.js';
import { type ClassCapLedger, classCapLedgers } from './finraCapLedger.js';
import { monthlyCalculationReport } from './monthlyCalculationReport.js';
import { serviceFeesReport } from './serviceFeesReport.js';

export type PayeeRole = 'Distributor' | 'Other Distributor' | 'Assignee' | 'Depository' | 'Service Provider';
export type PayeeComponent = 'distribution fee' | 'service fee' | 'service fee retained';

/** What one payee receives of the class's fees in one month. */
export interface PayeeAmount {
  readonly payee: string;
  readonly role: PayeeRole;
  readonly component: PayeeComponent;
  readonly cents: bigint;
}

export interface BeforeAfter {
  readonly before: string;
  readonly after: string;
  readonly difference: string;
}

export interface WhatIfPayee extends BeforeAfter {
  readonly payee: string;
  readonly role: PayeeRole;
  readonly component: PayeeComponent;
}

export interface WhatIfReport {
  readonly portfolio: string;
  readonly portfolioId: string;
  readonly class: string;
  /** the recorded year the effect is computed over */
  readonly year: { readonly from: string; readonly to: string; readonly basis: string };
  readonly rates: {
    /** in force on the year's last day */
    readonly before: { readonly distributionFeePct: string; readonly serviceFeePct: string };
    readonly after: { readonly distributionFeePct: string; readonly serviceFeePct: string };
  };
  readonly fees: {
    readonly distributionFee: BeforeAfter;
    readonly serviceFee: BeforeAfter;
    readonly totalFee: BeforeAfter;
  };
  readonly payees: readonly WhatIfPayee[];
  /**
   * FINRA Rule 2341 (SPEC §10): the class's aggregate cap at the year's end, as recorded and under
   * the other rate — null when the class has no cap ledger (no gross sales recorded)
   */
  readonly finraCap: {
    readonly remaining: BeforeAfter;
    readonly exhaustedOn: { readonly before: string | null; readonly after: string | null };
  } | null;
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

export interface WhatIfQuery {
  readonly portfolio: string;
  readonly class: string;
  readonly distributionFeePct: string;
  readonly serviceFeePct?: string;
  /** the year is the 12 calendar months before this date's month; default: the last recorded year */
  readonly from?: string;
}

const ROLE_ORDER: readonly PayeeRole[] = [
  'Distributor',
  'Other Distributor',
  'Assignee',
  'Depository',
  'Service Provider',
];
const COMPONENT_ORDER: readonly PayeeComponent[] = [
  'distribution fee',
  'service fee',
  'service fee retained',
];

function beforeAfter(before: bigint, after: bigint): BeforeAfter {
  return { before: formatCents(before), after: formatCents(after), difference: formatCents(after - before) };
}

/**
 * Payees before and after, summed over the year, in a fixed order (role, component, payee); a
 * payee paid on one side only shows 0.00 on the other. Pure.
 */
export function comparePayees(before: readonly PayeeAmount[], after: readonly PayeeAmount[]): WhatIfPayee[] {
  const rows = new Map<string, { p: Omit<PayeeAmount, 'cents'>; before: bigint; after: bigint }>();
  const add = (a: PayeeAmount, side: 'before' | 'after') => {
    const key = `${a.role}|${a.component}|${a.payee}`;
    const r = rows.get(key) ?? {
      p: { payee: a.payee, role: a.role, component: a.component },
      before: 0n,
      after: 0n,
    };
    r[side] += a.cents;
    rows.set(key, r);
  };
  for (const a of before) add(a, 'before');
  for (const a of after) add(a, 'after');
  return [...rows.values()]
    .sort(
      (x, y) =>
        ROLE_ORDER.indexOf(x.p.role) - ROLE_ORDER.indexOf(y.p.role) ||
        COMPONENT_ORDER.indexOf(x.p.component) - COMPONENT_ORDER.indexOf(y.p.component) ||
        (x.p.payee < y.p.payee ? -1 : x.p.payee > y.p.payee ? 1 : 0),
    )
    .map((r) => ({ ...r.p, ...beforeAfter(r.before, r.after) }));
}

/** The months of the year: the 12 before `from`'s month, or the last 12 recorded in full. */
export function whatIfMonths(opts: { from?: string; lastNetAssetsDate: string }): string[] {
  let last: string;
  if (opts.from !== undefined) last = monthOf(addDays(monthStart(monthOf(opts.from)), -1));
  else {
    const m = monthOf(opts.lastNetAssetsDate);
    // a month is recorded in full when no business day of it follows the last row
    last =
      businessDayAfter(opts.lastNetAssetsDate, 1) > monthEnd(m) ? m : monthOf(addDays(monthStart(m), -1));
  }
  const months: string[] = [];
  for (let m = last; months.length < 12; m = monthOf(addDays(monthStart(m), -1))) months.unshift(m);
  return months;
}

/** One month's fees of the class and what each payee receives of them. */
async function monthPayees(
  q: Queryable,
  month: string,
  cls: { portfolioId: string; portfolioName: string; class: string; distributor: string },
  rateOverride: RateOverride | undefined,
  warnings: Set<string>,
  /** the registry the report derived once (the year's reports are read in one snapshot) */
  registry: Registry,
): Promise<{ distributionCents: bigint; serviceCents: bigint; payees: PayeeAmount[] }> {
  const withOverride = rateOverride ? { rateOverride } : {};
  // the month's fees with their days: the class's totals here, and the service fees' days below
  const fees = await feesReport(
    q,
    {
      from: monthStart(month),
      to: monthEnd(month),
      daily: true,
      portfolio: cls.portfolioName,
      class: cls.class,
      ...withOverride,
    },
    { registry },
  );
  for (const w of fees.warnings) warnings.add(w);
  const row = fees.classes.find((c) => c.portfolioId === cls.portfolioId && c.class === cls.class);
  const distributionCents = row ? parseCents(row.distributionFee) : 0n;
  const serviceCents = row ? parseCents(row.serviceFee) : 0n;
  const payees: PayeeAmount[] = [];
  if (distributionCents !== 0n) {
    if (cls.class === 'B') {
      // Agreement EIGHTH(C): the Monthly Calculation says whose each dollar is
      // the month's fees above are the ones the Monthly Calculation accrues for itself (Class B of
      // the portfolio, by day, the same rates): handed to it, not accrued again
      const mc = await monthlyCalculationReport(q, month, {
        ...withOverride,
        portfolio: cls.portfolioName,
        registry,
        fees,
      });
      const calc = mc.portfolios.find((p) => p.portfolioId === cls.portfolioId);
      if (!calc) throw new Error(`what-if ${month}: no Monthly Calculation for ${cls.portfolioId}`);
      for (const p of calc.payees) {
        const cents = parseCents(p.twelveB1);
        if (cents !== 0n) payees.push({ payee: p.payee, role: p.role, component: 'distribution fee', cents });
      }
    } else
      payees.push({
        payee: cls.distributor,
        role: 'Distributor',
        component: 'distribution fee',
        cents: distributionCents,
      });
  }
  if (serviceCents !== 0n) {
    // Plan §4: the service providers' fees, the Distributor keeping the rest
    const sf = await serviceFeesReport(q, month, {
      ...withOverride,
      portfolio: cls.portfolioName,
      class: cls.class,
      registry,
      fees,
    });
    for (const w of sf.warnings) warnings.add(w);
    for (const p of sf.providers)
      for (const l of p.classes)
        if (l.portfolioId === cls.portfolioId && l.class === cls.class && parseCents(l.amount) !== 0n)
          payees.push({
            payee: p.name,
            role: 'Service Provider',
            component: 'service fee',
            cents: parseCents(l.amount),
          });
    const line = sf.classes.find((c) => c.portfolioId === cls.portfolioId && c.class === cls.class);
    const retained = line ? parseCents(line.distributorRetained) : serviceCents;
    if (retained !== 0n)
      payees.push({
        payee: cls.distributor,
        role: 'Distributor',
        component: 'service fee retained',
        cents: retained,
      });
  }
  // SPEC §12: the payees add up to the class's fees, computed apart
  const paid = payees.reduce((s, p) => s + p.cents, 0n);
  if (paid !== distributionCents + serviceCents)
    throw new Error(
      `what-if ${month}: payees receive ${formatCents(paid)} of fees of ${formatCents(distributionCents + serviceCents)}`,
    );
  return { distributionCents, serviceCents, payees };
}

export async function whatIfReport(
  q: Queryable,
  query: WhatIfQuery,
  /** told after each month of the year is computed, before and after (SPEC §11: a progress bar) */
  onMonth?: (done: number, total: number) => void,
): Promise<WhatIfReport> {
  const registry = await loadRegistry(q);
  // SPEC §2: a name handed from one portfolio to another is read as of --from (else its latest
  // bearer), with a warning; each month is then asked for by the name the portfolio bore in it
  const portfolioId =
    query.from === undefined
      ? registry.identities.resolve(query.portfolio)
      : registry.identities.resolveOn(query.portfolio, query.from);
  const nameWarnings = handedOverNameWarnings(registry.identities, query.portfolio, query.from ?? 'today');
  if (portfolioId === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `no portfolio has ever been named ${JSON.stringify(query.portfolio)}`,
      `${didYouMeanPortfolio(registry.identities, query.portfolio)}check the name`,
    );
  // a class no instrument names for the portfolio is a name to check, before its net assets
  askedClass(registry, query.class, { id: portfolioId, name: query.portfolio });
  const rows = await netAssetsThrough(q, { to: '9999-12-31', portfolioId, class: query.class });
  const last = rows.at(-1);
  if (last === undefined)
    throw new Plan12bError(
      'NOT_FOUND',
      `no net assets are recorded for ${query.portfolio} class ${query.class}: there is no recorded year to compute the effect over`,
      'import its net assets with `plan12b net-assets import FILE.csv`',
    );
  const cls = last.class;
  const rate = (value: string, what: string, cap: bigint, capName: string) => {
    let micro: bigint;
    try {
      micro = parseRateMicroPct(value);
    } catch {
      throw new Plan12bError(
        'USAGE',
        `${what} ${JSON.stringify(value)} is not a rate in percent`,
        'e.g. 0.50',
      );
    }
    if (micro > cap)
      throw new Plan12bError(
        'REFUSED',
        `${what} ${formatRatePct(micro)}% is above FINRA Rule 2341's ${capName}`,
        'a 12b-1 rate cannot exceed it',
      );
    return micro;
  };
  const distributionMicro = rate(
    query.distributionFeePct,
    '--distribution-fee',
    FINRA_MAX_ABSC_MICRO_PCT,
    '0.75% asset-based sales charge',
  );
  const serviceMicro =
    query.serviceFeePct === undefined
      ? null
      : rate(query.serviceFeePct, '--service-fee', FINRA_MAX_SERVICE_FEE_MICRO_PCT, '0.25% service fee');
  const months = whatIfMonths({ ...(query.from ? { from: query.from } : {}), lastNetAssetsDate: last.date });
  const from = monthStart(months[0]!);
  const to = monthEnd(months.at(-1)!);
  const governing = registry.governingOn(portfolioId, cls, to);
  if (governing === undefined || governing.distributionFeePct === null || governing.serviceFeePct === null)
    throw new Plan12bError(
      'NOT_FOUND',
      `no instrument with rates covers ${registry.identities.nameOn(portfolioId, to)} class ${cls} on ${to}, the last day of the year ${from} … ${to}`,
      'check the class, or give --from so that the year falls where the class is covered',
    );
  const notes: string[] = [
    `the rates are taken as governing from ${from}, the first day of the recorded year ${from} … ${to}, and every fee, Monthly Calculation and service fee of the year recomputed from today's data; nothing is recorded`,
  ];
  const caps = capsOf(governing.schedule);
  if (caps.distributionFeeMaxMicroPct !== null && distributionMicro > caps.distributionFeeMaxMicroPct)
    notes.push(
      `${formatRatePct(distributionMicro)}% is above ${governing.scheduleName} of ${governing.instrumentTitle} (at most ${formatRatePct(caps.distributionFeeMaxMicroPct)}%): it needs an amendment approved by the Board and, as a material increase (Plan §11), by the class's shareholders`,
    );
  if (
    serviceMicro !== null &&
    caps.serviceFeeMaxMicroPct !== null &&
    serviceMicro > caps.serviceFeeMaxMicroPct
  )
    notes.push(
      `the service fee ${formatRatePct(serviceMicro)}% is above the schedule's ${formatRatePct(caps.serviceFeeMaxMicroPct)}%`,
    );
  if (cls === 'B' && distributionMicro < parseRateMicroPct(governing.distributionFeePct))
    notes.push(
      `Agreement EIGHTH(E): the lower distribution fee applies only to Class B shares issued on or after ${from}; shares issued before keep ${governing.distributionFeePct}% (see the vintages in the Monthly Calculation)`,
    );
  const override: RateOverride = {
    portfolioId,
    class: cls,
    from,
    distributionFeeMicroPct: distributionMicro,
    serviceFeeMicroPct: serviceMicro,
  };
  const distributor = theDistributor(await loadDistributorTerms(q)) ?? 'Distributor';
  const warnings = new Set<string>(nameWarnings);
  let before = { distributionCents: 0n, serviceCents: 0n, payees: [] as PayeeAmount[] };
  let after = { distributionCents: 0n, serviceCents: 0n, payees: [] as PayeeAmount[] };
  const add = (a: typeof before, m: typeof before) => ({
    distributionCents: a.distributionCents + m.distributionCents,
    serviceCents: a.serviceCents + m.serviceCents,
    payees: [...a.payees, ...m.payees],
  });
  for (const [i, month] of months.entries()) {
    const portfolioName = registry.identities.nameOn(portfolioId, monthEnd(month));
    const target = { portfolioId, portfolioName, class: cls, distributor };
    // before and after read the month's same inputs: each asked of the snapshot once, and kept
    // for this month only (a year of Class B ledger reads is not held at once)
    const monthReads = rememberedReads(q);
    before = add(before, await monthPayees(monthReads, month, target, undefined, warnings, registry));
    after = add(after, await monthPayees(monthReads, month, target, override, warnings, registry));
    onMonth?.(i + 1, months.length);
  }
  if (rows[0]!.date > from)
    notes.push(`net assets are recorded from ${rows[0]!.date}: the year has fewer days of fees`);
  const finraCap = await finraCapEffect(q, registry, { portfolioId, class: cls, to }, override);
  return {
    portfolio: registry.identities.nameOn(portfolioId, to),
    portfolioId,
    class: cls,
    year: {
      from,
      to,
      basis: query.from
        ? `the 12 months before ${monthOf(query.from)}`
        : 'the last 12 months recorded in full',
    },
    rates: {
      before: { distributionFeePct: governing.distributionFeePct, serviceFeePct: governing.serviceFeePct },
      after: {
        distributionFeePct: formatRatePct(distributionMicro),
        serviceFeePct: serviceMicro === null ? governing.serviceFeePct : formatRatePct(serviceMicro),
      },
    },
    fees: {
      distributionFee: beforeAfter(before.distributionCents, after.distributionCents),
      serviceFee: beforeAfter(before.serviceCents, after.serviceCents),
      totalFee: beforeAfter(
        before.distributionCents + before.serviceCents,
        after.distributionCents + after.serviceCents,
      ),
    },
    payees: comparePayees(before.payees, after.payees),
    finraCap,
    notes,
    warnings: [...warnings],
  };
}

export const WHAT_IF_COLUMNS = ['payee', 'role', 'component', 'before', 'after', 'difference'] as const;

/**
 * The FINRA 2341 cap of the class at `to`, under the recorded rates and under the override: the
 * remaining amount and the day the asset-based sales charge stopped, if it did. The ledger is the
 * product's own (`classCapLedgers`), fed with the class's accrual under each set of rates.
 */
async function finraCapEffect(
  q: Queryable,
  registry: Registry,
  target: { portfolioId: string; class: string; to: string },
  override: RateOverride,
): Promise<WhatIfReport['finraCap']> {
  const only = { portfolioId: target.portfolioId, class: target.class };
  // the class's net assets read once; the other rate is the same series with its coverage overridden
  const recorded = await loadClassSeries(
    q,
    registry,
    {
      to: target.to,
      portfolio: registry.identities.nameOn(target.portfolioId, target.to),
      class: target.class,
    },
    [],
  );
  const ledgerOf = async (series: readonly ClassSeries[]) =>
    (await classCapLedgers(q, registry, series, monthOf(target.to), only)).find(
      (l) => l.portfolioId === target.portfolioId && l.class === target.class,
    );
  const before = await ledgerOf(recorded);
  if (before === undefined) return null;
  const after = await ledgerOf(
    recorded.map((s) =>
      s.classKey === `${target.portfolioId}|${target.class}`
        ? { ...s, coverage: overrideCoverage(s.coverage, override) }
        : s,
    ),
  );
  const remaining = (l: ClassCapLedger | undefined) => l?.months.at(-1)?.closingCents ?? 0n;
  return {
    remaining: beforeAfter(remaining(before), remaining(after)),
    exhaustedOn: { before: before.exhaustedOn, after: after?.exhaustedOn ?? null },
  };
}
