import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocationAccount, computeDistributorShare } from '../../src/allocation/distributorShare.js';
import { exhibitAOfLedgerState, UnitsSum } from '../../src/allocation/exhibitAOfLedgerState.js';
import { monthEnd, toDayNumber } from '../../src/calendar/isoDate.js';
import type { FreeShareAttribution } from '../../src/class-b/freeShareAttribution.js';
import { type ClassBLedgerState, NO_LAST_HELD } from '../../src/class-b/monthPassColumns.js';
import { createDictionaries, type MonthPassDictionaries } from '../../src/class-b/monthPassRecords.js';
import { visitStateAccounts } from '../../src/reports/distributorShareReport.js';
import {
  addDistributorCounts,
  addDistributorHoldings,
  type DistributorHoldings,
} from '../../src/reports/monthlyCalculationReport.js';
import {
  GENERATED_PORTFOLIOS,
  GENERATED_TERMS,
  HANDED_OVER_DISTRIBUTOR,
  HANDED_OVER_TERMS,
} from '../class-b/support/generatedActivity.js';
import { generatedAccounts, monthsSpanned, runMonthPass } from '../class-b/support/monthPassHarness.js';
import { noSystematicWithdrawals } from '../support/ledgerStateFixtures.js';

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

const DISTRIBUTOR = HANDED_OVER_DISTRIBUTOR;
const TERMS = HANDED_OVER_TERMS;

/**
 * The reference: the close's path before issue 14's columns — a record per lot, each account
 * visited (visitStateAccounts), the accounts other than Omnibus Accounts through
 * computeDistributorShare, every account through the Monthly Calculation's addDistributorHoldings.
 */
function perAccount(
  state: ClassBLedgerState,
  d: MonthPassDictionaries,
  accountNames: ReadonlyMap<number, string>,
  date: string,
) {
  const byPortfolio = new Map<
    string,
    { others: AllocationAccount[]; omnibus: string[]; counts: DistributorHoldings }
  >();
  visitStateAccounts((pid, _date, account) => {
    let p = byPortfolio.get(pid);
    if (!p) {
      p = { others: [], omnibus: [], counts: { byDoi: new Map(), total: 0n, allocated: 0n } };
      byPortfolio.set(pid, p);
    }
    if (account.omnibus) p.omnibus.push(account.account);
    else p.others.push(account);
    addDistributorHoldings(p.counts, account, {
      portfolioId: pid,
      date,
      distributor: DISTRIBUTOR,
      terms: TERMS,
    });
  })(state, accountNames, d, date, new Set(d.portfolios.names));
  return new Map(
    [...byPortfolio].map(([pid, p]) => [
      pid,
      {
        others: computeDistributorShare({
          portfolioId: pid,
          date,
          distributor: DISTRIBUTOR,
          terms: TERMS,
          accounts: p.others,
        }),
        omnibus: p.omnibus,
        counts: p.counts,
      },
    ]),
  );
}

/** The columns' path, shaped as {@link perAccount}'s result (portfolios holding no lot left out). */
function fromColumns(
  state: ClassBLedgerState,
  d: MonthPassDictionaries,
  accountNames: ReadonlyMap<number, string>,
  date: string,
) {
  const asked = new Map(d.portfolios.names.map((_, k) => [k, { exhibitA: true, counts: true }]));
  const sums = exhibitAOfLedgerState(state, d.portfolios.names, asked, {
    date,
    distributor: DISTRIBUTOR,
    terms: TERMS,
  });
  const out = new Map<string, unknown>();
  for (const [k, s] of sums) {
    const counts: DistributorHoldings = { byDoi: new Map(), total: 0n, allocated: 0n };
    addDistributorCounts(counts, s.counts!);
    const omnibus = s.exhibitA!.omnibusAccounts.map((a) => accountNames.get(state.accounts.key[a]!)!);
    const held = state.lots.portfolio.some((p) => p === k);
    if (held) out.set(d.portfolios.names[k]!, { others: s.exhibitA!.others, omnibus, counts });
  }
  return out;
}

