import { addDays } from '../calendar/isoDate.js';
import { formatRatePct, MICRO_PCT_PER_PCT, parseRateMicroPct } from '../money/rate.js';
import { appliesToPortfolio, doiInRange, inForceOn, type Transfer } from './transfer.js';

/**
 * Agreement EIGHTH(A): the Distributor can Transfer at most all of its 12b-1 Share and of its
 * Earned CDSC. A span of days on which the Transfers in force for one portfolio (and, for
 * Transfers limited to a DOI range, for one Date of Original Issuance) add up to more than 100%.
 */
export interface OverAssignment {
  readonly kind: 'over-assignment';
  /** the portfolio, or null where Transfers of all portfolios alone exceed the whole */
  readonly portfolioId: string | null;
  readonly portion: 'twelveB1' | 'cdsc';
  readonly from: string;
  /** the last day of the span, or null while it lasts */
  readonly through: string | null;
  /** the earliest DOI at which the sum is reached, or null for every DOI */
  readonly doi: string | null;
  /** the largest sum in the span, in micro-percent */
  readonly totalMicroPct: bigint;
  readonly transferIds: readonly string[];
}

const WHOLE = 100n * MICRO_PCT_PER_PCT;

const pctOf = (t: Transfer, portion: OverAssignment['portion']) =>
  portion === 'twelveB1' ? t.twelveB1PortionPct : t.cdscPortionPct;

/** The largest sum of the portions in force on one day, over the DOIs the Transfers name. */
function worstOn(transfers: readonly Transfer[], portion: OverAssignment['portion'], date: string) {
  const inForce = transfers.filter((t) => pctOf(t, portion) !== null && inForceOn(t, date));
  let worst = { total: 0n, doi: null as string | null, ids: [] as string[] };
  // A sum only rises where a DOI range begins, so those DOIs (and "any DOI") are the ones to try.
  for (const doi of [null, ...new Set(inForce.flatMap((t) => t.doiFrom ?? []).sort())]) {
    const holding = inForce.filter((t) => (doi === null ? t.doiFrom === null : doiInRange(t, doi)));
    const total = holding.reduce((s, t) => s + parseRateMicroPct(pctOf(t, portion)!), 0n);
    if (total > worst.total) worst = { total, doi, ids: holding.map((t) => t.id) };
  }
  return worst;
}

/**
 * Every span in which Transfers assign more than the whole, per portfolio and portion. The sums
 * change only on a Transfer's effective date or end, so those are the days examined.
 * @example overAssignments([60% of all from 2004-01-01, 50% of P from 2004-06-16])
 *   → [{ portfolioId: 'P', portion: 'twelveB1', from: '2004-06-16', through: null, totalMicroPct: 110% }]
 */
export function overAssignments(transfers: readonly Transfer[]): OverAssignment[] {
  const out: OverAssignment[] = [];
  const portfolios = [
    null,
    ...new Set(transfers.flatMap((t) => (t.portfolioId === null ? [] : [t.portfolioId]))),
  ];
  for (const portfolioId of portfolios) {
    const relevant =
      portfolioId === null
        ? transfers.filter((t) => t.portfolioId === null)
        : transfers.filter((t) => appliesToPortfolio(t, portfolioId));
    const dates = [
      ...new Set(relevant.flatMap((t) => [t.effectiveDate, ...(t.endsOn ? [t.endsOn] : [])])),
    ].sort();
    for (const portion of ['twelveB1', 'cdsc'] as const) {
      let span: { from: string; doi: string | null; total: bigint; ids: Set<string> } | null = null;
      const close = (through: string | null) => {
        // Transfers of all portfolios alone are reported once, not once per portfolio.
        if (
          span &&
          (portfolioId === null || relevant.some((t) => t.portfolioId !== null && span!.ids.has(t.id)))
        )
          out.push({
            kind: 'over-assignment',
            portfolioId,
            portion,
            from: span.from,
            through,
            doi: span.doi,
            totalMicroPct: span.total,
            transferIds: [...span.ids].sort(),
          });
        span = null;
      };
      for (const date of dates) {
        const worst = worstOn(relevant, portion, date);
        if (worst.total <= WHOLE) {
          close(addDays(date, -1));
          continue;
        }
        span ??= { from: date, doi: worst.doi, total: 0n, ids: new Set() };
        if (worst.total > span.total) span.total = worst.total;
        for (const id of worst.ids) span.ids.add(id);
      }
      close(null);
    }
  }
  return out;
}

/** What the user is told: the Transfers, their sum, the portfolio and the dates (EIGHTH(A)). */
export function describeOverAssignment(o: OverAssignment, portfolioName: string | null): string {
  const whose = o.portion === 'twelveB1' ? "the Distributor's 12b-1 Share" : 'its Earned CDSC';
  const doi = o.doi ? ` (Commission Shares issued on ${o.doi})` : '';
  const through = o.through ? ` through ${o.through}` : '';
  return `Transfers ${o.transferIds.join(', ')} add up to ${formatRatePct(o.totalMicroPct)}% of ${whose} of ${portfolioName ?? 'every portfolio'}${doi} from ${o.from}${through}; at most 100% can be transferred (EIGHTH(A)): end one with a record that ends it`;
}
