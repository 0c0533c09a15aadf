import { addDays, toDayNumber } from '../../../src/calendar/isoDate.js';
import { createCdscSchedule } from '../../../src/class-b/cdscSchedule.js';
import type { CdscWaiver } from '../../../src/class-b/cdscWaiver.js';
import {
  type ClassBActivity,
  createConversionNotice,
  createFreeExchange,
  createPurchase,
  createRedemption,
  createReinvestment,
} from '../../../src/class-b/classBActivity.js';
import { AccountBook } from '../../../src/class-b/classBLedger.js';
import {
  type ClassBTerms,
  createClassBTerms,
  createConversionPeriod,
} from '../../../src/class-b/classBTerms.js';
import { createDistributorTerm, type DistributorTerm } from '../../../src/class-b/distributorTerm.js';
import { createRedemptionFeeRule } from '../../../src/class-b/redemptionFeeRule.js';
import { seededRandom } from '../../../src/demo/demoComplex.js';
import { divRoundHalfUp } from '../../../src/money/cents.js';

export const GENERATED_PORTFOLIOS = ['fund-a', 'fund-b', 'fund-c', 'fund-d', 'fund-e'] as const;

/** Terms with every kind of data: a second CDSC schedule by DOI, a 7-year conversion, two redemption fees. */
export const GENERATED_TERMS: ClassBTerms = createClassBTerms({
  cdscSchedules: [
    createCdscSchedule({
      name: 'fund-c from 2003: 5-4-4-3-2-2-1',
      portfolioId: 'fund-c',
      doiFrom: '2003-01-01',
      yearRatesPct: ['5', '4', '4', '3', '2', '2', '1'],
    }),
  ],
  conversionPeriods: [createConversionPeriod({ portfolioId: 'fund-d', years: 7 })],
  redemptionFees: [
    createRedemptionFeeRule({ portfolioId: 'fund-b', ratePct: '2', holdingDays: 30 }),
    createRedemptionFeeRule({ portfolioId: 'fund-e', ratePct: '0.25' }),
  ],
});

/** A price per share in 1/10,000 dollar that wanders with the date; different per portfolio. */
export function generatedPriceUnits(portfolioIndex: number, date: string): bigint {
  const day = toDayNumber(date);
  const base = 8 + portfolioIndex * 7;
  const level =
    base * (1 + 0.35 * Math.sin(day / 211 + portfolioIndex) + 0.08 * Math.sin(day / 13 + 2 * portfolioIndex));
  return BigInt(Math.max(1, Math.round(level * 10_000)));
}

/** Distributors a reinvestment row may name (Exhibit A 2(b)). */
export const GENERATED_DISTRIBUTORS = ['A I M Distributors', 'Other Distributor LLC'] as const;

const WAIVERS: readonly CdscWaiver[] = [
  'death',
  'disability',
  'required_minimum_distribution',
  'excess_contribution',
];

/**
 * Years of one account's activity — purchases (some on Feb 29), reinvestments, partial and full
 * redemptions, waivers, systematic withdrawals within 12% a year, chains of exchanges across the
 * portfolios, and the transfer agent's convert rows for some of the conversions — valid by
 * construction: a scratch ledger says what the account holds before each step.
 */
