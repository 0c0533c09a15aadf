import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/calendar/isoDate.js';
import type { ClassBActivity } from '../../src/class-b/classBActivity.js';
import { replayAccount } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { formatPriceUnits } from '../../src/class-b/pricePerShare.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { formatShareUnits } from '../../src/class-b/shareUnits.js';
import { buy, exchange, ledgerJson, redeem, reinvest } from '../class-b/support/activity.js';

/**
 * SPEC §6: "A lot consumed in part gives up cost pro rata … so cost is conserved to the cent", and a
 * Free Exchange Transaction carries each lot's original cost. Over random sequences of purchases,
 * reinvestments, partial redemptions and exchanges among three portfolios (all within seven years
 * of the first purchase, so nothing converts), checked with plain sums kept beside the product:
 *  - every cent of cost bought (round_half_up(shares × price, 2) a row) is either still in a lot or
 *    was given up by a redemption piece — exchanges move cost, never make or lose it;
 *  - each portfolio's lots hold exactly the shares bought, reinvested and exchanged in, less those
 *    redeemed and exchanged out;
 *  - a redemption's pieces add up to its shares, its gross is round_half_up(shares × price, 2) and
 *    net = gross − CDSC − redemption fee; each piece's CDSC base is min(its cost, its value);
 *  - an exchange's pieces add up to the shares given up and their delivered shares to those received;
 *  - the reference ledger agrees.
 */

const PORTFOLIOS = ['fund-a', 'fund-b', 'fund-c'] as const;
const halfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);

type Step =
  | { t: 'buy' | 'reinvest'; p: number; units: bigint; price: bigint; gap: number }
  | { t: 'redeem'; p: number; part: number; price: bigint; gap: number }
  | { t: 'exchange'; p: number; q: number; part: number; priceOut: bigint; priceIn: bigint; gap: number };

const price = fc.bigInt({ min: 1_0000n, max: 80_0000n }); // 1.0000 … 80.0000
const gap = fc.integer({ min: 1, max: 120 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    t: fc.constantFrom('buy' as const, 'reinvest' as const),
    p: fc.integer({ min: 0, max: 2 }),
    units: fc.bigInt({ min: 1n, max: 5_000_0000n }),
    price,
    gap,
  }),
  fc.record({
    t: fc.constant('redeem' as const),
    p: fc.integer({ min: 0, max: 2 }),
    part: fc.double({ min: 0.01, max: 1, noNaN: true }),
    price,
    gap,
  }),
  fc.record({
    t: fc.constant('exchange' as const),
    p: fc.integer({ min: 0, max: 2 }),
    q: fc.integer({ min: 1, max: 2 }),
    part: fc.double({ min: 0.01, max: 1, noNaN: true }),
    priceOut: price,
    priceIn: price,
    gap,
  }),
);

function build(steps: Step[]) {
  const held = [0n, 0n, 0n];
  let costBought = 0n;
  let date = '2004-01-05';
  const acts: ClassBActivity[] = [];
  steps.forEach((s, i) => {
    const next = addDays(date, s.gap);
    if (next > '2010-12-31') return;
    date = next;
    const p = PORTFOLIOS[s.p]!;
    if (s.t === 'buy' || s.t === 'reinvest') {
      const make = s.t === 'buy' ? buy : reinvest;
      acts.push(make(`T${i}`, date, p, formatShareUnits(s.units), formatPriceUnits(s.price)));
      held[s.p]! += s.units;
      // shares (4 places) × price (4 places): cents = units × priceUnits / 10^6
      costBought += halfUp(s.units * s.price, 1_000_000n);
      return;
    }
    const m = s as Exclude<Step, { t: 'buy' | 'reinvest' }>;
    const units = BigInt(Math.floor(Number(held[m.p]!) * m.part));
    if (units <= 0n) return;
    if (m.t === 'redeem') {
      acts.push(redeem(`T${i}`, date, p, formatShareUnits(units), formatPriceUnits(m.price)));
      held[m.p]! -= units;
      return;
    }
    const qi = (m.p + m.q) % 3;
    // the shares received: out × out price / in price, to the nearest 0.0001 share
    const inUnits = halfUp(units * m.priceOut, m.priceIn);
    if (inUnits <= 0n) return;
    acts.push(
      exchange(
        `X${i}`,
        date,
        [p, formatShareUnits(units), formatPriceUnits(m.priceOut)],
        [PORTFOLIOS[qi]!, formatShareUnits(inUnits), formatPriceUnits(m.priceIn)],
      ),
    );
    held[m.p]! -= units;
    held[qi]! += inUnits;
  });
  return { acts, held, costBought };
}

describe('ledger conservation over random activity (SPEC §6)', () => {
  it('cost to the cent and shares to the 0.0001, through partial redemptions and exchanges (property)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
        const { acts, held, costBought } = build(steps);
        if (acts.length === 0) return;
        const l = replayAccount('acct', acts, DEFAULT_CLASS_B_TERMS);
        expect(l.conversions).toEqual([]);
        const lotCost = l.lots.reduce((s, x) => s + x.costCents, 0n);
        const redeemedCost = l.redemptions.reduce(
          (s, r) => s + r.pieces.reduce((t, x) => t + x.costCents, 0n),
          0n,
        );
        expect(lotCost + redeemedCost).toBe(costBought);
        PORTFOLIOS.forEach((p, i) => {
          expect(l.lots.filter((x) => x.portfolioId === p).reduce((s, x) => s + x.shareUnits, 0n)).toBe(
            held[i],
          );
        });
        for (const x of l.lots) {
          expect(x.shareUnits > 0n).toBe(true);
          expect(x.costCents >= 0n).toBe(true);
        }
        for (const r of l.redemptions) {
          expect(r.pieces.reduce((s, x) => s + x.shareUnits, 0n)).toBe(r.shareUnits);
          expect(r.grossCents).toBe(halfUp(r.shareUnits * r.priceUnits, 1_000_000n));
          expect(r.netCents).toBe(r.grossCents - r.cdscCents - r.redemptionFeeCents);
          expect(r.cdscCents).toBe(r.pieces.reduce((s, x) => s + x.cdscCents, 0n));
          for (const x of r.pieces) {
            const value = x.shareUnits * r.priceUnits; // in 10^-8 dollars
            const cost = x.costCents * 1_000_000n;
            expect(x.baseValueUnits).toBe(cost < value ? cost : value);
            // round_half_up(rate × base, 2): rate in micro-percent (10^-8), base in 10^-8 dollars
            expect(x.cdscCents).toBe(halfUp(x.rateMicroPct * x.baseValueUnits, 100_000_000n * 1_000_000n));
          }
        }
        for (const e of l.exchanges) {
          const act = acts.find((a) => a.kind === 'exchange' && a.exchangeId === e.exchangeId)!;
          if (act.kind !== 'exchange') throw new Error('not an exchange');
          expect(e.pieces.reduce((s, x) => s + x.shareUnits, 0n)).toBe(act.out.shareUnits);
          expect(e.pieces.reduce((s, x) => s + x.deliveredShareUnits, 0n)).toBe(act.in.shareUnits);
        }
        expect(ledgerJson(referenceReplayAccount('acct', acts, DEFAULT_CLASS_B_TERMS))).toEqual(
          ledgerJson(l),
        );
      }),
      { numRuns: 300 },
    );
  });
});
