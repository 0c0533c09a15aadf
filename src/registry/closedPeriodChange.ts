import { addDays, monthEnd, monthStart } from '../calendar/isoDate.js';
import type { Registry } from './registry.js';

/** A day of a closed month on which a change would alter the rates that governed. */
export interface ClosedPeriodChange {
  readonly portfolio: string;
  readonly class: string;
  readonly day: string;
  readonly month: string;
  readonly before: string;
  readonly after: string;
}

const NO_INSTRUMENT = 'no instrument';

/**
 * The rates that governed a class on a day, as text ("ABSC 0.75%, service 0.25%"), or null where no
 * instrument did: how a closed month's rates are compared (here) and sealed (the inputs digest).
 */
export function governingRatesText(r: Registry, pid: string, cls: string, day: string): string | null {
  const g = r.governingOn(pid, cls, day);
  return g ? `ABSC ${g.distributionFeePct ?? '—'}%, service ${g.serviceFeePct ?? '—'}%` : null;
}

function ratesOn(r: Registry, pid: string, cls: string, day: string): string {
  return governingRatesText(r, pid, cls, day) ?? NO_INSTRUMENT;
}

/**
 * The first day of a closed month whose governing rates differ between two registries (SPEC §12:
 * a closed month is locked, so an approval, a termination or a setting that would change what
 * governed in it is refused), or null. Rates are constant between the runs' boundaries, so the
 * month's first day and each boundary inside it are enough.
 */
export function closedPeriodChange(
  before: Registry,
  after: Registry,
  closedMonths: ReadonlySet<string>,
  /**
   * a class no instrument governed on the day that one governs after is no change (a document for
   * another fund of the complex, imported after months were closed: exhibit import)
   */
  opts: { newlyGovernedAllowed?: boolean } = {},
): ClosedPeriodChange | null {
  if (closedMonths.size === 0) return null;
  const keys = new Map<string, { portfolioId: string; class: string }>();
  for (const k of [...before.classKeys(), ...after.classKeys()]) keys.set(`${k.portfolioId}|${k.class}`, k);
  const months = [...closedMonths].sort();
  for (const { portfolioId, class: cls } of keys.values()) {
    const points = new Set<string>();
    for (const g of [...before.governing(portfolioId, cls), ...after.governing(portfolioId, cls)]) {
      points.add(g.from);
      if (g.lastDay !== null) points.add(addDays(g.lastDay, 1));
    }
    for (const month of months) {
      const first = monthStart(month);
      const last = monthEnd(month);
      const days = [first, ...[...points].filter((p) => p > first && p <= last)].sort();
      for (const day of days) {
        const b = ratesOn(before, portfolioId, cls, day);
        const a = ratesOn(after, portfolioId, cls, day);
        if (a !== b && !(opts.newlyGovernedAllowed === true && b === NO_INSTRUMENT))
          return {
            portfolio: after.identities.nameOn(portfolioId, day),
            class: cls,
            day,
            month,
            before: b,
            after: a,
          };
      }
    }
  }
  return null;
}

/**
 * The first day of a closed month on which a portfolio both registries know goes by another name
 * (SPEC §2: a rename in a document), or null. A closed month's sealed results name portfolios as
 * they were named then, and its rows are keyed by the identities of then; a document that renames
 * a portfolio on a closed day would change both.
 */
export function closedPeriodRename(
  before: Registry,
  after: Registry,
  closedMonths: ReadonlySet<string>,
): ClosedPeriodChange | null {
  if (closedMonths.size === 0) return null;
  const months = [...closedMonths].sort();
  for (const p of after.identities.portfolios) {
    if (before.identities.get(p.id) === undefined) continue; // a portfolio new to the registry had no rows
    for (const month of months)
      for (let day = monthStart(month); day <= monthEnd(month); day = addDays(day, 1)) {
        const b = before.identities.nameOn(p.id, day);
        const a = after.identities.nameOn(p.id, day);
        if (a !== b)
          return { portfolio: b, class: '—', day, month, before: `named ${b}`, after: `named ${a}` };
      }
  }
  return null;
}

/** A run of days of a closed month that no instrument governed before and one governs after. */
export interface NewlyGovernedSpan {
  readonly portfolioId: string;
  readonly portfolio: string;
  readonly class: string;
  readonly month: string;
  readonly from: string;
  readonly to: string;
  /** the rates that would govern from `from` on */
  readonly after: string;
}

/**
 * The runs of closed days on which a class nothing governed before gains an instrument (SPEC §12:
 * on such a day a class with recorded assets would now accrue fees its sealed month did not), in
 * month and class order.
 */
export function closedPeriodNewlyGoverned(
  before: Registry,
  after: Registry,
  closedMonths: ReadonlySet<string>,
): NewlyGovernedSpan[] {
  const out: NewlyGovernedSpan[] = [];
  if (closedMonths.size === 0) return out;
  const months = [...closedMonths].sort();
  for (const { portfolioId, class: cls } of after.classKeys()) {
    const points = new Set<string>();
    for (const g of [...before.governing(portfolioId, cls), ...after.governing(portfolioId, cls)]) {
      points.add(g.from);
      if (g.lastDay !== null) points.add(addDays(g.lastDay, 1));
    }
    for (const month of months) {
      const first = monthStart(month);
      const last = monthEnd(month);
      const days = [first, ...[...points].filter((p) => p > first && p <= last)].sort();
      for (const [i, day] of days.entries()) {
        const a = ratesOn(after, portfolioId, cls, day);
        if (ratesOn(before, portfolioId, cls, day) !== NO_INSTRUMENT || a === NO_INSTRUMENT) continue;
        const next = days[i + 1];
        out.push({
          portfolioId,
          portfolio: after.identities.nameOn(portfolioId, day),
          class: cls,
          month,
          from: day,
          to: next === undefined ? last : addDays(next, -1),
          after: a,
        });
      }
    }
  }
  return out.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : x.class < y.class ? -1 : 1));
}
