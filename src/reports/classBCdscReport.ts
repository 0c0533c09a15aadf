import { monthEnd, monthOf, monthStart } from '../calendar/isoDate.js';
import { toCsv } from '../cli/csvOut.js';
import { Plan12bError } from '../errors.js';
import { LEDGER_CDSC_CLASS } from '../governance/finraAggregateCap.js';
import { formatCents, parseCents } from '../money/cents.js';
import { compareNames } from '../registry/nameOrder.js';
import type { Queryable } from '../store/database.js';
import { loadGrossSales } from '../store/finraCapRepository.js';
import { loadRegistry } from '../store/registryStore.js';
import { loadRedemptions, type RedemptionReport } from './classBRedemptionsReport.js';
import { loadClassSeries } from './feesReport.js';
import { classCapLedgers, creditedToFundBetween, creditedToFundWarning } from './finraCapLedger.js';

export interface EarnedCdscRow {
  /** the portfolio whose shares were redeemed (that collected the CDSC) */
  readonly portfolio: string;
  /** who is paid: the distributor whose term held the DOI, or the holder of its assigned rights */
  readonly distributor: string | null;
  readonly cdsc: string;
  readonly cdscWaived: string;
  readonly pieces: number;
}

export interface CdscReport {
  readonly month: string;
  readonly rows: readonly EarnedCdscRow[];
  readonly totalCdsc: string;
  readonly warnings: readonly string[];
}

/** `plan12b cdsc --from --to [--distributor]`: the same rows over a date range, optionally one distributor's. */
export interface CdscRangeReport {
  readonly from: string;
  readonly to: string;
  /** the distributor the rows are limited to; null: every distributor */
  readonly distributor: string | null;
  readonly rows: readonly EarnedCdscRow[];
  readonly totalCdsc: string;
  readonly warnings: readonly string[];
}

export const CDSC_COLUMNS = ['portfolio', 'distributor', 'cdsc', 'cdscWaived', 'pieces'] as const;

/**
 * `plan12b cdsc --csv` (and the API's format=csv): one row per portfolio and distributor, then the
 * total (with the distributor the rows are limited to, if any).
 */
export function cdscCsv(report: CdscReport | CdscRangeReport): string {
  const distributor = 'distributor' in report ? report.distributor : null;
  return toCsv(CDSC_COLUMNS, [
    ...report.rows,
    {
      portfolio: 'Total',
      distributor: distributor ?? '',
      cdsc: report.totalCdsc,
      cdscWaived: '',
      pieces: '',
    },
  ]);
}

/**
 * `plan12b cdsc --month`: the month's CDSC per portfolio and distributor — the Distributor's Earned
 * CDSC (Agreement FOURTH(D)) and each Other Distributor's — from the pieces of every redemption.
 * The rows add up to the CDSC of the month's redemptions, to the cent.
 */
/** The redemptions of a range when already loaded (a month close loads them once). */
type LoadedRedemptions = {
  readonly redemptions: readonly RedemptionReport[];
  readonly warnings: readonly string[];
};

export async function cdscReport(
  q: Queryable,
  month: string,
  loaded?: LoadedRedemptions,
): Promise<CdscReport> {
  const { rows, totalCdsc, warnings } = await cdscRangeReport(
    q,
    { from: monthStart(month), to: monthEnd(month) },
    loaded,
  );
  return { month, rows, totalCdsc, warnings };
}

/**
 * The CDSC of the redemptions dated in [from, to] per portfolio and distributor; with
 * `distributor`, only the pieces that distributor earned (FOURTH(D)) — their total still checked
 * against the pieces of the whole range.
 */
