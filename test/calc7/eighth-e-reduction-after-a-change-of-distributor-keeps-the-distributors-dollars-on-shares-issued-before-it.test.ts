import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { businessDays, type CliStore, classBAgreementSeeds, cliStore } from './support.js';

/**
 * Agreement EIGHTH(E): "The Fund shall not amend the Plan to reduce the amount payable to the
 * Distributor or any Assignee under Section SEVENTH(B) hereof with respect to the Shares for any
 * Shares which have been issued prior to the date of such amendment."
 *
 * AIM Constellation Fund, Class B (seeds 003 + 004: 0.75%). AIM Distributors Inc. (the Distributor)
 * is exclusive distributor until E = 2005-04-30; Successor Distributors LLC from 2005-05-01. The
 * Board lowers the distribution fee to 0.50% from 2005-05-01. N6 bought 600 on 2004-05-03 (the
 * Distributor's, issued before the reduction); N7 bought 300 on 2005-05-10 (the Successor's, issued
 * after it). Net assets 3,650,000.00 every business day (75.00 a day at 0.75%).
 *
 * June 2005, everything counted at 05-31: 600 old shares at 0.75%, 300 new at 0.50%.
 *   A day's fee (FORMATS "Class B vintages"): 3,650,000.00 × (600 × 0.75 + 300 × 0.50) / 900 / 100
 *   / 365 = 66.666… → 66.67, by vintage 450 : 150 → 50.0025 / 16.6675 → 50.00 / 16.67 (the cent to
 *   the larger remainder). June: 30 × 66.67 = 2,000.10 = 1,500.00 (old) + 500.10 (new).
 * What EIGHTH(E) keeps: before the reduction the Distributor was paid 600/900 of 75.00 = 50.00 a day
 *   for its 600 shares; the reduction may not lower that. Its shares are all of the old vintage, so
 *   its 12b-1 Share is the old vintage's fee, 50.00 a day = 1,500.00 in June, and the Successor's is
 *   the new vintage's, 16.67 a day = 500.10.
 * What plan12b does (FORMATS: "The Distributor's 12b-1 Share, Other Distributors and Assignees are
 *   then split from these fees as before (Exhibit A by shares; not yet by vintage)"): 66.67 a day by
 *   shares 600 : 300 → 44.4467 / 22.2233 → 44.44 r .4467 and 22.22 r .2233, the cent to the larger
 *   remainder: 44.45 / 22.22 → June 1,333.50 / 666.60. The Distributor loses 166.50 in June on shares
 *   issued before the reduction, and the Successor's new shares are paid more than 0.50%
 *   (666.60 / 500.10).
 */

const CO = 'AIM Constellation Fund';
const AIM = 'AIM Distributors Inc.';
const SUCCESSOR = 'Successor Distributors LLC';

interface MonthlyCalc {
  portfolios: {
    portfolio: string;
    distributionFee: string;
    computations: { computedOn: string | null; parties: { distributor: string; twelveB1Share: string }[] }[];
    distributor12b1Share: string;
    otherDistributors: { distributor: string; twelveB1Share: string }[];
  }[];
  classBVintages?: { portfolio: string; runs: { vintages: { distributionFee: string }[] }[] }[];
}

let june: MonthlyCalc;
let store: CliStore;

describe.skipIf(!seedsAvailable)('EIGHTH(E) after a change of distributor', () => {
  beforeAll(async () => {
    store = await cliStore('calc7-eighth-e');
    const s = store;
    await s.ok('init');
    await s.ok('exhibit', 'import', ...classBAgreementSeeds());
    await s.ok(
      'accounts',
      'import',
      s.file('accounts.csv', ['account,omnibus,dealer_of_record', 'N6,no,D', 'N7,no,D']),
    );
    await s.ok(
      'distributors',
      'import',
      s.file('distributors.csv', [
        'portfolio,distributor,start,end',
        `all,${AIM},2003-08-18,`,
        `${CO},${AIM},2003-08-18,2005-04-30`,
        `${CO},${SUCCESSOR},2005-05-01,`,
      ]),
    );
    await s.ok(
      'transactions',
      'import',
      s.file('transactions.csv', [
        'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
        `2004-05-03,N6P,N6,${CO},B,purchase,600,10.00,,`,
        `2005-05-10,N7P,N7,${CO},B,purchase,300,10.00,,`,
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
    await s.ok(
      'rates',
      'set',
      '--portfolio',
      CO,
      '--class',
      'B',
      '--from',
      '2005-05-01',
      '--distribution-fee',
      '0.50',
    );
    june = await s.json<MonthlyCalc>('monthly-calculation', '--month', '2005-06');
  });
  afterAll(() => store?.remove());

  it('the vintages of June: 1,500.00 on the shares issued before the reduction, 500.10 on those after', () => {
    const co = june.portfolios.find((p) => p.portfolio === CO)!;
    expect(co.distributionFee).toBe('2000.10');
    const v = june.classBVintages!.find((x) => x.portfolio === CO)!;
    expect(v.runs.map((r) => r.vintages.map((x) => x.distributionFee))).toEqual([['1500.00', '500.10']]);
  });

  // Pinned: plan12b splits the vintage-weighted fee among the distributors by shares (1,333.50 /
  // 666.60), not by each vintage's fee (1,500.00 / 500.10). Fixing it needs each party's shares by
  // vintage at every Exhibit A computation (Commission Shares by DOI, 2(b) Free Shares by what they
  // derive from, 2(c) omnibus Free Shares, which carry no DOI) carried from the ledger replay into
  // the Monthly Calculation — and the DOI-range Transfers' fractions weighted the same way.
  it('the Distributor keeps its dollars on the shares issued before the reduction; the Successor is paid 0.50% on its new shares', () => {
    const co = june.portfolios.find((p) => p.portfolio === CO)!;
    expect([co.distributor12b1Share, co.otherDistributors]).toEqual([
      '1500.00',
      [{ distributor: SUCCESSOR, twelveB1Share: '500.10' }],
    ]);
  });
});
