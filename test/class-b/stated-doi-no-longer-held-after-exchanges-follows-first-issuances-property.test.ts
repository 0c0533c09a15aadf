import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, monthEnd, monthOf } from '../../src/calendar/isoDate.js';
import { accountStateAtMonthEnd } from '../../src/class-b/accountStateAtMonthEnd.js';
import {
  type ClassBActivity,
  createFreeExchange,
  createPurchase,
  createRedemption,
  createReinvestment,
} from '../../src/class-b/classBActivity.js';
import { AccountBook, replayAccount, replayAccountFrom } from '../../src/class-b/classBLedger.js';
import { DEFAULT_CLASS_B_TERMS } from '../../src/class-b/classBTerms.js';
import { referenceReplayAccount } from '../../src/class-b/referenceLedger.js';
import { divRoundHalfUp } from '../../src/money/cents.js';
import { ledgerJson } from './support/activity.js';
import { fullJson, monthsSpanned, runMonthPass } from './support/monthPassHarness.js';

const PORTFOLIOS = ['fund-a', 'fund-b', 'fund-c'] as const;
/** prices in 1/10,000 dollar: 10.00, 20.00, 25.00 */
const PRICE = [100_000n, 200_000n, 250_000n] as const;
const DOI = '2010-03-01';
const TERMS = DEFAULT_CLASS_B_TERMS;

/**
 * SPEC §6 ("a share reached through a chain of free exchanges is traced back to that first
 * issuance"), §7 2(b); lastHeldIssuance.ts. Random histories: purchases of DOI 2010-03-01 in one to
 * three portfolios, a chain of Free Exchange Transactions among them (a month apart), then every
 * share of a portfolio T redeemed, and the next day a reinvestment in T stating DOI 2010-03-01.
 * T then holds none of that DOI, so the reinvestment's Free Shares derive from the shares of it T
 * last held — exactly those the redemption took, by the portfolio that first issued each piece
 * (the redemption's own record of them) — where any came from another portfolio; where all were
 * T's own issuance, from T's issuance of that date. Every engine must say so: the fast ledger, the
 * decimal reference, the month pass month after month, and the ledger resumed from its state
 * stored at the month end before the reinvestment.
 */
const history = fc.record({
  bought: fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 500 })), {
    minLength: 1,
    maxLength: 3,
  }),
  exchanges: fc.array(
    fc.record({
      from: fc.nat(),
      to: fc.integer({ min: 1, max: 2 }),
      // 0: everything held; else that many ten-thousandths of it
      fraction: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10_000 })),
    }),
    { maxLength: 6 },
  ),
  target: fc.nat(),
});

type History = typeof history extends fc.Arbitrary<infer T> ? T : never;

function build(h: History): ClassBActivity[] {
  const book = new AccountBook('acct', TERMS);
  const out: ClassBActivity[] = [];
  const emit = (a: ClassBActivity) => {
    book.apply(a);
    out.push(a);
  };
  for (const [i, [p, shares]] of h.bought.entries())
    emit(
      createPurchase({
        txnId: `P${i}`,
        date: DOI,
        portfolioId: PORTFOLIOS[p]!,
        shareUnits: BigInt(shares) * 10_000n,
        priceUnits: PRICE[p]!,
      }),
    );
  let date = DOI;
  h.exchanges.forEach((x, i) => {
    date = addDays(monthEnd(monthOf(date)), 1);
    const held = PORTFOLIOS.map((_, p) => p).filter((p) => book.sharesHeld(PORTFOLIOS[p]!) > 0n);
    const from = held[x.from % held.length]!;
    const to = (from + x.to) % PORTFOLIOS.length;
    const all = book.sharesHeld(PORTFOLIOS[from]!);
    const outUnits = x.fraction === 0 ? all : (all * BigInt(x.fraction)) / 10_000n;
    if (outUnits === 0n) return;
    emit(
      createFreeExchange({
        exchangeId: `E${i}`,
        date,
        out: {
          txnId: `E${i}-out`,
          portfolioId: PORTFOLIOS[from]!,
          shareUnits: outUnits,
          priceUnits: PRICE[from]!,
        },
        in: {
          txnId: `E${i}-in`,
          portfolioId: PORTFOLIOS[to]!,
          // the shares delivered: out shares × out price / in price, to the nearest 0.0001 share
          shareUnits: divRoundHalfUp(outUnits * PRICE[from]!, PRICE[to]!),
          priceUnits: PRICE[to]!,
        },
      }),
    );
  });
  date = addDays(monthEnd(monthOf(date)), 1);
  const held = PORTFOLIOS.map((_, p) => p).filter((p) => book.sharesHeld(PORTFOLIOS[p]!) > 0n);
  const t = held[h.target % held.length]!;
  emit(
    createRedemption({
      txnId: 'X',
      date,
      portfolioId: PORTFOLIOS[t]!,
      shareUnits: book.sharesHeld(PORTFOLIOS[t]!),
      priceUnits: PRICE[t]!,
      waiver: null,
    }),
  );
  emit(
    createReinvestment({
      txnId: 'R',
      date: addDays(monthEnd(monthOf(date)), 1),
      portfolioId: PORTFOLIOS[t]!,
      shareUnits: 20_000n,
      priceUnits: PRICE[t]!,
      derivedFromDoi: DOI,
    }),
  );
  return out;
}

