import type { DistributorTerm } from '../class-b/distributorTerm.js';
import { attributeCdsc, type CdscAttribution } from '../class-b/earnedCdsc.js';
import { canonicalCents, formatCents, parseCents } from '../money/cents.js';
import { normalizeRatePct } from '../money/rate.js';
import type { Registry } from '../registry/registry.js';
import { type StoredRedemption, storedRedemptionsInOrder } from '../store/classBRepository.js';
import type { Queryable } from '../store/database.js';
import { loadDistributorTerms } from '../store/distributorTermsRepository.js';
import { loadRegistry } from '../store/registryStore.js';

export interface RedemptionPieceReport {
  readonly lotId: string;
  readonly kind: 'commission' | 'free';
  readonly dateOfOriginalIssuance: string;
  readonly issuingPortfolio: string;
  readonly shares: string;
  readonly cost: string;
  readonly ratePct: string;
  /** the lesser of cost given up and value at the redemption price, exact (up to 8 decimals) */
  readonly base: string;
  readonly cdsc: string;
  readonly cdscWaived: string;
  /** the exclusive distributor of the issuing portfolio on the DOI */
  readonly distributor: string | null;
  /** who is paid the CDSC: that distributor or the holder of its assigned rights */
  readonly earnedBy: string | null;
}

export interface RedemptionReport {
  readonly txnId: string;
  readonly date: string;
  readonly account: string;
  readonly portfolio: string;
  readonly shares: string;
  readonly price: string;
  readonly waiver: string | null;
  readonly gross: string;
  readonly cdsc: string;
  readonly cdscWaived: string;
  readonly redemptionFee: string;
  readonly net: string;
  readonly pieces: readonly RedemptionPieceReport[];
}

export interface RedemptionsReport {
  readonly from: string;
  readonly to: string;
  /** with --distributor: the redemptions with a Commission Share piece it earned, and their CDSC it earned */
  readonly distributor?: string;
  readonly distributorCdsc?: string;
  readonly redemptions: readonly RedemptionReport[];
  readonly totals: { gross: string; cdsc: string; cdscWaived: string; redemptionFee: string; net: string };
  readonly warnings: readonly string[];
}

const trimBase = (s: string) => s.replace(/(\.\d\d\d*?)0+$/, '$1');

const NO_ONE: CdscAttribution = { distributor: null, earnedBy: null };

/** The value kept under `key`, or `compute`'s, kept. */
function keptOr<V>(known: Map<string, V>, key: string, compute: () => V): V {
  let v = known.get(key);
  if (v === undefined) {
    v = compute();
    known.set(key, v);
  }
  return v;
}

/**
 * The value kept under (`a`, `b`), or `compute`'s, kept: a map per `a`, so that no key is built
 * per call (a month's pieces ask a million times for a few thousand pairs; issue 14).
 */
function keptOrByPair<V>(known: Map<string, Map<string, V>>, a: string, b: string, compute: () => V): V {
  let byB = known.get(a);
  if (byB === undefined) {
    byB = new Map();
    known.set(a, byB);
  }
  return keptOr(byB, b, compute);
}

/**
 * A stored redemption as reported: portfolios named as on the day, amounts in cents, each
 * Commission Share piece attributed to the distributor whose term held its DOI (Agreement
 * FOURTH(D)); `warnings` names the DOIs no term holds (the first 20), after the last redemption.
 */
export function redemptionReporter(
  registry: Registry,
  terms: readonly DistributorTerm[],
): { report(r: StoredRedemption): RedemptionReport; warnings(): string[] } {
  // each portfolio's name on a date, each issuance's attribution and each stored rate's text
  // worked out once (a month's redemptions and pieces repeat few of them)
  const names = new Map<string, Map<string, string>>();
  const nameOn = (pid: string, date: string) =>
    keptOrByPair(names, pid, date, () => registry.identities.nameOn(pid, date));
  const attributions = new Map<string, Map<string, CdscAttribution>>();
  const attributionOf = (pid: string, doi: string) =>
    keptOrByPair(attributions, pid, doi, () => attributeCdsc(terms, pid, doi));
  const rates = new Map<string, string>();
  const rateOf = (stored: string) => keptOr(rates, stored, () => normalizeRatePct(stored));
  const unattributed = new Set<string>();
  return {
    report: ({ head: h, pieces }): RedemptionReport => ({
      txnId: h.txn_id,
      date: h.date,
      account: h.account,
      portfolio: nameOn(h.portfolio_id, h.date),
      shares: h.shares,
      price: h.price,
      waiver: h.waiver,
      gross: canonicalCents(h.gross),
      cdsc: canonicalCents(h.cdsc),
      cdscWaived: canonicalCents(h.cdsc_waived),
      redemptionFee: canonicalCents(h.redemption_fee),
      net: canonicalCents(h.net),
      pieces: pieces.map((p) => {
        const who = p.kind === 'commission' ? attributionOf(p.issuing_portfolio_id, p.doi) : NO_ONE;
        if (p.kind === 'commission' && who.distributor === null)
          unattributed.add(`${nameOn(p.issuing_portfolio_id, p.doi)} on ${p.doi}`);
        return {
          lotId: p.lot_id,
          kind: p.kind,
          dateOfOriginalIssuance: p.doi,
          issuingPortfolio: nameOn(p.issuing_portfolio_id, p.doi),
          shares: p.shares,
          cost: canonicalCents(p.cost),
          ratePct: rateOf(p.rate_pct),
          base: trimBase(p.base),
          cdsc: canonicalCents(p.cdsc),
          cdscWaived: canonicalCents(p.cdsc_waived),
          distributor: who.distributor,
          earnedBy: who.earnedBy,
        };
      }),
    }),
    warnings: () =>
      [...unattributed]
        .slice(0, 20)
        .map(
          (w) =>
            `no distributor's term holds the DOI of Commission Shares of ${w}; import it with \`plan12b distributors import\``,
        ),
  };
}

