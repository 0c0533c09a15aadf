import { exhibitAByVintage } from '../allocation/exhibitAByVintage.js';
import type { ClassBTerms } from '../class-b/classBTerms.js';
import type { DistributorTerm } from '../class-b/distributorTerm.js';
import { type DistributionFeeReduction, vintageSharesOfLots, vintagesOf } from '../class-b/vintageSplit.js';
import type { Queryable } from '../store/database.js';
import { visitHoldings } from './distributorShareReport.js';

/**
 * Agreement EIGHTH(E) in the Monthly Calculation: at each date a portfolio's split is computed
 * (its Exhibit A computations, SPEC §7; the DOI-range Transfers' counts, SPEC §8), the parties'
 * shares by vintage — one pass over the accounts holding the portfolio (a stored month end's
 * ledger read, any other date replayed), only for a portfolio whose Class B fee accrued by
 * vintage in the month. The same lots at the same dates for `monthly-calculation` and for a
 * month's close, so both split alike.
 */
export interface VintageCountsAt {
  /** Exhibit A by vintage (2(c) as the computation at this date attributed, else 2(b)); by party */
  readonly byParty: ReadonlyMap<string, readonly bigint[]>;
  /**
   * the Distributor's shares by vintage by 2(a)–(b) (a date that is no computation), an Omnibus
   * Account's Free Shares left out: 2(c)'s, as they stand from the latest computation
   */
  readonly distributorBy2b: readonly bigint[];
  /** the Distributor's 2(c) Omnibus Free Shares by vintage, where this date is a computation's */
  readonly distributorOmnibus2c: readonly bigint[];
  /** all shares outstanding by vintage */
  readonly all: readonly bigint[];
}

export async function exhibitAVintageCounts(
  q: Queryable,
  portfolioId: string,
  dates: readonly string[],
  reductions: readonly Pick<DistributionFeeReduction, 'date'>[],
  ctx: {
    readonly terms: readonly DistributorTerm[];
    readonly classBTerms: ClassBTerms;
    readonly distributor: string;
    /** by computation date: each Omnibus Account's 2(c) Free Shares by party (the schedule's) */
    readonly omnibusFreeShares?: ReadonlyMap<string, ReadonlyMap<string, ReadonlyMap<string, bigint>>>;
  },
): Promise<Map<string, VintageCountsAt>> {
  const n = vintagesOf(reductions).length;
  const zero = () => new Array<bigint>(n).fill(0n);
  const sums = new Map(
    dates.map((d) => [
      d,
      {
        byParty: new Map<string, bigint[]>([[ctx.distributor, zero()]]),
        by2b: zero(),
        omnibus2c: zero(),
        all: zero(),
      },
    ]),
  );
  const addRow = (into: bigint[], row: readonly bigint[]) =>
    row.forEach((x, k) => {
      into[k] = into[k]! + x;
    });
  await visitHoldings(q, new Map([[portfolioId, [...dates]]]), ctx.classBTerms, (pid, date, account) => {
    const at = sums.get(date);
    if (pid !== portfolioId || at === undefined) return;
    const base = {
      portfolioId,
      distributor: ctx.distributor,
      terms: ctx.terms,
      accounts: [account],
      reductions,
    };
    const omnibus = ctx.omnibusFreeShares?.get(date);
    const withOmnibus = exhibitAByVintage(
      omnibus === undefined ? base : { ...base, omnibusFreeShares: omnibus },
    );
    for (const [who, row] of withOmnibus) {
      let into = at.byParty.get(who);
      if (into === undefined) {
        into = zero();
        at.byParty.set(who, into);
      }
      addRow(into, row);
    }
    if (account.omnibus) {
      // 2(a) of the account; its Free Shares are 2(c)'s (2(b) excludes Omnibus Shares)
      const lots = account.lots.filter((l) => l.kind !== 'free');
      const commissionOnly = exhibitAByVintage({ ...base, accounts: [{ ...account, lots }] });
      addRow(at.by2b, commissionOnly.get(ctx.distributor) ?? zero());
      if (omnibus !== undefined) {
        const freeOnly = exhibitAByVintage({
          ...base,
          accounts: [{ ...account, lots: account.lots.filter((l) => l.kind === 'free') }],
          omnibusFreeShares: omnibus,
        });
        addRow(at.omnibus2c, freeOnly.get(ctx.distributor) ?? zero());
      }
    } else addRow(at.by2b, withOmnibus.get(ctx.distributor) ?? zero());
    addRow(at.all, vintageSharesOfLots(account.lots, portfolioId, reductions));
  });
  return new Map(
    [...sums].map(([d, s]) => [
      d,
      { byParty: s.byParty, distributorBy2b: s.by2b, distributorOmnibus2c: s.omnibus2c, all: s.all },
    ]),
  );
}
