import { createHash } from 'node:crypto';
import { canonicalJson, sealedPartHash } from '../audit/closeSeal.js';
import { formatCents, parseCents } from '../money/cents.js';
import type { RedemptionReport, RedemptionsReport } from '../reports/classBRedemptionsReport.js';

type Amounts = RedemptionsReport['totals'];

/**
 * What a close seals of the month's Class B redemptions (Agreement FOURTH(D); issue 14 item 4):
 * the totals, each portfolio's totals, how many redemptions, and the hash of every redemption
 * with its pieces — not the redemptions themselves, which at a large complex's size ran to
 * 117 MB a month. The detail is recomputable from the month's sealed inputs (the close seals
 * their digest; a closed month refuses new Class B activity): `plan12b redemptions --from --to`
 * over the month gives it again, and `close show` checks it against `detailSha256`.
 */
export interface SealedRedemptions {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly totals: Amounts;
  readonly byPortfolio: readonly ({ readonly portfolio: string; readonly count: number } & Amounts)[];
  /** sealedPartHash of the redemptions array, in the report's order */
  readonly detailSha256: string;
  readonly warnings: readonly string[];
}

const AMOUNT_KEYS = ['gross', 'cdsc', 'cdscWaived', 'redemptionFee', 'net'] as const;

/** How many fields report() gives a redemption, and a piece: exactly these are written field by field. */
const REDEMPTION_KEYS = 13;
const PIECE_KEYS = 12;

const str = JSON.stringify;
/** A string or null as JSON (canonicalJson writes both by JSON.stringify). */
const strOrNull = (v: string | null): string => (v === null ? 'null' : str(v));

function isReportShaped(r: RedemptionReport): boolean {
  // exactly the fields report() makes, each a string (or null where it may be): anything else
  // goes the generic way, so a field added to RedemptionReport is never left out of the hash
  let keys = 0;
  for (const _ in r) keys++;
  if (keys !== REDEMPTION_KEYS || !Array.isArray(r.pieces)) return false;
  if (
    typeof r.account !== 'string' ||
    typeof r.cdsc !== 'string' ||
    typeof r.cdscWaived !== 'string' ||
    typeof r.date !== 'string' ||
    typeof r.gross !== 'string' ||
    typeof r.net !== 'string' ||
    typeof r.portfolio !== 'string' ||
    typeof r.price !== 'string' ||
    typeof r.redemptionFee !== 'string' ||
    typeof r.shares !== 'string' ||
    typeof r.txnId !== 'string' ||
    (r.waiver !== null && typeof r.waiver !== 'string')
  )
    return false;
  for (const p of r.pieces) {
    if (p === null || typeof p !== 'object' || Array.isArray(p)) return false;
    let n = 0;
    for (const _ in p) n++;
    if (
      n !== PIECE_KEYS ||
      typeof p.base !== 'string' ||
      typeof p.cdsc !== 'string' ||
      typeof p.cdscWaived !== 'string' ||
      typeof p.cost !== 'string' ||
      typeof p.dateOfOriginalIssuance !== 'string' ||
      (p.distributor !== null && typeof p.distributor !== 'string') ||
      (p.earnedBy !== null && typeof p.earnedBy !== 'string') ||
      typeof p.issuingPortfolio !== 'string' ||
      typeof p.kind !== 'string' ||
      typeof p.lotId !== 'string' ||
      typeof p.ratePct !== 'string' ||
      typeof p.shares !== 'string'
    )
      return false;
  }
  return true;
}

/**
 * canonicalJson(r) of a redemption as report() makes it (the property test holds them equal),
 * written field by field in the canonical key order instead of walked generically: a close hashes
 * every redemption of its month (issue 14). Any other shape goes through canonicalJson.
 */
