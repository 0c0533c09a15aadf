import { toCsv } from '../cli/csvOut.js';
import type { distributorShareReport } from './distributorShareReport.js';
import type { SealedDistributorShare } from './sealedDistributorShare.js';
import type { MonthReading } from './sealedOrRecomputed.js';

/**
 * `plan12b distributor-share --csv` (Exhibit A): one line per portfolio, computation and party, in
 * one set of columns whether the month is read as sealed or computed:
 * - sealed (a closed month): each computation that governed days of the month with its days, the
 *   Distribution Fees of those days, each party's percentage and dollars (SPEC §7); the shares by
 *   rule are not sealed, so those columns are empty;
 * - computed (an open month, or --recompute): each computation date with each party's shares by
 *   rule (a), (b), (c) and their total, and the Distributor's percentage (numerator / denominator);
 *   days one distributor took whole are lines of their own at 100%.
 */
export const DISTRIBUTOR_SHARE_COLUMNS = [
  'portfolio',
  'basis',
  'computedOn',
  'from',
  'to',
  'days',
  'distributor',
  'a_commissionShares',
  'b_freeShares',
  'c_omnibusFreeShares',
  'totalShares',
  'sharePct',
  'distributionFee',
  'twelveB1Share',
] as const;

type Line = Partial<Record<(typeof DISTRIBUTOR_SHARE_COLUMNS)[number], string | number | null>>;

export function sealedDistributorShareLines(share: SealedDistributorShare): Line[] {
  return share.portfolios.flatMap((p) =>
    p.computations.flatMap((c) =>
      c.parties.map((party) => ({
        portfolio: p.portfolio,
        basis: 'sealed',
        computedOn: c.computedOn,
        from: c.from,
        to: c.to,
        days: c.days,
        distributor: party.distributor,
        sharePct: party.sharePct,
        distributionFee: c.distributionFee,
        twelveB1Share: party.twelveB1Share,
      })),
    ),
  );
}

export function computedDistributorShareLines(
  report: Awaited<ReturnType<typeof distributorShareReport>>,
  basis: 'open' | 'recomputed',
): Line[] {
  return report.portfolios.flatMap((p) => [
    ...p.exclusive.map((x) => ({
      portfolio: p.portfolio,
      basis,
      from: x.from,
      to: x.to,
      distributor: x.distributor,
      sharePct: '100.0000',
    })),
    ...p.computations.flatMap((c) =>
      c.byRule.map((r, i) => ({
        portfolio: p.portfolio,
        basis,
        computedOn: c.date,
        distributor: r.distributor,
        a_commissionShares: r.a_commissionShares,
        b_freeShares: r.b_freeShares,
        c_omnibusFreeShares: r.c_omnibusFreeShares,
        totalShares: r.total,
        // the computation's percentage is the Distributor's (listed first): numerator / denominator
        sharePct: i === 0 ? c.sharePct : null,
      })),
    ),
  ]);
}

export type DistributorShareReading = MonthReading<
  SealedDistributorShare,
  Awaited<ReturnType<typeof distributorShareReport>>
>;

/** The lines of the month as read (sealed or computed): the CSV's rows and the workbook's. */
export function distributorShareLines(reading: DistributorShareReading): Line[] {
  return reading.basis === 'sealed'
    ? sealedDistributorShareLines(reading.report)
    : computedDistributorShareLines(reading.report, reading.basis);
}

/** `plan12b distributor-share --csv` and `GET /api/distributor-share?format=csv`: one CSV for both. */
export function distributorShareCsv(reading: DistributorShareReading): string {
  return toCsv(DISTRIBUTOR_SHARE_COLUMNS, distributorShareLines(reading));
}