describe('a stated DOI no longer held after exchanges: the first issuances of the shares last held', () => {
  it('fast ledger, reference, month pass and the ledger resumed from its stored state agree, and follow the redemption', async () => {
    let foreign = 0;
    let own = 0;
    await fc.assert(
      fc.asyncProperty(history, async (h) => {
        const activity = build(h);
        const x = activity.find((a) => a.kind === 'redeem')!;
        const r = activity.at(-1)!;
        const fast = replayAccount('acct', activity, TERMS);
        // the expected weights, from the redemption's pieces (all of T's shares of the DOI)
        const redemption = fast.redemptions.find((y) => y.txnId === 'X')!;
        const byIssuer = new Map<string, bigint>();
        for (const p of redemption.pieces)
          byIssuer.set(p.issuingPortfolioId, (byIssuer.get(p.issuingPortfolioId) ?? 0n) + p.shareUnits);
        const expected = [...byIssuer.keys()].every((issuing) => issuing === x.portfolioId)
          ? [{ issuingPortfolioId: x.portfolioId, dateOfOriginalIssuance: DOI, shareUnits: 1n }]
          : [...byIssuer]
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([issuingPortfolioId, shareUnits]) => ({
                issuingPortfolioId,
                dateOfOriginalIssuance: DOI,
                shareUnits,
              }));
        if (expected[0]!.shareUnits === 1n) own++;
        else foreign++;
        const free = fast.lots.find((l) => l.lotId === 'R')!;
        expect(free.attribution).toEqual({ kind: 'derivedFrom', basis: 'statedDoi', weights: expected });

        const reference = referenceReplayAccount('acct', activity, TERMS);
        expect(ledgerJson(reference)).toEqual(ledgerJson(fast));

        const accounts = [{ account: 'acct', omnibus: false, activity }];
        const run = await runMonthPass(accounts, TERMS, PORTFOLIOS, monthsSpanned(accounts), {
          chunkSize: 1,
        });
        const until = monthEnd(monthOf(r.date));
        expect(fullJson(run.ledgers.get('acct'))).toBe(
          fullJson(replayAccount('acct', activity, TERMS, { until })),
        );

        const cut = addDays(`${monthOf(r.date)}-01`, -1);
        const state = accountStateAtMonthEnd(
          'acct',
          false,
          activity.filter((a) => a.date <= cut),
          TERMS,
          cut,
        );
        const resumed = replayAccountFrom(
          {
            account: 'acct',
            asOf: cut,
            lots: state.lots,
            lastHeld: state.lastHeld ?? [],
            nextSequence: state.nextSequence,
            nextArrival: state.nextArrival,
            systematicWithdrawals: state.systematicWithdrawals ?? [],
          },
          [r],
          TERMS,
        );
        expect(fullJson(resumed.lots)).toBe(fullJson(fast.lots));
        expect(fullJson(resumed.lastHeld)).toBe(fullJson(fast.lastHeld));
      }),
      { numRuns: 150 },
    );
    // both outcomes were generated
    expect(foreign).toBeGreaterThan(10);
    expect(own).toBeGreaterThan(10);
  });
});
