import DecimalModule from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { computeDistributorShare, type PartyAllocation } from '../../src/allocation/distributorShare.js';
import { addDays, monthEnd, monthOf } from '../../src/calendar/isoDate.js';
import { createPurchase } from '../../src/class-b/classBActivity.js';
import { replayAccount, replayEnd } from '../../src/class-b/classBLedger.js';
import { createDistributorTerm, type DistributorTerm } from '../../src/class-b/distributorTerm.js';
import type { Lot } from '../../src/class-b/lot.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import {
  GENERATED_DISTRIBUTORS,
  GENERATED_TERMS,
  generateAccountActivity,
} from '../class-b/support/generatedActivity.js';

const Decimal = DecimalModule as unknown as typeof DecimalModule.Decimal;
type Decimal = DecimalModule.Decimal;

const [ADI, OTHER] = GENERATED_DISTRIBUTORS;
// ADI exclusive for every portfolio until mid-2003; fund-c changed earlier, in 2001.
const TERMS: DistributorTerm[] = [
  createDistributorTerm({
    portfolioId: null,
    distributor: ADI,
    start: '1990-01-01',
    end: '2003-06-30',
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: null,
    distributor: OTHER,
    start: '2003-07-01',
    end: null,
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: 'fund-c',
    distributor: ADI,
    start: '1990-01-01',
    end: '2001-03-15',
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: 'fund-c',
    distributor: OTHER,
    start: '2001-03-16',
    end: null,
    rightsAssignedTo: null,
  }),
];

/** Who was exclusive for the portfolio on the date, written plainly: a portfolio's own term first. */
function exclusiveOn(portfolioId: string, date: string): string {
  const holding = TERMS.filter((t) => t.start <= date && (t.end === null || date <= t.end));
  return (holding.find((t) => t.portfolioId === portfolioId) ?? holding.find((t) => t.portfolioId === null))!
    .distributor;
}

/**
 * Exhibit A (a) and (b) recounted the slow way, lot by lot in exact decimals: Commission Shares by
 * their DOI; each Free Share lot by the attribution it was issued with — split over the
 * distributors of the shares it derives from by largest remainder done longhand (quotas, floors,
 * the leftover units to the largest fractions, ties to the Distributor).
 */
function plainRecount(
  portfolioId: string,
  lots: readonly Lot[],
): Map<string, { commission: bigint; free: bigint }> {
  const out = new Map<string, { commission: bigint; free: bigint }>([
    [ADI, { commission: 0n, free: 0n }],
    [OTHER, { commission: 0n, free: 0n }],
  ]);
  for (const lot of lots.filter((l) => l.portfolioId === portfolioId)) {
    if (lot.kind === 'commission') {
      out.get(exclusiveOn(lot.issuingPortfolioId, lot.dateOfOriginalIssuance))!.commission += lot.shareUnits;
      continue;
    }
    const a = lot.attribution!;
    const weights = new Map<string, Decimal>();
    if (a.kind === 'distributor') weights.set(a.distributor, new Decimal(1));
    else if (a.weights.length === 0)
      weights.set(exclusiveOn(lot.issuingPortfolioId, lot.dateOfOriginalIssuance), new Decimal(1));
    else
      for (const w of a.weights) {
        const who = exclusiveOn(w.issuingPortfolioId, w.dateOfOriginalIssuance);
        weights.set(who, (weights.get(who) ?? new Decimal(0)).plus(w.shareUnits.toString()));
      }
    const parties = [ADI, OTHER].filter((p) => weights.has(p));
    const total = parties.reduce((s, p) => s.plus(weights.get(p)!), new Decimal(0));
    const quotas = parties.map((p) => weights.get(p)!.times(lot.shareUnits.toString()).div(total));
    const floors = quotas.map((q) => q.floor());
    let left = new Decimal(lot.shareUnits.toString()).minus(
      floors.reduce((s, f) => s.plus(f), new Decimal(0)),
    );
    const order = quotas
      .map((q, i) => ({ i, frac: q.minus(floors[i]!) }))
      .sort((x, y) => (x.frac.eq(y.frac) ? x.i - y.i : x.frac.gt(y.frac) ? -1 : 1));
    for (const { i } of order) {
      if (left.isZero()) break;
      floors[i] = floors[i]!.plus(1);
      left = left.minus(1);
    }
    parties.forEach((p, i) => {
      out.get(p)!.free += BigInt(floors[i]!.toFixed(0));
    });
  }
  return out;
}

const rowsOf = (parties: readonly PartyAllocation[]) =>
  Object.fromEntries(
    [ADI, OTHER].map((d) => {
      const p = parties.find((x) => x.distributor === d);
      return [d, { commission: p?.commissionShares ?? 0n, free: p?.freeShares ?? 0n }];
    }),
  );