export function redemptionCanonicalJson(r: RedemptionReport): string {
  if (!isReportShaped(r)) return canonicalJson(r);
  let pieces = '';
  for (let i = 0; i < r.pieces.length; i++) {
    const p = r.pieces[i]!;
    pieces += `${i === 0 ? '' : ','}{"base":${str(p.base)},"cdsc":${str(p.cdsc)},"cdscWaived":${str(p.cdscWaived)},"cost":${str(p.cost)},"dateOfOriginalIssuance":${str(p.dateOfOriginalIssuance)},"distributor":${strOrNull(p.distributor)},"earnedBy":${strOrNull(p.earnedBy)},"issuingPortfolio":${str(p.issuingPortfolio)},"kind":${str(p.kind)},"lotId":${str(p.lotId)},"ratePct":${str(p.ratePct)},"shares":${str(p.shares)}}`;
  }
  return `{"account":${str(r.account)},"cdsc":${str(r.cdsc)},"cdscWaived":${str(r.cdscWaived)},"date":${str(r.date)},"gross":${str(r.gross)},"net":${str(r.net)},"pieces":[${pieces}],"portfolio":${str(r.portfolio)},"price":${str(r.price)},"redemptionFee":${str(r.redemptionFee)},"shares":${str(r.shares)},"txnId":${str(r.txnId)},"waiver":${strOrNull(r.waiver)}}`;
}

/** The hash of a month's redemptions, as sealed: equal hashes, equal detail. */
export function redemptionsDetailHash(redemptions: readonly RedemptionReport[]): string {
  return sealedPartHash(redemptions);
}

export function sealedRedemptions(report: RedemptionsReport): SealedRedemptions {
  const tally = sealedRedemptionsTally();
  for (const r of report.redemptions) tally.add([r]);
  const sealed = tally.result(report.from, report.to, report.warnings);
  return { ...sealed, totals: report.totals };
}

/**
 * {@link sealedRedemptions} of redemptions added a chunk at a time, in the report's order (issue
 * 14: the close never holds the month's redemptions nor their canonical JSON at once): the same
 * sums, and the detail hash fed the text canonicalJson gives the whole array, piece by piece.
 */
export function sealedRedemptionsTally(): {
  add(chunk: readonly RedemptionReport[]): void;
  result(from: string, to: string, warnings: readonly string[]): SealedRedemptions;
} {
  const byPortfolio = new Map<
    string,
    { count: number; sums: Record<(typeof AMOUNT_KEYS)[number], bigint> }
  >();
  const totals: Record<(typeof AMOUNT_KEYS)[number], bigint> = {
    gross: 0n,
    cdsc: 0n,
    cdscWaived: 0n,
    redemptionFee: 0n,
    net: 0n,
  };
  const detail = createHash('sha256').update('[');
  let count = 0;
  return {
    add(chunk) {
      if (chunk.length === 0) return;
      detail.update(`${count === 0 ? '' : ','}${chunk.map(redemptionCanonicalJson).join(',')}`);
      count += chunk.length;
      for (const r of chunk) {
        let p = byPortfolio.get(r.portfolio);
        if (!p) {
          p = { count: 0, sums: { gross: 0n, cdsc: 0n, cdscWaived: 0n, redemptionFee: 0n, net: 0n } };
          byPortfolio.set(r.portfolio, p);
        }
        p.count++;
        for (const k of AMOUNT_KEYS) {
          const cents = parseCents(r[k]);
          p.sums[k] += cents;
          totals[k] += cents;
        }
      }
    },
    result(from, to, warnings) {
      return {
        from,
        to,
        count,
        totals: {
          gross: formatCents(totals.gross),
          cdsc: formatCents(totals.cdsc),
          cdscWaived: formatCents(totals.cdscWaived),
          redemptionFee: formatCents(totals.redemptionFee),
          net: formatCents(totals.net),
        },
        byPortfolio: [...byPortfolio]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([portfolio, { count, sums }]) => ({
            portfolio,
            count,
            gross: formatCents(sums.gross),
            cdsc: formatCents(sums.cdsc),
            cdscWaived: formatCents(sums.cdscWaived),
            redemptionFee: formatCents(sums.redemptionFee),
            net: formatCents(sums.net),
          })),
        detailSha256: detail.update(']').digest('hex'),
        warnings,
      };
    },
  };
}