/** Both, comparable: the counts' DOIs sorted as the Monthly Calculation sorts them. */
function comparable(m: Map<string, unknown>): string {
  return json(
    [...m]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([pid, v]) => {
        const x = v as { others: unknown; omnibus: string[]; counts: DistributorHoldings };
        return [
          pid,
          x.others,
          x.omnibus,
          x.counts.total,
          x.counts.allocated,
          [...x.counts.byDoi].sort(([a], [b]) => (a < b ? -1 : 1)),
        ];
      }),
  );
}

const namesOf = (state: ClassBLedgerState, d: MonthPassDictionaries) =>
  new Map([...state.accounts.key].map((k) => [k, d.accounts.name(k)]));

// 400 generated accounts (every tenth an Omnibus Account), month by month through their history,
// compared at every 6th month end: conversions, waivers, redemption fees, exchanges and Free Shares
// split between distributors all reach the compared states. PLAN12B_EXHIBIT_A_COLUMNS_ACCOUNTS for more.
const ACCOUNTS = Number(process.env.PLAN12B_EXHIBIT_A_COLUMNS_ACCOUNTS ?? 400);

describe('Exhibit A and the DOI counts from the ledger columns equal the per-account records', () => {
  it(`${ACCOUNTS} generated accounts through the month pass, every 6th month end`, async () => {
    const accounts = generatedAccounts(ACCOUNTS, 7_000);
    const months = monthsSpanned(accounts);
    const mismatches: string[] = [];
    const seen = { states: 0, lots: 0, freeLots: 0, splitFreeLots: 0, omnibusHolding: 0, otherParties: 0 };
    await runMonthPass(accounts, GENERATED_TERMS, GENERATED_PORTFOLIOS, months, {
      chunkSize: 150,
      atMonthEnd(month, r, d) {
        if (months.indexOf(month) % 6 !== 5 && month !== months.at(-1)) return;
        const date = monthEnd(month);
        const names = namesOf(r.state, d);
        const want = perAccount(r.state, d, names, date);
        const got = fromColumns(r.state, d, names, date);
        if (comparable(got) !== comparable(want))
          mismatches.push(`${month}: ${comparable(got)} ≠ ${comparable(want)}`);
        seen.states++;
        seen.lots += r.state.lots.count;
        for (let i = 0; i < r.state.lots.count; i++) {
          if (r.state.lots.free[i] !== 1) continue;
          seen.freeLots++;
          const a = r.state.attributions[r.state.lots.attribution[i]!];
          if (a?.kind === 'derivedFrom' && a.weights.length > 1) seen.splitFreeLots++;
        }
        for (const v of want.values()) {
          seen.omnibusHolding += v.omnibus.length;
          seen.otherParties += v.others.parties.length - 1;
        }
      },
    });
    expect(mismatches.slice(0, 3)).toEqual([]);
    for (const [what, n] of Object.entries(seen)) expect(n, what).toBeGreaterThan(ACCOUNTS / 20);
  });

  it('generated ledger columns (shared and multi-party attributions, lots of 2^52 units, Omnibus Accounts)', () => {
    const portfolios = ['fund-a', 'fund-b', 'fund-c'];
    // with two DOIs over 90 years from the rest: an issuing portfolio's days then span more than
    // exhibitAOfLedgerState keeps in one array
    const dois = [
      '1903-02-27',
      '1999-05-03',
      '2001-06-30',
      '2001-07-02',
      '2005-01-03',
      '2007-12-31',
      '2008-01-02',
      '2010-06-30',
      '2125-11-28',
    ];
    const attribution: fc.Arbitrary<FreeShareAttribution> = fc.oneof(
      fc
        .constantFrom(
          ...['A I M Distributors', 'INVESCO Distributors', 'Other Distributor LLC', 'Third Distributor'],
        )
        .map((distributor): FreeShareAttribution => ({ kind: 'distributor', distributor })),
      fc
        .array(
          fc.record({
            issuingPortfolioId: fc.constantFrom(...portfolios),
            dateOfOriginalIssuance: fc.constantFrom(...dois),
            shareUnits: fc.bigInt({ min: 1n, max: 10_000_000n }),
          }),
          { maxLength: 4 },
        )
        .map(
          (weights): FreeShareAttribution => ({
            kind: 'derivedFrom',
            basis: 'accountCommissionShares',
            weights,
          }),
        ),
    );
    const lot = fc.record({
      portfolio: fc.nat({ max: 2 }),
      issuing: fc.nat({ max: 2 }),
      free: fc.boolean(),
      doi: fc.constantFrom(...dois),
      units: fc.oneof(fc.integer({ min: 1, max: 50_000_000 }), fc.constant(2 ** 52)),
      attribution: fc.integer({ min: -1, max: 5 }),
    });
    const account = fc.record({ omnibus: fc.boolean(), lots: fc.array(lot, { maxLength: 6 }) });
    fc.assert(
      fc.property(
        fc.array(account, { minLength: 1, maxLength: 12 }),
        fc.array(attribution, { minLength: 6, maxLength: 6 }),
        (accts, attributions) => {
          const d = createDictionaries(portfolios);
          // as the ledger keeps them: one attribution per reinvestment, whose lots share its issuance
          // (exchanges and conversions keep the DOI and the issuing portfolio)
          const lots = accts.flatMap((a) =>
            a.lots.map((l) =>
              l.free && l.attribution >= 0
                ? { ...l, issuing: l.attribution % 3, doi: dois[l.attribution % dois.length]! }
                : l,
            ),
          );
          const lotStart = new Int32Array(accts.length + 1);
          accts.forEach((a, i) => {
            lotStart[i + 1] = lotStart[i]! + a.lots.length;
          });
          const state: ClassBLedgerState = {
            accounts: {
              count: accts.length,
              key: Int32Array.from(accts, (_, i) => d.accounts.key(`acct-${i}`)),
              omnibus: Uint8Array.from(accts, (a) => (a.omnibus ? 1 : 0)),
              nextSequence: Int32Array.from(accts, (a) => a.lots.length),
              nextArrival: Int32Array.from(accts, (a) => a.lots.length),
              lotStart,
              withdrawalStart: new Int32Array(accts.length + 1),
              lastHeldStart: new Int32Array(accts.length + 1),
            },
            lastHeld: NO_LAST_HELD,
            lots: {
              count: lots.length,
              portfolio: Int32Array.from(lots, (l) => l.portfolio),
              issuingPortfolio: Int32Array.from(lots, (l) => l.issuing),
              origin: Float64Array.from(lots, (_, i) => d.txns.key(`t${i}`)),
              free: Uint8Array.from(lots, (l) => (l.free ? 1 : 0)),
              doiDay: Int32Array.from(lots, (l) => toDayNumber(l.doi)),
              sequence: Int32Array.from(lots, (_, i) => i),
              arrival: Int32Array.from(lots, (_, i) => i),
              shareUnits: Float64Array.from(lots, (l) => l.units),
              costCents: new Float64Array(lots.length),
              attribution: Int32Array.from(lots, (l) => (l.free ? l.attribution : -1)),
            },
            systematicWithdrawals: noSystematicWithdrawals(),
            attributions,
          };
          const names = namesOf(state, d);
          expect(comparable(fromColumns(state, d, names, '2010-06-30'))).toBe(
            comparable(perAccount(state, d, names, '2010-06-30')),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sums of share units stay exact past 2^53', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), { maxLength: 40 }), (xs) => {
        const s = new UnitsSum();
        for (const x of xs) s.add(x);
        expect(s.value()).toBe(xs.reduce((a, x) => a + BigInt(x), 0n));
      }),
    );
  });
});