export async function cdscRangeReport(
  q: Queryable,
  opts: { from: string; to: string; distributor?: string | null },
  loaded?: LoadedRedemptions,
): Promise<CdscRangeReport> {
  const { redemptions, warnings } = loaded ?? (await loadRedemptions(q, opts.from, opts.to));
  const tally = earnedCdscTally(opts.distributor ?? null);
  for (const r of redemptions) tally.add(r);
  // FINRA 2341(d)(2): asked for (not a close, which seals the Monthly Calculation's own warning),
  // the CDSC listed here that the cap ledger credits to the fund is told, per portfolio
  const capWarnings = loaded === undefined ? await cdscAfterCapWarnings(q, opts.from, opts.to) : [];
  return {
    from: opts.from,
    to: opts.to,
    distributor: opts.distributor ?? null,
    ...tally.result(),
    warnings: [...warnings, ...capWarnings],
  };
}

/**
 * The Class B cap ledgers' deferred sales charges credited to the fund in the months of [from,
 * to] (FINRA 2341(d)(2); `creditedToFundWarning`'s words, which follow PLAN12B_FINRA_CAP_STOP).
 * Nothing without Class B gross sales; a ledger that cannot be computed (no prime rate) is left to
 * `finra-cap` to report.
 */
async function cdscAfterCapWarnings(q: Queryable, from: string, to: string): Promise<string[]> {
  if ((await loadGrossSales(q, { class: LEDGER_CDSC_CLASS })).length === 0) return [];
  const registry = await loadRegistry(q);
  try {
    const series = await loadClassSeries(q, registry, { to, class: LEDGER_CDSC_CLASS }, []);
    const ledgers = await classCapLedgers(q, registry, series, monthOf(to), { class: LEDGER_CDSC_CLASS });
    return ledgers.flatMap((l) => {
      const cents = creditedToFundBetween(l, monthOf(from), monthOf(to));
      return cents > 0n ? [creditedToFundWarning(l, cents)] : [];
    });
  } catch (e) {
    if (e instanceof Plan12bError && e.code === 'BAD_INPUT') return [];
    throw e;
  }
}

/**
 * The Earned CDSC rows of redemptions added one at a time (a close adds a month's redemptions as
 * it reads them: issue 14, bounded memory); with `only`, the pieces that distributor earned. The
 * rows' total is checked against the redemptions' own CDSC.
 */
export function earnedCdscTally(only: string | null): {
  add(r: RedemptionReport): void;
  result(): { rows: EarnedCdscRow[]; totalCdsc: string };
} {
  const rows = new Map<
    string,
    { portfolio: string; distributor: string | null; cdsc: bigint; waived: bigint; pieces: number }
  >();
  let total = 0n;
  let headTotal = 0n;
  return {
    add(r) {
      headTotal += parseCents(r.cdsc);
      for (const p of r.pieces) {
        if (p.kind !== 'commission') continue;
        if (only !== null && p.earnedBy !== only) {
          headTotal -= parseCents(p.cdsc);
          continue;
        }
        const key = `${r.portfolio}\u0000${p.earnedBy ?? ''}`;
        let row = rows.get(key);
        if (!row) {
          row = { portfolio: r.portfolio, distributor: p.earnedBy, cdsc: 0n, waived: 0n, pieces: 0 };
          rows.set(key, row);
        }
        row.cdsc += parseCents(p.cdsc);
        row.waived += parseCents(p.cdscWaived);
        row.pieces++;
        total += parseCents(p.cdsc);
      }
    },
    result() {
      if (total !== headTotal)
        throw new Error(`CDSC pieces (${total}) do not add up to the redemptions' CDSC (${headTotal})`);
      return {
        rows: [...rows.values()]
          .sort((a, b) =>
            a.portfolio === b.portfolio
              ? compareNames(a.distributor ?? '', b.distributor ?? '')
              : compareNames(a.portfolio, b.portfolio),
          )
          .map((r) => ({
            portfolio: r.portfolio,
            distributor: r.distributor,
            cdsc: formatCents(r.cdsc),
            cdscWaived: formatCents(r.waived),
            pieces: r.pieces,
          })),
        totalCdsc: formatCents(total),
      };
    },
  };
}
