import type { CdscWaiver } from '../../../src/class-b/cdscWaiver.js';
import {
  type ClassBActivity,
  createConversionNotice,
  createFreeExchange,
  createPurchase,
  createRedemption,
  createReinvestment,
} from '../../../src/class-b/classBActivity.js';
import type { FreeShareAttribution } from '../../../src/class-b/freeShareAttribution.js';
import type { AccountLedger, RedemptionResult } from '../../../src/class-b/ledgerResults.js';
import { formatPriceUnits, formatValueUnits, parsePriceUnits } from '../../../src/class-b/pricePerShare.js';
import { formatShareUnits, parseShareUnits } from '../../../src/class-b/shareUnits.js';
import { formatCents } from '../../../src/money/cents.js';
import { formatRatePct } from '../../../src/money/rate.js';

/** Activity written the way a transfer agent's file says it: decimal strings. */
export const buy = (txnId: string, date: string, portfolioId: string, shares: string, price: string) =>
  createPurchase({
    txnId,
    date,
    portfolioId,
    shareUnits: parseShareUnits(shares),
    priceUnits: parsePriceUnits(price),
  });

export const reinvest = (txnId: string, date: string, portfolioId: string, shares: string, price: string) =>
  createReinvestment({
    txnId,
    date,
    portfolioId,
    shareUnits: parseShareUnits(shares),
    priceUnits: parsePriceUnits(price),
  });

export const redeem = (
  txnId: string,
  date: string,
  portfolioId: string,
  shares: string,
  price: string,
  waiver: CdscWaiver | null = null,
) =>
  createRedemption({
    txnId,
    date,
    portfolioId,
    shareUnits: parseShareUnits(shares),
    priceUnits: parsePriceUnits(price),
    waiver,
  });

export const exchange = (
  exchangeId: string,
  date: string,
  out: [portfolioId: string, shares: string, price: string],
  into: [portfolioId: string, shares: string, price: string],
) =>
  createFreeExchange({
    exchangeId,
    date,
    out: {
      txnId: `${exchangeId}-out`,
      portfolioId: out[0],
      shareUnits: parseShareUnits(out[1]),
      priceUnits: parsePriceUnits(out[2]),
    },
    in: {
      txnId: `${exchangeId}-in`,
      portfolioId: into[0],
      shareUnits: parseShareUnits(into[1]),
      priceUnits: parsePriceUnits(into[2]),
    },
  });

export const convert = (txnId: string, date: string, portfolioId: string, shares: string) =>
  createConversionNotice({ txnId, date, portfolioId, shareUnits: parseShareUnits(shares) });

export type Activity = ClassBActivity;

/** A redemption in decimal strings, to compare with hand-computed figures. */
export function redemptionJson(r: RedemptionResult) {
  return {
    txnId: r.txnId,
    shares: formatShareUnits(r.shareUnits),
    price: formatPriceUnits(r.priceUnits),
    gross: formatCents(r.grossCents),
    cdsc: formatCents(r.cdscCents),
    waived: formatCents(r.waivedCents),
    redemptionFee: formatCents(r.redemptionFeeCents),
    net: formatCents(r.netCents),
    pieces: r.pieces.map((p) => ({
      lotId: p.lotId,
      kind: p.kind,
      doi: p.dateOfOriginalIssuance,
      issuingPortfolio: p.issuingPortfolioId,
      shares: formatShareUnits(p.shareUnits),
      cost: formatCents(p.costCents),
      ratePct: formatRatePct(p.rateMicroPct),
      base: formatValueUnits(p.baseValueUnits),
      cdsc: formatCents(p.cdscCents),
      waived: formatCents(p.waivedCents),
    })),
  };
}

/** A Free Share lot's Exhibit A 2(b) attribution in decimal strings (null: Commission Shares). */
export function attributionJson(a: FreeShareAttribution | null) {
  if (a === null) return null;
  if (a.kind === 'distributor') return { distributor: a.distributor };
  return {
    basis: a.basis,
    derivedFrom: a.weights.map((w) => ({
      issuingPortfolio: w.issuingPortfolioId,
      doi: w.dateOfOriginalIssuance,
      shares: formatShareUnits(w.shareUnits),
    })),
  };
}

/** Everything a replay produced, in decimal strings: what the differential test compares. */
export function ledgerJson(l: AccountLedger) {
  return {
    account: l.account,
    lots: l.lots.map((x) => ({
      kind: x.kind,
      lotId: x.lotId,
      sequence: x.sequence,
      arrival: x.arrival,
      portfolio: x.portfolioId,
      issuingPortfolio: x.issuingPortfolioId,
      doi: x.dateOfOriginalIssuance,
      shares: formatShareUnits(x.shareUnits),
      cost: formatCents(x.costCents),
      attribution: attributionJson(x.attribution),
    })),
    lastHeld: l.lastHeld.map((m) => ({
      portfolio: m.portfolioId,
      doi: m.dateOfOriginalIssuance,
      issuingPortfolio: m.issuingPortfolioId,
      shares: formatShareUnits(m.shareUnits),
    })),
    redemptions: l.redemptions.map(redemptionJson),
    exchanges: l.exchanges.map((e) => ({
      exchangeId: e.exchangeId,
      date: e.date,
      from: e.fromPortfolioId,
      to: e.toPortfolioId,
      pieces: e.pieces.map((p) => ({
        lotId: p.lotId,
        kind: p.kind,
        shares: formatShareUnits(p.shareUnits),
        cost: formatCents(p.costCents),
        delivered: formatShareUnits(p.deliveredShareUnits),
      })),
    })),
    conversions: l.conversions.map((c) => ({
      date: c.date,
      portfolio: c.portfolioId,
      commission: formatShareUnits(c.commissionShareUnits),
      free: formatShareUnits(c.freeShareUnits),
      confirmedBy: c.confirmedBy,
      pieces: c.pieces.map((p) => ({
        lotId: p.lotId,
        kind: p.kind,
        shares: formatShareUnits(p.shareUnits),
        cost: formatCents(p.costCents),
      })),
    })),
  };
}

export const lotsJson = (l: AccountLedger) => ledgerJson(l).lots;
