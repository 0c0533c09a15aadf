import { describe, expect, it } from 'vitest';
import { accountsFeed } from '../../src/feeds/accountsFeed.js';
import { approvalsFeed } from '../../src/feeds/approvalsFeed.js';
import { classBTermsFeed } from '../../src/feeds/classBTermsFeed.js';
import { distributorsFeed } from '../../src/feeds/distributorsFeed.js';
import { expendituresFeed } from '../../src/feeds/expendituresFeed.js';
import { grossSalesFeed } from '../../src/feeds/grossSalesFeed.js';
import { netAssetsFeed } from '../../src/feeds/netAssetsFeed.js';
import { omnibusFeed } from '../../src/feeds/omnibusFeed.js';
import { primeRateFeed } from '../../src/feeds/primeRateFeed.js';
import { providerAssetsFeed } from '../../src/feeds/providerAssetsFeed.js';
import { providersFeed } from '../../src/feeds/providersFeed.js';
import { terminationsFeed } from '../../src/feeds/terminationsFeed.js';
import { transactionsFeed } from '../../src/feeds/transactionsFeed.js';
import { transfersFeed } from '../../src/feeds/transfersFeed.js';
import type { FeedColumns } from '../../src/import/csvFeed.js';
import { decodeCellFast } from '../../src/import/feedFields.js';

/**
 * SPEC §3 (amounts, shares, prices and rates are decimal strings) and docs/FORMATS.md "Numbers":
 * every decimal column of every feed — money (net assets, gross sales, expenditures), shares,
 * prices, percentages — reads a cell by one rule. `.50` is `0.50` (transfer agents' files write
 * it so), spaces around are ignored; a plus sign, a minus sign (no column takes a negative value,
 * `-0` included), an exponent (`1e3`), a comma (`1,000.00`) and a point with no digit after it
 * (`1.`) are refused, each saying why.
 *
 * Expected, by hand: a decimal column is one that takes `0.50` and refuses `x`; the feeds have
 * 1 + 1 + 3 + 1 + 2 + 3 + 3 + 1 + 1 + 2 + 2 = 20 (net assets 1; provider assets 1; gross sales 3;
 * expenditures 1; transactions 2: shares, price; omnibus 3; approvals 3 shares; prime rate 1;
 * providers 1 own rate; transfers 2 portions; class B terms 2: the CDSC schedule, a list, and the
 * redemption fee). Accounts, distributors and terminations have none; the approvals' trustee
 * counts are whole numbers.
 */

const FEEDS = [
  accountsFeed,
  approvalsFeed,
  classBTermsFeed,
  distributorsFeed,
  expendituresFeed,
  grossSalesFeed,
  netAssetsFeed,
  omnibusFeed,
  primeRateFeed,
  providerAssetsFeed,
  providersFeed,
  terminationsFeed,
  transactionsFeed,
  transfersFeed,
] as unknown as { name: string; columns: FeedColumns }[];

const decimalColumns = FEEDS.flatMap((feed) =>
  Object.entries(feed.columns)
    .filter(([, c]) => c.type.safeParse('0.50').success && !c.type.safeParse('x').success)
    .map(([column, c]) => ({
      where: `${feed.name}.${column}`,
      type: c.type,
      list: column === 'cdsc_schedule_pct',
    })),
);

/** The reason a cell is refused, as the feed lists it. */
function reasonOf(type: FeedColumns[string]['type'], cell: string): string {
  const r = type.safeParse(cell);
  expect(r.success, cell).toBe(false);
  expect(decodeCellFast(type, cell), cell).toEqual(decodeCellFast(type, '\u0000'));
  return r.error!.issues.map((i) => i.message).join('; ');
}

describe('decimal cells: one rule in every feed', () => {
  it('finds the 20 decimal columns of the feeds', () => {
    expect(decimalColumns.map((c) => c.where)).toHaveLength(20);
  });

  it.each(decimalColumns)('$where reads .50 as 0.50, 5 as 5.00, and ignores spaces around', ({ type }) => {
    const value = (cell: string) => {
      const r = type.safeParse(cell);
      expect(r.success, cell).toBe(true);
      expect(decodeCellFast(type, cell), cell).toEqual(r.data);
      return r.data;
    };
    expect(value('.50')).toEqual(value('0.50'));
    expect(value('.5')).toEqual(value('0.5'));
    expect(value('5')).toEqual(value('5.00'));
    expect(value(' 1.00 ')).toEqual(value('1.00'));
  });

  it.each(decimalColumns)(
    '$where refuses a sign, an exponent, a comma and a bare point, saying why',
    ({ type, list }) => {
      expect(reasonOf(type, '+1')).toMatch(/plus sign/);
      // a price: "must be above zero"
      expect(reasonOf(type, '-0')).toMatch(/negative|above zero/);
      expect(reasonOf(type, '-1.00')).toMatch(/negative|above zero/);
      expect(reasonOf(type, '1e3')).toMatch(/exponent/);
      expect(reasonOf(type, '1.')).toMatch(/decimal point needs a digit after it/);
      // a list column (a rate per year, "5,4,3") is separated by commas: its items are each a rate
      if (!list) expect(reasonOf(type, '1,000.00')).toMatch(/comma/);
      else expect(reasonOf(type, '5,1.,3')).toMatch(/year 2: .*decimal point needs a digit/);
    },
  );
});
