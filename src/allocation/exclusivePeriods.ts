import { addDays, monthEnd, monthOf } from '../calendar/isoDate.js';
import { type DistributorTerm, distributorTermOn, rightsHolder } from '../class-b/distributorTerm.js';

/**
 * Exhibit A (opening paragraph): the Distributor's 12b-1 Share "shall be 100 percent until such
 * time as the Distributor shall cease to serve as exclusive distributor of the Shares of such
 * Portfolio and thereafter shall be a percentage, recomputed first on the date of any termination
 * … and thereafter periodically (but not less than monthly)". SPEC §7.
 *
 * A portfolio's days are cut, by its distributors' terms, into stretches each held by one
 * exclusive distributor (its rights holder: a predecessor whose rights were assigned counts as its
 * assignee, NINETEENTH) or by no one (a gap between terms). From them:
 * - the Distributor's exclusive periods (100%);
 * - before its first one, the predecessor then exclusive (whose rights it does not hold) takes the
 *   fees of its own term — the Distributor was not yet distributor;
 * - each end of an exclusive period is a termination date E: Exhibit A is computed on E and on
 *   every later month end until the Distributor is exclusive again. A gap after E is not
 *   exclusivity: the Distributor ceased to serve on E.
 */
export interface Stretch {
  readonly from: string;
  /** null: open-ended */
  readonly to: string | null;
  /** the rights holder of the exclusive distributor, or null when no term holds these days */
  readonly holder: string | null;
}

/** Whether `date` is one of the stretch's days. */
export function inStretch(stretch: Stretch, date: string): boolean {
  return date >= stretch.from && (stretch.to === null || date <= stretch.to);
}

/** The portfolio's stretches from the first term's start; empty when no term applies to it. */
export function distributorStretches(terms: readonly DistributorTerm[], portfolioId: string): Stretch[] {
  const boundaries = new Set<string>();
  for (const t of terms) {
    if (t.portfolioId !== null && t.portfolioId !== portfolioId) continue;
    boundaries.add(t.start);
    if (t.end !== null) boundaries.add(addDays(t.end, 1));
  }
  const sorted = [...boundaries].sort();
  const out: { from: string; to: string | null; holder: string | null }[] = [];
  sorted.forEach((b, i) => {
    const term = distributorTermOn(terms, portfolioId, b);
    const holder = term === undefined ? null : rightsHolder(terms, term.distributor);
    const to = i + 1 < sorted.length ? addDays(sorted[i + 1]!, -1) : null;
    const last = out.at(-1);
    if (last !== undefined && last.holder === holder) last.to = to;
    else out.push({ from: b, to, holder });
  });
  // the day after the last term ended, when no one followed, is an open gap
  return out;
}

export interface ExclusivePeriod {
  readonly from: string;
  readonly to: string | null;
}

/**
 * Who takes 100% of the fees on `date` with no Exhibit A computation: the Distributor in its
 * exclusive periods (and for a portfolio no term names, as before any term is recorded), the
 * predecessor then exclusive before the Distributor first was; null when a computation governs.
 */
export function exclusiveHolderOn(
  terms: readonly DistributorTerm[],
  portfolioId: string,
  distributor: string,
  date: string,
): string | null {
  return exclusiveHolderIn(distributorStretches(terms, portfolioId), distributor, date);
}

/** {@link exclusiveHolderOn} from the portfolio's stretches, when already cut. */
export function exclusiveHolderIn(
  stretches: readonly Stretch[],
  distributor: string,
  date: string,
): string | null {
  if (stretches.length === 0) return distributor;
  const firstOwn = stretches.find((s) => s.holder === distributor);
  if (firstOwn === undefined || date < firstOwn.from) {
    // not yet the Distributor's: the exclusive distributor of the day (no one: the first term's holder)
    if (date < stretches[0]!.from) return stretches[0]!.holder ?? distributor;
    const s = stretches.find((x) => x.from <= date && (x.to === null || date <= x.to))!;
    return s.holder ?? distributor;
  }
  const s = stretches.find((x) => x.from <= date && (x.to === null || date <= x.to))!;
  return s.holder === distributor ? distributor : null;
}

/** The Distributor's exclusive periods for the portfolio (merged stretches it holds). */
export function exclusivePeriods(
  terms: readonly DistributorTerm[],
  portfolioId: string,
  distributor: string,
): ExclusivePeriod[] {
  return distributorStretches(terms, portfolioId)
    .filter((s) => s.holder === distributor)
    .map((s) => ({ from: s.from, to: s.to }));
}

/**
 * The Exhibit A computation dates through `through`: each termination date E (the end of an
 * exclusive period) and every later month end before the Distributor is exclusive again.
 * `terminations` are the E among them (2(c) starts its month-by-month attribution afresh on each).
 */
export function exhibitAComputationDates(
  terms: readonly DistributorTerm[],
  portfolioId: string,
  distributor: string,
  through: string,
): { exclusiveThrough: string | null; dates: string[]; terminations: string[] } {
  const periods = exclusivePeriods(terms, portfolioId, distributor);
  const dates: string[] = [];
  const terminations: string[] = [];
  periods.forEach((p, i) => {
    if (p.to === null || p.to > through) return;
    const next = periods[i + 1]?.from ?? null;
    dates.push(p.to);
    terminations.push(p.to);
    for (let m = monthEnd(monthOf(p.to)); m <= through; m = monthEnd(monthOf(addDays(m, 1))))
      if (m > p.to && (next === null || m < addDays(next, -1))) dates.push(m);
  });
  return { exclusiveThrough: periods[0]?.to ?? null, dates, terminations };
}

/**
 * Days with no exclusive distributor between terms (SPEC §6: a DOI there is in no one's term). Exhibit
 * A 2(a) allocates Commission Shares "to the Distributor and each Other Distributor" by who was
 * exclusive on their DOI: shares issued in a gap are allocated to no one, and the Agreement says not
 * whose fees they carry.
 */
export function termGaps(terms: readonly DistributorTerm[], portfolioId: string): ExclusivePeriod[] {
  return distributorStretches(terms, portfolioId)
    .filter((s) => s.holder === null)
    .map((s) => ({ from: s.from, to: s.to }));
}

/**
 * Agreement TENTH: the distributor serving the portfolio's Class B shares on `date` — the rights
 * holder of the exclusive distributor whose term holds the day (before the first term, the first
 * term's). TENTH's service fee is paid for that distributor's services; it is not among the
 * provisions FIFTEENTH(B) makes survive a termination, so after the Distributor's term ends on E it
 * is the Other Distributor's. A day no term holds (a gap, or no term recorded for the portfolio)
 * stays with the Distributor, `gap` saying so (a term for it is most likely missing: SECOND).
 * @example stretches AIM 2000-01-03–2012-03-15, Beacon from 2012-03-16: 2012-03-16 → Beacon
 */
export function servingDistributorIn(
  stretches: readonly Stretch[],
  distributor: string,
  date: string,
): { readonly distributor: string; readonly gap: boolean } {
  if (stretches.length === 0) return { distributor, gap: false };
  const s = date < stretches[0]!.from ? stretches[0]! : stretches.find((x) => inStretch(x, date));
  if (s === undefined || s.holder === null) return { distributor, gap: true };
  return { distributor: s.holder, gap: false };
}
