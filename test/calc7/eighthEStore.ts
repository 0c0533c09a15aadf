import { businessDays, type CliStore, classBAgreementSeeds, cliStore } from './support.js';

/**
 * The EIGHTH(E) set-up of the calc7 tests: AIM Constellation Fund, Class B (seeds 003 + 004:
 * 0.75%), AIM Distributors Inc. exclusive until 2005-04-30, Successor Distributors LLC from
 * 2005-05-01; net assets 3,650,000.00 every business day of May and June 2005 (100.00 a day for
 * each 1% a year: 3,650,000.00 × 1 / 100 / 365); the Board lowers the distribution fee to 0.50%
 * from `reducedFrom`. The caller's accounts, transactions and other feeds follow.
 */
export const CO = 'AIM Constellation Fund';
export const AIM = 'AIM Distributors Inc.';
export const SUCCESSOR = 'Successor Distributors LLC';

export async function eighthEStore(
  prefix: string,
  opts: {
    reducedFrom: string;
    /** the distributor from 2005-05-01 (default {@link SUCCESSOR}) */
    successor?: string;
    accounts: readonly string[];
    transactions: readonly string[];
    /** further imports before the rate is set (transfers, omnibus figures) */
    before?: (s: CliStore) => Promise<void>;
  },
): Promise<CliStore> {
  const s = await cliStore(prefix);
  await s.ok('init');
  await s.ok('exhibit', 'import', ...classBAgreementSeeds());
  await s.ok(
    'accounts',
    'import',
    s.file('accounts.csv', ['account,omnibus,dealer_of_record', ...opts.accounts]),
  );
  await s.ok(
    'distributors',
    'import',
    s.file('distributors.csv', [
      'portfolio,distributor,start,end',
      `all,${AIM},2003-08-18,`,
      `${CO},${AIM},2003-08-18,2005-04-30`,
      `${CO},${opts.successor ?? SUCCESSOR},2005-05-01,`,
    ]),
  );
  await s.ok(
    'transactions',
    'import',
    s.file('transactions.csv', [
      'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
      ...opts.transactions,
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
  await opts.before?.(s);
  await s.ok(
    'rates',
    'set',
    '--portfolio',
    CO,
    '--class',
    'B',
    '--from',
    opts.reducedFrom,
    '--distribution-fee',
    '0.50',
  );
  return s;
}

export interface VintageMonthlyCalc {
  portfolios: {
    portfolio: string;
    distributionFee: string;
    computations: {
      computedOn: string | null;
      distributionFee: string;
      parties: { distributor: string; sharePct: string; twelveB1Share: string }[];
      vintages?: {
        issuedFrom: string | null;
        issuedBefore: string | null;
        distributionFee: string;
        parties: { distributor: string; shares?: string; sharePct: string; twelveB1Share: string }[];
      }[];
    }[];
    distributor12b1Share: string;
    otherDistributors: { distributor: string; twelveB1Share: string }[];
    assignees: { transferId: string; twelveB1Portion: string }[];
    distributor12b1Portion: string;
  }[];
  classBVintages?: {
    portfolio: string;
    runs: { vintages: { shares: string; distributionFee: string }[] }[];
  }[];
}
