import { createHash } from 'node:crypto';
import { canonicalJson, sealedPartHash } from '../audit/closeSeal.js';
import { formatCents } from '../money/cents.js';
import { CentsTally } from '../money/centsTally.js';
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
/** Each amount's slot in a portfolio's sums: its place in AMOUNT_KEYS. */
const [GROSS, CDSC, CDSC_WAIVED, REDEMPTION_FEE, NET] = [0, 1, 2, 3, 4] as const;

/** The fields report() gives a redemption, and a piece, that are always strings. */
const REPORT_STRINGS = [
  'account',
  'cdsc',
  'cdscWaived',
  'date',
  'gross',
  'net',
  'portfolio',
  'price',
  'redemptionFee',
  'shares',
  'txnId',
] as const;
const PIECE_STRINGS = [
  'base',
  'cdsc',
  'cdscWaived',
  'cost',
  'dateOfOriginalIssuance',
  'issuingPortfolio',
  'kind',
  'lotId',
  'ratePct',
  'shares',
] as const;

const str = JSON.stringify;
/** A string or null as JSON (canonicalJson writes both by JSON.stringify). */
const strOrNull = (v: string | null): string => (v === null ? 'null' : str(v));
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';

/** How many enumerable fields an object has. */
function fieldCount(o: object): number {
  let n = 0;
  for (const _ in o) n++;
  return n;
}

/**
 * Exactly the fields report() makes, each a string (or null where it may be): anything else goes
 * the generic way, so a field added to RedemptionReport is never left out of the hash.
 */
function isReportShaped(r: RedemptionReport): boolean {
  // the strings, waiver and pieces
  if (fieldCount(r) !== REPORT_STRINGS.length + 2 || !Array.isArray(r.pieces) || !isStringOrNull(r.waiver))
    return false;
  for (const k of REPORT_STRINGS) if (typeof r[k] !== 'string') return false;
  for (const p of r.pieces) {
    if (p === null || typeof p !== 'object' || Array.isArray(p)) return false;
    // the strings, distributor and earnedBy
    if (
      fieldCount(p) !== PIECE_STRINGS.length + 2 ||
      !isStringOrNull(p.distributor) ||
      !isStringOrNull(p.earnedBy)
    )
      return false;
    for (const k of PIECE_STRINGS) if (typeof p[k] !== 'string') return false;
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
  // each portfolio's five sums, exact without a bigint per addition (CentsTally); the totals are
  // the portfolios' sums added at the end
  const byPortfolio = new Map<string, { count: number; sums: CentsTally }>();
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
          p = { count: 0, sums: new CentsTally(AMOUNT_KEYS.length) };
          byPortfolio.set(r.portfolio, p);
        }
        p.count++;
        p.sums.add(GROSS, r.gross);
        p.sums.add(CDSC, r.cdsc);
        p.sums.add(CDSC_WAIVED, r.cdscWaived);
        p.sums.add(REDEMPTION_FEE, r.redemptionFee);
        p.sums.add(NET, r.net);
      }
    },
    result(from, to, warnings) {
      const totals = AMOUNT_KEYS.map(() => 0n);
      for (const { sums } of byPortfolio.values())
        for (let k = 0; k < AMOUNT_KEYS.length; k++) totals[k]! += sums.value(k);
      const amounts = (cents: (k: number) => bigint): Amounts => ({
        gross: formatCents(cents(GROSS)),
        cdsc: formatCents(cents(CDSC)),
        cdscWaived: formatCents(cents(CDSC_WAIVED)),
        redemptionFee: formatCents(cents(REDEMPTION_FEE)),
        net: formatCents(cents(NET)),
      });
      return {
        from,
        to,
        count,
        totals: amounts((k) => totals[k]!),
        byPortfolio: [...byPortfolio]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([portfolio, { count, sums }]) => ({
            portfolio,
            count,
            ...amounts((k) => sums.value(k)),
          })),
        detailSha256: detail.update(']').digest('hex'),
        warnings,
      };
    },
  };
}
