import { addDays } from '../calendar/isoDate.js';
import { formatRatePct, parseRateMicroPct } from '../money/rate.js';
import type { GoverningEntry } from '../registry/governingEntry.js';
import { type Approval, approvalCovers, approvalOutcome } from './approval.js';

/**
 * Rule 18f-3(f) (DOMAIN §4.3, RECALLED): shares may convert from their purchase class (Class B)
 * into a target class (Class A) only if the target class's expenses, payments under its Rule
 * 12b-1 plan included, are not higher than the purchase class's. plan12b knows the 12b-1 part:
 * the distribution and service fee rates in force on each day (a Board's lower rates, a
 * termination's zero), so a day on which Class A's sum is above Class B's is a day on which the
 * conversion terms fail the rule. Only days on which both classes are governed are compared.
 */
export interface ConversionTargetAbove {
  readonly kind: 'conversionTargetAbove';
  readonly from: string;
  /** last day, or null: while both entries are in force */
  readonly lastDay: string | null;
  /** the 12b-1 rates in force, percent a year: distribution + service = total */
  readonly target: ClassTwelveB1;
  readonly purchase: ClassTwelveB1;
}

export interface ClassTwelveB1 {
  readonly distributionFeePct: string;
  readonly serviceFeePct: string;
  readonly totalPct: string;
  /** where the rates come from: the instrument's title, or "a Board-set rate" */
  readonly source: string;
}

const rate = (pct: string | null) => (pct === null ? 0n : parseRateMicroPct(pct));

function twelveB1Of(g: GoverningEntry): { total: bigint; rates: ClassTwelveB1 } | null {
  // a class none of whose rates is stated accrues nothing plan12b could compare
  if (g.distributionFeePct === null && g.serviceFeePct === null) return null;
  const d = rate(g.distributionFeePct);
  const s = rate(g.serviceFeePct);
  return {
    total: d + s,
    rates: {
      distributionFeePct: formatRatePct(d),
      serviceFeePct: formatRatePct(s),
      totalPct: formatRatePct(d + s),
      source:
        g.stopped !== null ? g.stopped : g.rateSource === 'board' ? 'a Board-set rate' : g.instrumentTitle,
    },
  };
}

const lastOf = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/**
 * The runs of days on which the target class's 12b-1 rates in force add up to more than the
 * purchase class's, adjacent runs with the same rates merged.
 * @example purchase B 0.05 + 0.25 from 2025-01-01, target A 0.10 + 0.25 from 2024-01-02 →
 *   [{ from: '2025-01-01', lastDay: null, target 0.35, purchase 0.30 }]
 */
export function conversionTargetAbove(
  purchase: readonly GoverningEntry[],
  target: readonly GoverningEntry[],
): ConversionTargetAbove[] {
  const out: ConversionTargetAbove[] = [];
  for (const p of purchase) {
    const pr = twelveB1Of(p);
    if (pr === null) continue;
    for (const t of target) {
      const from = p.from > t.from ? p.from : t.from;
      const lastDay = lastOf(p.lastDay, t.lastDay);
      if (lastDay !== null && lastDay < from) continue;
      const tr = twelveB1Of(t);
      if (tr === null || tr.total <= pr.total) continue;
      out.push({ kind: 'conversionTargetAbove', from, lastDay, target: tr.rates, purchase: pr.rates });
    }
  }
  out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: ConversionTargetAbove[] = [];
  for (const r of out) {
    const prev = merged.at(-1);
    if (
      prev !== undefined &&
      prev.lastDay !== null &&
      addDays(prev.lastDay, 1) === r.from &&
      JSON.stringify([prev.target, prev.purchase]) === JSON.stringify([r.target, r.purchase])
    )
      merged[merged.length - 1] = { ...prev, lastDay: r.lastDay };
    else merged.push(r);
  }
  return merged;
}

/** "from 2025-01-01 to 2025-06-30" / "from 2025-01-01 on" */
export function spanWords(r: { from: string; lastDay: string | null }): string {
  return r.lastDay === null ? `from ${r.from} on` : `from ${r.from} to ${r.lastDay}`;
}

/** A target-class increase its shareholders approved and the purchase class's did not. */
export interface TargetIncreaseWithoutPurchaseVote {
  readonly kind: 'targetIncreaseWithoutPurchaseVote';
  readonly documentId: string;
  readonly documentTitle: string;
  readonly effectiveDate: string;
  /** materialIncrease's words: "raises the distribution fee from 0.00% to 0.10% …" */
  readonly increase: string;
  /** the target-class shareholders' carried vote */
  readonly meetingDate: string;
}

/**
 * Rule 18f-3 (DOMAIN §4.3, RECALLED): if the target class's shareholders approve an increase of its
 * 12b-1 expenses and the purchase class's shareholders do not, the shares may not keep converting
 * into that class (the fund must offer a new target class). For each increase of the target class
 * of one portfolio (a version that raises its rates over those in force the day before, Plan §11),
 * the first carried target-class shareholder vote on the document, unless a carried purchase-class
 * shareholder vote on the same document covers the portfolio too (a vote of every class covers both).
 */
export function targetIncreasesWithoutPurchaseVote(
  portfolioId: string,
  classes: { readonly purchase: string; readonly target: string },
  increases: readonly {
    readonly documentId: string;
    readonly documentTitle: string;
    readonly effectiveDate: string;
    readonly increase: string;
  }[],
  approvals: readonly Approval[],
): TargetIncreaseWithoutPurchaseVote[] {
  const carriedBy = (documentId: string, cls: string) =>
    approvals
      .filter(
        (a) =>
          a.body === 'shareholders' &&
          a.documentId === documentId &&
          approvalCovers(a, portfolioId, cls) &&
          approvalOutcome(a.vote, a).approved,
      )
      .sort((a, b) => (a.meetingDate < b.meetingDate ? -1 : a.meetingDate > b.meetingDate ? 1 : 0));
  const out: TargetIncreaseWithoutPurchaseVote[] = [];
  for (const inc of increases) {
    const target = carriedBy(inc.documentId, classes.target)[0];
    if (target === undefined || carriedBy(inc.documentId, classes.purchase).length > 0) continue;
    out.push({ kind: 'targetIncreaseWithoutPurchaseVote', ...inc, meetingDate: target.meetingDate });
  }
  return out;
}

/** What conversionTargetAbove needs of the registry (registry/registry.ts). */
export interface ConversionClassesView {
  classKeys(): readonly { portfolioId: string; class: string }[];
  governing(portfolioId: string, shareClass: string): readonly GoverningEntry[];
}

/** The runs on which a portfolio's Class A 12b-1 rates in force are above its Class B's ([] without both). */
export function classAAboveClassB(
  registry: ConversionClassesView,
  portfolioId: string,
): ConversionTargetAbove[] {
  const keys = registry.classKeys();
  const classOf = (cls: string) =>
    keys.find((k) => k.portfolioId === portfolioId && k.class.toUpperCase() === cls)?.class;
  const b = classOf('B');
  const a = classOf('A');
  if (b === undefined || a === undefined) return [];
  return conversionTargetAbove(registry.governing(portfolioId, b), registry.governing(portfolioId, a));
}

/** "0.35% a year: 0.10% distribution + 0.25% service, Master Distribution Plan" */
export function twelveB1Words(x: ClassTwelveB1): string {
  return `${x.totalPct}% a year: ${x.distributionFeePct}% distribution + ${x.serviceFeePct}% service, ${x.source}`;
}