// 500 generated accounts: a hundred Free Share lots split between the two distributors, and the
// test checks that there are (MIN_SPLIT below). 1,000 and 2,000 cost 2 and 4 times the CPU and
// found nothing more;
// PLAN12B_EXHIBIT_A_DIFF_ACCOUNTS=20000 for a deeper run.
const ACCOUNTS = Number(process.env.PLAN12B_EXHIBIT_A_DIFF_ACCOUNTS ?? 500);
/** Free Share lots split between distributors: ~22 per 100 accounts; at least 10 per 100. */
const MIN_SPLIT = Math.floor(ACCOUNTS / 10);

describe('Exhibit A on generated histories: fast ledger, reference ledger and a plain recount agree', () => {
  it(`${ACCOUNTS} accounts: (a) and (b) by distributor; a later purchase through the Other Distributor never moves Free Shares`, async () => {
    const mismatches: string[] = [];
    const seen = { accounts: 0, withFreeShares: 0, reinvestedThenBoughtThroughOther: 0, splitFreeLots: 0 };
    for (let i = 0; i < ACCOUNTS; i++) {
      if (i % 250 === 0) await new Promise((resolve) => setImmediate(resolve));
      const account = `gen-${i}`;
      const activity = generateAccountActivity(50_000 + i, account);
      const end = replayEnd(activity);
      const fastLots = replayAccount(account, activity, GENERATED_TERMS, { until: end }).lots;
      const refLots = referenceReplayAccount(account, activity, GENERATED_TERMS, { until: end }).lots;
      const portfolios = [...new Set(fastLots.map((l) => l.portfolioId))];
      seen.accounts++;
      for (const pid of portfolios) {
        const compute = (lots: readonly Lot[], date: string) =>
          computeDistributorShare({
            portfolioId: pid,
            date,
            distributor: ADI,
            terms: TERMS,
            accounts: [{ account, omnibus: false, lots }],
          });
        const fast = compute(fastLots, end);
        const ref = compute(refLots, end);
        const plain = Object.fromEntries(plainRecount(pid, fastLots));
        if (JSON.stringify(rowsOf(fast.parties), big) !== JSON.stringify(rowsOf(ref.parties), big))
          mismatches.push(`${account} ${pid}: fast ≠ reference ledger`);
        if (JSON.stringify(rowsOf(fast.parties), big) !== JSON.stringify(plain, big))
          mismatches.push(
            `${account} ${pid}: ${JSON.stringify(rowsOf(fast.parties), big)} ≠ recount ${JSON.stringify(plain, big)}`,
          );
        const held = fastLots.filter((l) => l.portfolioId === pid).reduce((s, l) => s + l.shareUnits, 0n);
        if (fast.outstandingShares !== held) mismatches.push(`${account} ${pid}: outstanding ≠ lots`);
        const free = fastLots.filter((l) => l.portfolioId === pid && l.kind === 'free');
        if (free.length > 0) seen.withFreeShares++;
        seen.splitFreeLots += free.filter(
          (l) =>
            l.attribution?.kind === 'derivedFrom' &&
            new Set(
              l.attribution.weights.map((w) => exclusiveOn(w.issuingPortfolioId, w.dateOfOriginalIssuance)),
            ).size > 1,
        ).length;

        // SPEC §7: a purchase through the Other Distributor the next day moves no Free Share.
        // (not a month end: a conversion at that day's close takes Free Shares pro rata to all
        // Commission Shares, which the purchase would change — SPEC §6, not an attribution)
        let next = end < '2003-07-01' ? '2003-07-01' : addDays(end, 1);
        if (next === monthEnd(monthOf(next))) next = addDays(next, 1);
        const bought = [
          ...activity,
          createPurchase({
            txnId: `${account}-later`,
            date: next,
            portfolioId: pid,
            shareUnits: 1_000_000n,
            priceUnits: 100_000n,
          }),
        ];
        const before = compute(replayAccount(account, activity, GENERATED_TERMS, { until: next }).lots, next);
        const after = compute(replayAccount(account, bought, GENERATED_TERMS, { until: next }).lots, next);
        if (free.length > 0 && activity.some((a) => a.kind === 'reinvest' && a.portfolioId === pid))
          seen.reinvestedThenBoughtThroughOther++;
        for (const d of [ADI, OTHER]) {
          const b = before.parties.find((p) => p.distributor === d);
          const a = after.parties.find((p) => p.distributor === d);
          if ((b?.freeShares ?? 0n) !== (a?.freeShares ?? 0n))
            mismatches.push(`${account} ${pid}: a purchase through ${OTHER} moved ${d}'s Free Shares`);
        }
        const otherCommission = (c: typeof after) =>
          c.parties.find((p) => p.distributor === OTHER)?.commissionShares ?? 0n;
        if (otherCommission(after) - otherCommission(before) !== 1_000_000n)
          mismatches.push(`${account} ${pid}: the purchase is not the Other Distributor's`);
      }
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    for (const [what, n] of Object.entries(seen))
      expect(n, what).toBeGreaterThanOrEqual(Math.max(1, MIN_SPLIT));
    console.info(`Exhibit A differential: ${JSON.stringify(seen)}`);
  });
});

function big(_k: string, v: unknown) {
  return typeof v === 'bigint' ? v.toString() : v;
}
