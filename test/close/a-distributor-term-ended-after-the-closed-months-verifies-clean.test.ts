import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDays, type CliStore, classBAgreementSeeds, cliStore } from '../calc7/support.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §12: `audit verify` finds an input of a closed month changed outside plan12b — and only
 * that. Distributor terms are recorded append-only: ending AIM's open term (2003-08-18, no end)
 * on 2026-12-31 by `distributors import` adds a second record, which in May 2005 (closed) reads
 * exactly as the first (an end after the month is no end in it). What governed May is unchanged,
 * so verify must pass; it reported "distributor terms and rights assignments" changed.
 */
const CO = 'AIM Constellation Fund';
const AIM = 'AIM Distributors Inc.';
let store: CliStore;

describe.skipIf(!seedsAvailable)('a distributor term ended after the closed months', () => {
  beforeAll(async () => {
    store = await cliStore('term-ended-later');
    const s = store;
    await s.ok('init');
    await s.ok('exhibit', 'import', ...classBAgreementSeeds());
    await s.ok('accounts', 'import', s.file('accounts.csv', ['account,omnibus,dealer_of_record', 'N6,no,D']));
    await s.ok(
      'distributors',
      'import',
      s.file('distributors.csv', [
        'portfolio,distributor,start,end',
        `all,${AIM},2003-08-18,`,
        `${CO},${AIM},2003-08-18,`,
      ]),
    );
    await s.ok(
      'transactions',
      'import',
      s.file('transactions.csv', [
        'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
        `2004-05-03,N6P,N6,${CO},B,purchase,600,10.00,,`,
      ]),
    );
    await s.ok(
      'net-assets',
      'import',
      s.file('na.csv', [
        'date,portfolio,class,net_assets',
        ...businessDays('2005-05-01', '2005-06-30').map((d) => `${d},${CO},B,3650000.00`),
      ]),
    );
    await s.ok('close', '--month', '2005-05');
  });
  afterAll(() => store?.remove());

  it('verifies clean before and after the term is ended on 2026-12-31', async () => {
    expect((await store.json<{ ok: boolean }>('audit', 'verify')).ok).toBe(true);
    await store.ok(
      'distributors',
      'import',
      store.file('distributors-2.csv', [
        'portfolio,distributor,start,end',
        `${CO},${AIM},2003-08-18,2026-12-31`,
      ]),
    );
    const after = await store.json<{ ok: boolean; problems?: unknown }>('audit', 'verify');
    expect(after.ok, JSON.stringify(after)).toBe(true);
  });
});
