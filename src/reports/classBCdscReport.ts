import { monthEnd, monthStart } from '../calendar/isoDate.js';
import { formatCents, parseCents } from '../money/cents.js';
import type { Queryable } from '../store/database.js';
import { loadRedemptions, type RedemptionReport } from './classBRedemptionsReport.js';

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

/**
 * `plan12b cdsc --month`: the month's CDSC per portfolio and distributor — the Distributor's Earned
 * CDSC (Agreement FOURTH(D)) and each Other Distributor's — from the pieces of every redemption.
 * The rows add up to the CDSC of the month's redemptions, to the cent.
 */
export async function cdscReport(
  q: Queryable,
  month: string,
  /** the month's redemptions when already loaded (a month close loads them once) */
  loaded?: { readonly redemptions: readonly RedemptionReport[]; readonly warnings: readonly string[] },
): Promise<CdscReport> {
  const { redemptions, warnings } = loaded ?? (await loadRedemptions(q, monthStart(month), monthEnd(month)));
  const rows = new Map<
    string,
    { portfolio: string; distributor: string | null; cdsc: bigint; waived: bigint; pieces: number }
  >();
  let total = 0n;
  let headTotal = 0n;
  for (const r of redemptions) {
    headTotal += parseCents(r.cdsc);
    for (const p of r.pieces) {
      if (p.kind !== 'commission') continue;
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
  }
  if (total !== headTotal)
    throw new Error(`CDSC pieces (${total}) do not add up to the redemptions' CDSC (${headTotal})`);
  return {
    month,
    rows: [...rows.values()]
      .sort((a, b) =>
        a.portfolio === b.portfolio
          ? (a.distributor ?? '').localeCompare(b.distributor ?? '')
          : a.portfolio.localeCompare(b.portfolio),
      )
      .map((r) => ({
        portfolio: r.portfolio,
        distributor: r.distributor,
        cdsc: formatCents(r.cdsc),
        cdscWaived: formatCents(r.waived),
        pieces: r.pieces,
      })),
    totalCdsc: formatCents(total),
    warnings,
  };
}
