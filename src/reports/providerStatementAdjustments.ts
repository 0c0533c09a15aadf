/**
 * SPEC §5, §12: a restatement of a closed month (its net assets, or a provider's customers'
 * assets) reaches the payees of its service fees. The month's service fees are computed again by
 * the same rules (each provider's daily amount, what the Distributor keeps of each class); each
 * payee's adjustment per class is its restated amount less what was sealed and any adjustment of
 * that month already reported. Shown on the next month's statements (pure: no I/O).
 */
import { formatCents, parseCents } from '../money/cents.js';
import type { ServiceFeesReport } from './serviceFeesReport.js';

interface AdjustmentAmounts {
  /** the closed month restated */
  readonly month: string;
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly class: string;
  /** as sealed at the month's close */
  readonly original: string;
  /** adjustments of this month already reported by earlier closes */
  readonly previouslyAdjusted: string;
  /** as computed now from the restated data */
  readonly restated: string;
  /** restated − original − previously adjusted */
  readonly difference: string;
}

/** A service provider's adjustment for one class of a restated month. */
export interface ProviderAdjustment extends AdjustmentAmounts {
  readonly providerId: string;
  readonly name: string;
}

/** What the Distributor keeps of one class's service fee, adjusted (SPEC §5). */
export interface DistributorRetainedAdjustment extends AdjustmentAmounts {
  readonly payee: 'Distributor';
  /**
   * Agreement TENTH: a Class B difference by the distributor serving the restated days — the
   * Distributor through E, the Other Distributor after (the classes' `retainedBy`; calc11)
   */
  readonly keptBy?: readonly KeptByAdjustment[];
}

/** One distributor's part of a Class B remainder's adjustment. */
export interface KeptByAdjustment {
  readonly distributor: string;
  readonly role: 'Distributor' | 'Other Distributor';
  readonly difference: string;
}

export interface ServiceFeeAdjustments {
  readonly providers: readonly ProviderAdjustment[];
  readonly distributor: readonly DistributorRetainedAdjustment[];
}

type Report = Pick<ServiceFeesReport, 'month' | 'providers' | 'classes'>;

interface Amounts {
  names: { portfolioId: string; portfolio: string; class: string; providerId?: string; name?: string };
  original: bigint;
  restated: bigint;
  earlier: bigint;
}

/**
 * The adjustments of one restated month: `original` as sealed, `restated` computed now, `earlier`
 * what earlier closes reported for that month. Zero differences are left out.
 * @example DLR-1 AIM Value Fund C: sealed 2,054.79, restated 2,260.29 → +205.50;
 *   the Distributor keeps −130.50 (class +75.00 less the dealer's +205.50)
 */
