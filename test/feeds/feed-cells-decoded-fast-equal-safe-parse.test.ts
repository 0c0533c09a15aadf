import fc from 'fast-check';
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
import { decodeCellFast, REFUSED } from '../../src/import/feedFields.js';
import { hostile } from '../support/hostileStrings.js';

/**
 * Issue 14: a feed's cells are decoded by their field's own function without zod's work per call
 * (decodeCellFast), and zod's safeParse — the same function behind the schema — is asked only for
 * a refused cell's reasons. The two must agree on every cell of every feed's every column: a value
 * only where safeParse gives that value, REFUSED wherever safeParse refuses.
 */

const FEEDS: readonly { readonly name: string; readonly columns: FeedColumns }[] = [
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

/** Cells of every shape the feeds take, good and bad, and anything else. */
const cell = fc.oneof(
  hostile,
  fc.constantFrom('', ' ', '0', '1', '-1', '12', 'yes', 'No', 'purchase', 'REDEEM', 'death', 'B', '25%'),
  fc.constantFrom(
    '2025-12-01',
    '2024-02-29',
    '2023-02-29',
    '1989-12-31',
    '2101-01-01',
    '2025-13-01',
    '2025-12',
  ),
  fc
    .tuple(fc.bigInt({ min: -(10n ** 22n), max: 10n ** 22n }), fc.nat({ max: 99999 }), fc.nat({ max: 6 }))
    .map(([w, f, places]) =>
      places === 0 ? String(w) : `${w}.${String(f).padStart(5, '0').slice(0, places)}`,
    ),
  fc
    .array(fc.constantFrom('5', '4', '3.5', '100', '101', 'x', ' 2 '), { maxLength: 7 })
    .map((a) => a.join(',')),
);

const columnsOf = FEEDS.flatMap((f) =>
  Object.entries(f.columns).map(([column, c]) => ({ feed: f.name, column, type: c.type })),
);

describe('a feed cell decoded by its field function equals safeParse', () => {
  it('gives safeParse value where safeParse succeeds or REFUSED, and REFUSED wherever it refuses, for every column of every feed', () => {
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(cell, (raw) => {
        for (const { feed, column, type } of columnsOf) {
          const what = `${feed}.${column} ${JSON.stringify(raw)}`;
          const v = decodeCellFast(type, raw);
          const parsed = type.safeParse(raw);
          if (!parsed.success) {
            // refused without zod: safeParse is then asked for the reasons
            expect(v, what).toBe(REFUSED);
            refused++;
          } else if (v !== REFUSED) {
            fast++;
            expect(v, what).toStrictEqual(parsed.data);
          }
        }
      }),
      { numRuns: 500 },
    );
    // both sides were met often: values decoded without zod, and cells refused
    expect(fast).toBeGreaterThan(1_000);
    expect(refused).toBeGreaterThan(1_000);
  });

  it('decodes every column of the transactions feed without zod (a month is a million rows of them)', () => {
    const good: Record<string, string> = {
      date: '2025-12-01',
      txn_id: 'M0',
      account: 'A73334',
      portfolio: 'Summit Small Cap Fund',
      class: 'B',
      type: 'purchase',
      shares: '59.6022',
      price: '39.3303',
      exchange_id: '',
      waiver: 'death',
      attributed_distributor: '',
      derived_from_doi: '2019-03-31',
    };
    for (const [column, c] of Object.entries(transactionsFeed.columns))
      expect(decodeCellFast(c.type, good[column]!), column).not.toBe(REFUSED);
    // and the values are the fields' own: units as bigints, an empty optional cell null
    expect(decodeCellFast(transactionsFeed.columns.shares.type, '59.6022')).toBe(596022n);
    expect(decodeCellFast(transactionsFeed.columns.price.type, '')).toBeNull();
    expect(decodeCellFast(transactionsFeed.columns.type.type, 'REDEEM')).toBe('redeem');
    expect(decodeCellFast(transactionsFeed.columns.shares.type, '0')).toBe(REFUSED);
  });
});