/** The stored redemptions dated in [from, to] with their pieces, each piece attributed (Agreement FOURTH(D)). */
export async function loadRedemptions(
  q: Queryable,
  from: string,
  to: string,
  context?: { registry: Registry; terms: readonly DistributorTerm[] },
): Promise<{ redemptions: RedemptionReport[]; warnings: string[] }> {
  const reporter = redemptionReporter(
    context?.registry ?? (await loadRegistry(q)),
    context?.terms ?? (await loadDistributorTerms(q)),
  );
  const redemptions: RedemptionReport[] = [];
  for await (const chunk of storedRedemptionsInOrder(q, from, to))
    for (const r of chunk) redemptions.push(reporter.report(r));
  return { redemptions, warnings: reporter.warnings() };
}

/**
 * `plan12b redemptions --from --to [--distributor]`: each redemption, its CDSC and redemption fee,
 * and its lot pieces; with a distributor, only the redemptions with a piece it earned (FOURTH(D)).
 */
export async function redemptionsReport(
  q: Queryable,
  from: string,
  to: string,
  opts: {
    distributor?: string | null;
    /** the registry and distributor terms when already loaded (a month close loads them once) */
    context?: { registry: Registry; terms: readonly DistributorTerm[] };
  } = {},
): Promise<RedemptionsReport> {
  const loaded = await loadRedemptions(q, from, to, opts.context);
  const only = opts.distributor ?? null;
  const warnings = loaded.warnings;
  const redemptions =
    only === null
      ? loaded.redemptions
      : loaded.redemptions.filter((r) =>
          r.pieces.some((p) => p.kind === 'commission' && p.earnedBy === only),
        );
  const sum = (f: (r: RedemptionReport) => string) =>
    formatCents(redemptions.reduce((s, r) => s + parseCents(f(r)), 0n));
  const earned =
    only === null
      ? {}
      : {
          distributor: only,
          distributorCdsc: formatCents(
            redemptions
              .flatMap((r) => r.pieces)
              .filter((p) => p.kind === 'commission' && p.earnedBy === only)
              .reduce((s, p) => s + parseCents(p.cdsc), 0n),
          ),
        };
  return {
    from,
    to,
    ...earned,
    redemptions,
    totals: {
      gross: sum((r) => r.gross),
      cdsc: sum((r) => r.cdsc),
      cdscWaived: sum((r) => r.cdscWaived),
      redemptionFee: sum((r) => r.redemptionFee),
      net: sum((r) => r.net),
    },
    warnings,
  };
}

export const REDEMPTION_PIECE_COLUMNS = [
  'date',
  'txn_id',
  'account',
  'portfolio',
  'shares',
  'price',
  'waiver',
  'gross',
  'cdsc',
  'cdsc_waived',
  'redemption_fee',
  'net',
  'lot_id',
  'kind',
  'doi',
  'issuing_portfolio',
  'piece_shares',
  'piece_cost',
  'rate_pct',
  'base',
  'piece_cdsc',
  'piece_cdsc_waived',
  'distributor',
  'earned_by',
] as const;

/** One CSV row per lot piece, the redemption's own figures repeated on each (SPEC §6). */
export function redemptionPieceRows(
  report: Pick<RedemptionsReport, 'redemptions'>,
): Record<(typeof REDEMPTION_PIECE_COLUMNS)[number], string | null>[] {
  return report.redemptions.flatMap((r) =>
    r.pieces.map((p) => ({
      date: r.date,
      txn_id: r.txnId,
      account: r.account,
      portfolio: r.portfolio,
      shares: r.shares,
      price: r.price,
      waiver: r.waiver,
      gross: r.gross,
      cdsc: r.cdsc,
      cdsc_waived: r.cdscWaived,
      redemption_fee: r.redemptionFee,
      net: r.net,
      lot_id: p.lotId,
      kind: p.kind,
      doi: p.dateOfOriginalIssuance,
      issuing_portfolio: p.issuingPortfolio,
      piece_shares: p.shares,
      piece_cost: p.cost,
      rate_pct: p.ratePct,
      base: p.base,
      piece_cdsc: p.cdsc,
      piece_cdsc_waived: p.cdscWaived,
      distributor: p.distributor,
      earned_by: p.earnedBy,
    })),
  );
}