export function serviceFeeAdjustments(
  original: Report,
  restated: Report,
  earlier: readonly ServiceFeeAdjustments[] = [],
  /** the Distributor's name: a remainder sealed without `retainedBy` was all its own */
  distributor = 'Distributor',
): ServiceFeeAdjustments {
  const month = restated.month;
  const providers = new Map<string, Amounts>();
  const keep = new Map<string, Amounts>();
  const at = (m: Map<string, Amounts>, key: string, names: Amounts['names']) => {
    let a = m.get(key);
    if (!a) {
      a = { names, original: 0n, restated: 0n, earlier: 0n };
      m.set(key, a);
    }
    return a;
  };
  const providerLines = (r: Report) =>
    r.providers.flatMap((p) =>
      p.classes.map((c) => ({
        key: `${p.id}|${c.portfolioId}|${c.class}`,
        names: {
          providerId: p.id,
          name: p.name,
          portfolioId: c.portfolioId,
          portfolio: c.portfolio,
          class: c.class,
        },
        cents: parseCents(c.amount),
      })),
    );
  for (const l of providerLines(original)) at(providers, l.key, l.names).original += l.cents;
  for (const l of providerLines(restated)) at(providers, l.key, l.names).restated += l.cents;
  for (const c of original.classes)
    at(keep, `${c.portfolioId}|${c.class}`, c).original += parseCents(c.distributorRetained);
  for (const c of restated.classes)
    at(keep, `${c.portfolioId}|${c.class}`, c).restated += parseCents(c.distributorRetained);
  for (const e of earlier) {
    for (const p of e.providers)
      if (p.month === month)
        at(providers, `${p.providerId}|${p.portfolioId}|${p.class}`, p).earlier += parseCents(p.difference);
    for (const d of e.distributor)
      if (d.month === month) at(keep, `${d.portfolioId}|${d.class}`, d).earlier += parseCents(d.difference);
  }
  const amounts = (a: Amounts) => ({
    month,
    portfolioId: a.names.portfolioId,
    portfolio: a.names.portfolio,
    class: a.names.class,
    original: formatCents(a.original),
    previouslyAdjusted: formatCents(a.earlier),
    restated: formatCents(a.restated),
    difference: formatCents(a.restated - a.original - a.earlier),
  });
  const changed = (a: Amounts) => a.restated - a.original - a.earlier !== 0n;
  const out: ServiceFeeAdjustments = {
    providers: [...providers.values()].filter(changed).map((a) => ({
      providerId: a.names.providerId!,
      name: a.names.name!,
      ...amounts(a),
    })),
    distributor: [...keep.values()].filter(changed).map((a) => {
      const k = `${a.names.portfolioId}|${a.names.class}`;
      const keptBy = keptByAdjustments(
        original.classes.find((c) => `${c.portfolioId}|${c.class}` === k),
        restated.classes.find((c) => `${c.portfolioId}|${c.class}` === k),
        earlier
          .flatMap((e) => e.distributor)
          .filter((d) => d.month === month && `${d.portfolioId}|${d.class}` === k),
        distributor,
      );
      return { payee: 'Distributor' as const, ...amounts(a), ...(keptBy ? { keptBy } : {}) };
    }),
  };
  // SPEC §12, per class against the class's service fee (the accrual's, not the parts): the
  // payees' adjustments add up to the change in the class's fee, less what was already adjusted.
  const fee = (r: Report) =>
    new Map(r.classes.map((c) => [`${c.portfolioId}|${c.class}`, parseCents(c.serviceFee)]));
  const before = fee(original);
  const now = fee(restated);
  const earlierByClass = new Map<string, bigint>();
  const add = (m: Map<string, bigint>, k: string, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);
  for (const e of earlier)
    for (const x of [...e.providers, ...e.distributor])
      if (x.month === month) add(earlierByClass, `${x.portfolioId}|${x.class}`, parseCents(x.difference));
  const byClass = new Map<string, bigint>();
  for (const x of [...out.providers, ...out.distributor])
    add(byClass, `${x.portfolioId}|${x.class}`, parseCents(x.difference));
  for (const k of new Set([...before.keys(), ...now.keys(), ...byClass.keys()]))
    if ((byClass.get(k) ?? 0n) !== (now.get(k) ?? 0n) - (before.get(k) ?? 0n) - (earlierByClass.get(k) ?? 0n))
      throw new Error(
        `service fees ${month} ${k}: the payees' adjustments do not add up to the change in the class's service fee`,
      );
  return out;
}

/** One provider's adjustments, for its statement. */
export function providerAdjustmentsOf(
  adjustments: ServiceFeeAdjustments | undefined,
  providerId: string,
): ProviderAdjustment[] {
  return (adjustments?.providers ?? []).filter((a) => a.providerId === providerId);
}

/**
 * Agreement TENTH: a Class B remainder's adjustment by the distributor serving its days — restated
 * `retainedBy` less sealed (without it: all the Distributor's) less earlier adjustments (without
 * `keptBy`: all the Distributor's). Undefined when neither version tells the remainder by day.
 */
export function keptByAdjustments(
  original: Report['classes'][number] | undefined,
  restated: Report['classes'][number] | undefined,
  earlier: readonly { readonly difference: string; readonly keptBy?: readonly KeptByAdjustment[] }[],
  distributor: string,
): KeptByAdjustment[] | undefined {
  if (original?.retainedBy === undefined && restated?.retainedBy === undefined) return undefined;
  const m = new Map<string, { role: KeptByAdjustment['role']; cents: bigint }>();
  const add = (name: string, role: KeptByAdjustment['role'], cents: bigint) => {
    const was = m.get(name);
    m.set(name, { role: was?.role ?? role, cents: (was?.cents ?? 0n) + cents });
  };
  const parts = (c: Report['classes'][number] | undefined) =>
    c === undefined
      ? []
      : (c.retainedBy?.map((r) => ({ name: r.distributor, role: r.role, cents: parseCents(r.amount) })) ?? [
          { name: distributor, role: 'Distributor' as const, cents: parseCents(c.distributorRetained) },
        ]);
  for (const r of parts(restated)) add(r.name, r.role, r.cents);
  for (const o of parts(original)) add(o.name, o.role, -o.cents);
  for (const e of earlier)
    for (const k of e.keptBy ?? [{ distributor, role: 'Distributor' as const, difference: e.difference }])
      add(k.distributor, k.role, -parseCents(k.difference));
  return [...m.entries()]
    .filter(([, v]) => v.cents !== 0n)
    .sort(([a, x], [b, y]) =>
      x.role !== y.role ? (x.role === 'Distributor' ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0,
    )
    .map(([name, v]) => ({ distributor: name, role: v.role, difference: formatCents(v.cents) }));
}