export function generateAccountActivity(seed: number, account: string, steps = 30): ClassBActivity[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const book = new AccountBook(account, GENERATED_TERMS);
  const out: ClassBActivity[] = [];
  const swp = new Map<string, { allowance: bigint; used: bigint }>();
  let date = `${1996 + Math.floor(rnd() * 10)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 10)}`;
  if (rnd() < 0.05) date = pick(['2000-02-29', '2004-02-29']);
  let n = 0;
  const id = () => `${account}-${n++}`;
  const price = (pid: string) => generatedPriceUnits(GENERATED_PORTFOLIOS.indexOf(pid as 'fund-a'), date);
  const held = () => GENERATED_PORTFOLIOS.filter((p) => book.sharesHeld(p) > 0n);
  const fraction = (units: bigint) => {
    if (rnd() < 0.15) return units;
    const f = BigInt(1 + Math.floor(rnd() * 9_999));
    const s = (units * f) / 10_000n;
    return s > 0n ? s : units;
  };
  let conversionsSeen = 0;
  const emit = (a: ClassBActivity) => {
    book.apply(a);
    const fresh = book.conversions.slice(conversionsSeen);
    conversionsSeen = book.conversions.length;
    for (const c of fresh) {
      if (rnd() < 0.5) continue;
      const total = c.commissionShareUnits + c.freeShareUnits;
      const first = total > 1n && rnd() < 0.3 ? total / 2n : total;
      const notices = [first, total - first].filter((s) => s > 0n);
      for (const s of notices)
        out.push(
          createConversionNotice({ txnId: id(), date: c.date, portfolioId: c.portfolioId, shareUnits: s }),
        );
    }
    out.push(a);
  };
  for (let step = 0; step < steps; step++) {
    book.closeThrough(addDays(date, -1)); // the conversions due before today, so that holdings are today's
    const holdings = held();
    const r = rnd();
    if (holdings.length === 0 || r < 0.22) {
      const pid = pick(GENERATED_PORTFOLIOS);
      const shares = BigInt(1 + Math.floor(rnd() * 5_000_000));
      emit(
        createPurchase({ txnId: id(), date, portfolioId: pid, shareUnits: shares, priceUnits: price(pid) }),
      );
    } else if (r < 0.45) {
      const pid = pick(holdings);
      // now and then a dust-sized reinvestment, which a later exchange may leave without a share
      const shares = BigInt(1 + Math.floor(rnd() * (rnd() < 0.08 ? 3 : 200_000)));
      // Exhibit A 2(b): the row may state the attribution — a distributor, or the DOI the Free
      // Shares derive from (one the account holds, or now and then one it no longer holds).
      const stated = rnd();
      const dois = book
        .lots()
        .filter((l) => l.portfolioId === pid && l.kind === 'commission')
        .map((l) => l.dateOfOriginalIssuance);
      emit(
        createReinvestment({
          txnId: id(),
          date,
          portfolioId: pid,
          shareUnits: shares,
          priceUnits: price(pid),
          ...(stated < 0.1
            ? { attributedDistributor: pick(GENERATED_DISTRIBUTORS) }
            : stated < 0.2 && dois.length > 0
              ? { derivedFromDoi: pick(dois) }
              : stated < 0.22
                ? // one it held there and no longer does, first issued elsewhere (lastHeldIssuance.ts),
                  // else most likely one it never held there
                  {
                    derivedFromDoi:
                      book.result().lastHeld.find((m) => m.portfolioId === pid)?.dateOfOriginalIssuance ??
                      addDays(date, -400),
                  }
                : {}),
        }),
      );
    } else if (r < 0.68) {
      const pid = pick(holdings);
      const waiver = rnd() < 0.1 ? pick(WAIVERS) : null;
      const shares = fraction(book.sharesHeld(pid));
      emit(
        createRedemption({
          txnId: id(),
          date,
          portfolioId: pid,
          shareUnits: shares,
          priceUnits: price(pid),
          waiver,
        }),
      );
    } else if (r < 0.74) {
      const pid = pick(holdings);
      const key = `${pid}|${date.slice(0, 4)}`;
      // DOMAIN §4.3: 12% of the account value (shares × price at the year's first one) a year, in
      // cents of gross proceeds: share units × price units are 10^-6 cent
      const s = swp.get(key) ?? {
        allowance: divRoundHalfUp(book.sharesHeld(pid) * price(pid) * 12n, 100n * 1_000_000n),
        used: 0n,
      };
      swp.set(key, s);
      const shares = book.sharesHeld(pid) / 50n;
      const gross = divRoundHalfUp(shares * price(pid), 1_000_000n);
      if (shares > 0n && s.used + gross <= s.allowance) {
        s.used += gross;
        emit(
          createRedemption({
            txnId: id(),
            date,
            portfolioId: pid,
            shareUnits: shares,
            priceUnits: price(pid),
            waiver: 'systematic_withdrawal',
          }),
        );
      }
    } else {
      const from = pick(holdings);
      // Half the time toward a portfolio the account already holds, so that pieces of one purchase
      // reach a portfolio by different routes at different price ratios (SPEC §6: never merged).
      const heldElsewhere = holdings.filter((p) => p !== from);
      const to =
        heldElsewhere.length > 0 && rnd() < 0.5
          ? pick(heldElsewhere)
          : pick(GENERATED_PORTFOLIOS.filter((p) => p !== from));
      const outShares = fraction(book.sharesHeld(from));
      const pOut = price(from);
      const pIn = price(to);
      const inShares = divRoundHalfUp(outShares * pOut, pIn);
      if (inShares > 0n) {
        const exchangeId = id();
        emit(
          createFreeExchange({
            exchangeId,
            date,
            out: { txnId: `${exchangeId}-out`, portfolioId: from, shareUnits: outShares, priceUnits: pOut },
            in: { txnId: `${exchangeId}-in`, portfolioId: to, shareUnits: inShares, priceUnits: pIn },
          }),
        );
      }
    }
    date = addDays(date, rnd() < 0.1 ? 0 : Math.floor(1 + rnd() * (rnd() < 0.3 ? 20 : 260)));
    if (date > '2016-12-31') break;
  }
  return out;
}

/**
 * Exhibit A terms of the generated histories' differential tests: the rights assigned once, two
 * hand-overs of the Distributor, one portfolio with a Distributor of its own.
 */
export const HANDED_OVER_DISTRIBUTOR = 'A I M Distributors';
export const HANDED_OVER_TERMS: readonly DistributorTerm[] = [
  createDistributorTerm({
    portfolioId: null,
    distributor: 'INVESCO Distributors',
    start: '1990-01-01',
    end: '2001-06-30',
    rightsAssignedTo: HANDED_OVER_DISTRIBUTOR,
  }),
  createDistributorTerm({
    portfolioId: null,
    distributor: HANDED_OVER_DISTRIBUTOR,
    start: '2001-07-01',
    end: '2007-12-31',
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: null,
    distributor: 'Other Distributor LLC',
    start: '2008-01-01',
    end: null,
    rightsAssignedTo: null,
  }),
  createDistributorTerm({
    portfolioId: 'fund-c',
    distributor: 'Third Distributor',
    start: '2004-01-01',
    end: null,
    rightsAssignedTo: null,
  }),
];
