import { businessDaysBetween } from '../../../src/calendar/nyseCalendar.js';
import { importAccounts } from '../../../src/feeds/accountsFeed.js';
import { importApprovals } from '../../../src/feeds/approvalsFeed.js';
import { importClassBTerms } from '../../../src/feeds/classBTermsFeed.js';
import { importDistributors } from '../../../src/feeds/distributorsFeed.js';
import { importExpenditures } from '../../../src/feeds/expendituresFeed.js';
import { importGrossSales } from '../../../src/feeds/grossSalesFeed.js';
import { importNetAssets } from '../../../src/feeds/netAssetsFeed.js';
import { importOmnibusMonths } from '../../../src/feeds/omnibusFeed.js';
import { importPrimeRate } from '../../../src/feeds/primeRateFeed.js';
import { importProviderAssets } from '../../../src/feeds/providerAssetsFeed.js';
import { importProviders } from '../../../src/feeds/providersFeed.js';
import { importTerminations } from '../../../src/feeds/terminationsFeed.js';
import { importTransactions } from '../../../src/feeds/transactionsFeed.js';
import { importTransfers } from '../../../src/feeds/transfersFeed.js';
import type { Database } from '../../../src/store/database.js';
import { documentId, importExhibits } from '../../../src/store/exhibitImport.js';
import { seedExhibitFiles } from '../../support/seedDocuments.js';

/**
 * Every feed, described once for the contract suite and the hostile-input tests: its columns and
 * what kind of value each holds, a minimal valid file, three bad rows, a change of a recorded
 * value, a row dated in a closed month, and the command that imports it. The tests are written
 * against the public import functions and the CLI only, so they hold whatever the internals.
 */

/** What a column holds, so that hostile values can be aimed at it. */
export type ColumnKind =
  | 'date'
  | 'month'
  | 'money'
  | 'shares'
  | 'price'
  | 'percent'
  | 'percent-list'
  | 'id'
  | 'name'
  | 'enum'
  | 'count';

export type Row = Readonly<Record<string, string>>;

/** A problem the contract expects: the 1-based line, the field and the value as written. */
export interface ExpectedProblem {
  readonly line: number;
  readonly field: string;
  readonly value: string;
}

export type ImportFn = (
  db: Database,
  file: string,
  bytes: Uint8Array,
  opts?: { restate?: boolean },
) => Promise<unknown>;

export interface FeedContract {
  /** the feed's name: its audit action is `<name>.import`, its fault point `import:<name>` */
  readonly name: string;
  /** the CLI command that imports it, before the file argument */
  readonly command: readonly string[];
  readonly columns: Readonly<Record<string, ColumnKind>>;
  /**
   * What must be recorded before the feed's rows make sense (accounts, providers …), on top of
   * {@link importContractSeeds}. The feeds share one store, so no two setups record the same thing
   * and no feed's rows are another feed's setup.
   */
  setup(db: Database): Promise<void>;
  readonly importFile: ImportFn;
  /** the command has --restate (corrections of recorded values are accepted with it) */
  readonly restatable: boolean;
  /** the table holding the flagged prior-period adjustments of restatements in a closed month */
  readonly adjustmentTable?: string;
  /** a valid file whose rows are all new */
  readonly good: readonly Row[];
  /** rows with exactly three bad ones among good ones, and the problems they must give */
  readonly bad: { readonly rows: readonly Row[]; readonly problems: readonly ExpectedProblem[] };
  /**
   * A row that changes a value recorded by `good`: a conflict (67) naming one of `fields`, or,
   * for a feed that updates what it records by design, an update (accepted, one audit record).
   */
  readonly changed:
    | { readonly kind: 'conflict'; readonly rows: readonly Row[]; readonly fields: readonly string[] }
    | { readonly kind: 'update'; readonly rows: readonly Row[]; readonly why: string };
  /**
   * A closed month and rows that would change it: refused (68) naming one of `fields`; for the
   * restatement feeds also a restatement of a recorded value in it, accepted as a prior-period
   * adjustment. `undated` feeds write nothing dated, so no month can refuse them.
   */
  readonly closed:
    | {
        readonly kind: 'dated';
        readonly month: string;
        readonly rows: readonly Row[];
        readonly fields: readonly string[];
        readonly restatement?: readonly Row[];
      }
    | { readonly kind: 'undated'; readonly rows: readonly Row[]; readonly why: string };
  /** new rows in a month that is never closed, for the fault injection and the CLI */
  readonly fresh: readonly Row[];
}

/** The store's tables that hold what feeds and commands record (and the audit log). */
export const RECORD_TABLES = [
  'exhibit_document',
  'board_rate',
  'net_assets',
  'net_assets_restatement',
  'feed_import',
  'audit_log',
  'closed_month',
  'service_provider',
  'service_agreement_event',
  'provider_assets',
  'provider_assets_restatement',
  'class_b_account',
  'class_b_transaction',
  'class_b_redemption',
  'class_b_redemption_piece',
  'class_b_distributor_term',
  'class_b_terms_rule',
  'omnibus_month',
  'transfer',
  'finra_gross_sales',
  'prime_rate',
  'plan_expenditure',
  'approval',
  'termination',
  'setting',
] as const;

/** Quotes a cell the way a spreadsheet saves it: only when it holds a comma, a quote or a line break. */
function cell(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The CSV of these rows under the feed's header (every column, in declared order). */
export function csvOf(feed: FeedContract, rows: readonly Row[], header = Object.keys(feed.columns)): Buffer {
  const lines = [header.join(',')];
  for (const r of rows) lines.push(header.map((c) => cell(r[c] ?? '')).join(','));
  return Buffer.from(`${lines.join('\n')}\n`, 'utf8');
}

/**
 * The registry every feed's rows refer to: seed 002 (AIM Funds Group's plan, classes A, C and R,
 * among them AIM Value Fund and AIM Mid Cap Basic Value Fund) and seed 003 (the Class B master
 * distribution agreement: AIM Aggressive Growth Fund, AIM Global Aggressive Growth Fund, AIM Blue
 * Chip Fund, AIM Basic Value II Fund …).
 */
export async function importContractSeeds(db: Database): Promise<void> {
  await importExhibits(
    db,
    seedExhibitFiles().filter((f) => ['002_', '003_'].some((w) => f.fileName.includes(w))),
  );
}

const asImport =
  (fn: (db: Database, file: string, bytes: Uint8Array) => Promise<unknown>): ImportFn =>
  (db, file, bytes) =>
    fn(db, file, bytes);

// Net assets of AIM Value Fund (seed 002, classes A, C, R), January 2007: NYSE was closed on
// Jan 1 (New Year's Day) and Jan 2 (national day of mourning for President Ford).
const NA = (date: string, cls: string, amount: string): Row => ({
  date,
  portfolio: 'AIM Value Fund',
  class: cls,
  net_assets: amount,
});

const netAssets: FeedContract = {
  name: 'net-assets',
  command: ['net-assets', 'import'],
  columns: { date: 'date', portfolio: 'name', class: 'name', net_assets: 'money' },
  setup: async () => {},
  importFile: (db, file, bytes, opts) => importNetAssets(db, file, bytes, opts),
  restatable: true,
  adjustmentTable: 'net_assets_restatement',
  good: [
    NA('2007-01-03', 'C', '36500000.00'),
    NA('2007-01-04', 'C', '36500100.00'),
    NA('2007-01-05', 'C', '36500200.00'),
  ],
  bad: {
    rows: [
      NA('2007-01-03', 'C', '36500000.00'),
      NA('2007-02-30', 'C', '1.00'),
      NA('2007-01-04', 'C', '12.345'),
      NA('2007-01-05', '', '1.00'),
    ],
    problems: [
      { line: 3, field: 'date', value: '2007-02-30' },
      { line: 4, field: 'net_assets', value: '12.345' },
      { line: 5, field: 'class', value: '' },
    ],
  },
  changed: { kind: 'conflict', rows: [NA('2007-01-04', 'C', '36500999.00')], fields: ['net_assets'] },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [NA('2007-01-03', 'A', '1000000.00')],
    fields: ['date'],
    restatement: [NA('2007-01-05', 'C', '36500250.00')],
  },
  fresh: [NA('2007-03-01', 'R', '500000.00'), NA('2007-03-02', 'R', '500001.00')],
};

const PROVIDER = (id: string, name: string, kind: string, date: string, own = '', end = ''): Row => ({
  id,
  name,
  kind,
  agreement_date: date,
  own_rate_pct: own,
  terminated_on: end,
});

const providers: FeedContract = {
  name: 'providers',
  command: ['providers', 'import'],
  columns: {
    id: 'id',
    name: 'name',
    kind: 'enum',
    agreement_date: 'date',
    own_rate_pct: 'percent',
    terminated_on: 'date',
  },
  setup: async () => {},
  importFile: asImport(importProviders),
  restatable: false,
  good: [
    PROVIDER('DLR-1', 'Dealer One Securities', 'dealer', '2007-01-02'),
    PROVIDER('BNK-1', 'Second National Bank', 'bank', '2007-01-15', '0.15'),
  ],
  bad: {
    rows: [
      PROVIDER('DLR-1', 'Dealer One Securities', 'dealer', '2007-01-02'),
      PROVIDER('BRK-1', 'Broker', 'broker', '2007-01-02'),
      PROVIDER('BNK-2', 'Third Bank', 'bank', '2007-13-01'),
      PROVIDER('BNK-3', 'Fourth Bank', 'bank', '2007-01-02', 'abc'),
    ],
    problems: [
      { line: 3, field: 'kind', value: 'broker' },
      { line: 4, field: 'agreement_date', value: '2007-13-01' },
      { line: 5, field: 'own_rate_pct', value: 'abc' },
    ],
  },
  changed: {
    kind: 'conflict',
    rows: [PROVIDER('DLR-1', 'Dealer One Securities', 'dealer', '2007-01-02', '0.20')],
    fields: ['own_rate_pct'],
  },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [PROVIDER('DLR-2', 'Dealer Two', 'dealer', '2007-01-22')],
    fields: ['agreement_date'],
  },
  fresh: [PROVIDER('DLR-3', 'Dealer Three', 'dealer', '2007-03-01')],
};

// Provider assets of AIM Mid Cap Basic Value Fund Class C (seed 002), whose class net assets and
// whose providers SP-1 and SP-2 are recorded by the setup (not by the net-assets or providers
// contracts, which own AIM Value Fund and DLR-1, BNK-1).
const PA = (date: string, provider: string, amount: string): Row => ({
  date,
  provider,
  portfolio: 'AIM Mid Cap Basic Value Fund',
  class: 'C',
  net_assets: amount,
});

const providerAssets: FeedContract = {
  name: 'provider-assets',
  command: ['provider-assets', 'import'],
  columns: { date: 'date', provider: 'id', portfolio: 'name', class: 'name', net_assets: 'money' },
  async setup(db) {
    // The class's net assets on every business day the provider rows fall on (the limit check).
    const days = businessDaysBetween('2007-01-03', '2007-03-02');
    await importNetAssets(
      db,
      'mid-cap-na.csv',
      csvOf(
        netAssets,
        days.map((date) => ({
          date,
          portfolio: 'AIM Mid Cap Basic Value Fund',
          class: 'C',
          net_assets: '36500000.00',
        })),
      ),
    );
    await importProviders(
      db,
      'sp-providers.csv',
      csvOf(providers, [
        PROVIDER('SP-1', 'Service Provider One', 'dealer', '2006-01-02'),
        PROVIDER('SP-2', 'Service Provider Two', 'bank', '2006-01-02'),
      ]),
    );
  },
  importFile: (db, file, bytes, opts) => importProviderAssets(db, file, bytes, opts),
  restatable: true,
  adjustmentTable: 'provider_assets_restatement',
  good: [
    PA('2007-01-03', 'SP-1', '14600000.00'),
    PA('2007-01-04', 'SP-1', '14600000.00'),
    PA('2007-01-05', 'SP-1', '14600730.00'),
  ],
  bad: {
    rows: [
      PA('2007-01-03', 'SP-1', '14600000.00'),
      PA('yesterday', 'SP-1', '1.00'),
      PA('2007-01-04', 'SP-1', '1e5'),
      PA('2007-01-05', 'SP-1', '-5.00'),
    ],
    problems: [
      { line: 3, field: 'date', value: 'yesterday' },
      { line: 4, field: 'net_assets', value: '1e5' },
      { line: 5, field: 'net_assets', value: '-5.00' },
    ],
  },
  changed: { kind: 'conflict', rows: [PA('2007-01-04', 'SP-1', '14600001.00')], fields: ['net_assets'] },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [PA('2007-01-16', 'SP-2', '7300000.00')],
    fields: ['date'],
    restatement: [PA('2007-01-05', 'SP-1', '14600731.00')],
  },
  fresh: [PA('2007-03-01', 'SP-2', '7300000.00'), PA('2007-03-02', 'SP-2', '7300000.00')],
};

const ACCOUNT = (account: string, omnibus: string, dealer: string): Row => ({
  account,
  omnibus,
  dealer_of_record: dealer,
});

const accounts: FeedContract = {
  name: 'accounts',
  command: ['accounts', 'import'],
  columns: { account: 'id', omnibus: 'enum', dealer_of_record: 'name' },
  setup: async () => {},
  importFile: asImport(importAccounts),
  restatable: false,
  good: [ACCOUNT('A-100', 'no', 'Dealer One'), ACCOUNT('OMNI-100', 'yes', 'Dealer Two')],
  bad: {
    rows: [
      ACCOUNT('A-100', 'no', 'Dealer One'),
      ACCOUNT('', 'no', 'Dealer One'),
      ACCOUNT('A-101', 'maybe', 'Dealer One'),
      ACCOUNT('A-102', 'perhaps', 'Dealer One'),
    ],
    problems: [
      { line: 3, field: 'account', value: '' },
      { line: 4, field: 'omnibus', value: 'maybe' },
      { line: 5, field: 'omnibus', value: 'perhaps' },
    ],
  },
  changed: {
    kind: 'update',
    rows: [ACCOUNT('A-100', 'no', 'Dealer Three')],
    why: 'an account row for a known account updates its flag and dealer of record (accounts import)',
  },
  closed: {
    kind: 'undated',
    rows: [ACCOUNT('A-200', 'no', 'Dealer One')],
    why: 'an account carries no date; what is dated (its transactions) is refused by the transactions feed',
  },
  fresh: [ACCOUNT('A-300', 'no', 'Dealer One')],
};

const DIST = (portfolio: string, distributor: string, start: string, end = ''): Row => ({
  portfolio,
  distributor,
  start,
  end,
});

const distributors: FeedContract = {
  name: 'distributors',
  command: ['distributors', 'import'],
  columns: { portfolio: 'name', distributor: 'name', start: 'date', end: 'date' },
  setup: async () => {},
  importFile: asImport(importDistributors),
  restatable: false,
  good: [DIST('AIM Aggressive Growth Fund', 'Alpha Distributors, Inc.', '2003-08-18', '2006-12-31')],
  bad: {
    rows: [
      DIST('AIM Aggressive Growth Fund', 'Alpha Distributors, Inc.', '2003-08-18', '2006-12-31'),
      DIST('AIM Blue Chip Fund', 'Beta Distributors', 'someday'),
      DIST('AIM Basic Value II Fund', 'Beta Distributors', '2004-01-01', '2004-13-01'),
      DIST('AIM Global Value Fund', '', '2004-01-01'),
    ],
    problems: [
      { line: 3, field: 'start', value: 'someday' },
      { line: 4, field: 'end', value: '2004-13-01' },
      { line: 5, field: 'distributor', value: '' },
    ],
  },
  changed: {
    kind: 'update',
    rows: [DIST('AIM Aggressive Growth Fund', 'Alpha Distributors, Inc.', '2003-08-18', '2006-11-30')],
    why: 'a row for a known (portfolio, distributor, start) sets its end and assignment (distributors import)',
  },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [DIST('AIM Aggressive Growth Fund', 'Beta Distributors', '2007-01-15')],
    fields: ['start'],
  },
  fresh: [DIST('AIM Blue Chip Fund', 'Gamma Distributors', '2007-03-01')],
};

const TXN = (
  date: string,
  txnId: string,
  type: string,
  shares: string,
  price = '10.0000',
  account = 'TA-1',
  portfolio = 'AIM Aggressive Growth Fund',
): Row => ({
  date,
  txn_id: txnId,
  account,
  portfolio,
  class: 'B',
  type,
  shares,
  price,
  exchange_id: '',
  waiver: '',
});

/** The Class B accounts the transactions, class-b-terms and omnibus rows refer to. */
const setupClassBAccounts = async (db: Database) => {
  await importAccounts(
    db,
    'class-b-accounts.csv',
    csvOf(accounts, [
      ACCOUNT('TA-1', 'no', 'Dealer One'),
      ACCOUNT('TA-2', 'no', 'Dealer One'),
      ACCOUNT('OMNI-1', 'yes', 'Dealer Two'),
    ]),
  );
};

const transactions: FeedContract = {
  name: 'transactions',
  command: ['transactions', 'import'],
  columns: {
    date: 'date',
    txn_id: 'id',
    account: 'id',
    portfolio: 'name',
    class: 'name',
    type: 'enum',
    shares: 'shares',
    price: 'price',
    exchange_id: 'id',
    waiver: 'enum',
  },
  setup: setupClassBAccounts,
  importFile: asImport(importTransactions),
  restatable: false,
  good: [
    TXN('2007-01-03', 'T-1', 'purchase', '100.0000'),
    TXN('2007-01-10', 'T-2', 'redeem', '40.0000', '12.0000'),
  ],
  bad: {
    rows: [
      TXN('2007-01-03', 'T-1', 'purchase', '100.0000'),
      TXN('2007-02-29', 'T-3', 'purchase', '1.0000'),
      TXN('2007-01-04', 'T-4', 'buy', '1.0000'),
      TXN('2007-01-05', 'T-5', 'purchase', '10.00001'),
    ],
    problems: [
      { line: 3, field: 'date', value: '2007-02-29' },
      { line: 4, field: 'type', value: 'buy' },
      { line: 5, field: 'shares', value: '10.00001' },
    ],
  },
  changed: {
    kind: 'conflict',
    rows: [TXN('2007-01-03', 'T-1', 'purchase', '101.0000')],
    fields: ['txn_id', 'shares'],
  },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [TXN('2007-01-24', 'T-6', 'purchase', '5.0000')],
    fields: ['date'],
  },
  fresh: [TXN('2007-03-01', 'T-7', 'purchase', '3.0000')],
};

const TERM = (rule: string, portfolio: string, cols: Partial<Record<string, string>>): Row => ({
  rule,
  portfolio,
  doi_from: cols.doi_from ?? '',
  doi_to: cols.doi_to ?? '',
  cdsc_schedule_pct: cols.cdsc_schedule_pct ?? '',
  conversion_years: cols.conversion_years ?? '',
  redemption_fee_pct: cols.redemption_fee_pct ?? '',
  redemption_fee_days: cols.redemption_fee_days ?? '',
});

const classBTerms: FeedContract = {
  name: 'class-b-terms',
  command: ['class-b-terms', 'import'],
  columns: {
    rule: 'enum',
    portfolio: 'name',
    doi_from: 'date',
    doi_to: 'date',
    cdsc_schedule_pct: 'percent-list',
    conversion_years: 'count',
    redemption_fee_pct: 'percent',
    redemption_fee_days: 'count',
  },
  // Account TA-2 bought AIM Global Aggressive Growth Fund Class B shares on 2005-01-03 and
  // redeemed 40 of them on 2007-01-10, in the third year since the DOI: a CDSC schedule for that
  // portfolio changes that redemption, which lies in January 2007.
  async setup(db) {
    await setupClassBAccounts(db);
    const GAG = 'AIM Global Aggressive Growth Fund';
    await importTransactions(
      db,
      'ta-2.csv',
      csvOf(transactions, [
        TXN('2005-01-03', 'P-1', 'purchase', '100.0000', '10.0000', 'TA-2', GAG),
        TXN('2007-01-10', 'R-1', 'redeem', '40.0000', '12.0000', 'TA-2', GAG),
      ]),
    );
  },
  importFile: asImport(importClassBTerms),
  restatable: false,
  good: [TERM('conversion-period', 'AIM Basic Value II Fund', { conversion_years: '8' })],
  bad: {
    rows: [
      TERM('conversion-period', 'AIM Basic Value II Fund', { conversion_years: '8' }),
      TERM('bogus', 'AIM Blue Chip Fund', {}),
      TERM('conversion-period', 'AIM Blue Chip Fund', { conversion_years: 'eight' }),
      TERM('redemption-fee', 'AIM Global Value Fund', {
        redemption_fee_pct: 'two',
        redemption_fee_days: '30',
      }),
    ],
    problems: [
      { line: 3, field: 'rule', value: 'bogus' },
      { line: 4, field: 'conversion_years', value: 'eight' },
      { line: 5, field: 'redemption_fee_pct', value: 'two' },
    ],
  },
  changed: {
    kind: 'update',
    rows: [TERM('conversion-period', 'AIM Basic Value II Fund', { conversion_years: '7' })],
    why: 'a row for a recorded (rule, portfolio, first DOI) restates it, and the affected accounts are replayed (class-b-terms import)',
  },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [TERM('cdsc-schedule', 'AIM Global Aggressive Growth Fund', { cdsc_schedule_pct: '4,3,2,2,1,0' })],
    fields: ['cdsc_schedule_pct'],
  },
  fresh: [
    TERM('redemption-fee', 'AIM Blue Chip Fund', { redemption_fee_pct: '2', redemption_fee_days: '30' }),
  ],
};

const OMNI = (month: string, issued: string, redeemed: string, outstanding: string): Row => ({
  month,
  account: 'OMNI-1',
  portfolio: 'AIM Aggressive Growth Fund',
  free_shares_issued: issued,
  free_shares_redeemed: redeemed,
  free_shares_outstanding: outstanding,
});

const omnibus: FeedContract = {
  name: 'omnibus',
  command: ['omnibus', 'import'],
  columns: {
    month: 'month',
    account: 'id',
    portfolio: 'name',
    free_shares_issued: 'shares',
    free_shares_redeemed: 'shares',
    free_shares_outstanding: 'shares',
  },
  setup: setupClassBAccounts,
  importFile: (db, file, bytes, opts) => importOmnibusMonths(db, file, bytes, opts),
  restatable: true,
  good: [OMNI('2006-12', '10.0000', '0.0000', '10.0000')],
  bad: {
    rows: [
      OMNI('2006-12', '10.0000', '0.0000', '10.0000'),
      OMNI('2006-13', '1.0000', '0.0000', '1.0000'),
      OMNI('2006-11', 'ten', '0.0000', '1.0000'),
      OMNI('2006-10', '1.0000', '1.00001', '1.0000'),
    ],
    problems: [
      { line: 3, field: 'month', value: '2006-13' },
      { line: 4, field: 'free_shares_issued', value: 'ten' },
      { line: 5, field: 'free_shares_redeemed', value: '1.00001' },
    ],
  },
  changed: {
    kind: 'conflict',
    rows: [OMNI('2006-12', '10.0000', '0.0000', '11.0000')],
    fields: ['free_shares_issued', 'free_shares_redeemed', 'free_shares_outstanding'],
  },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [OMNI('2007-01', '2.0000', '0.0000', '12.0000')],
    fields: ['month'],
  },
  fresh: [OMNI('2007-03', '1.0000', '0.0000', '13.0000')],
};

const TRANSFER = (id: string, effective: string, p12 = '50', pc = '50', extra: Partial<Row> = {}): Row => ({
  id,
  assignee: 'Alpha Funding LLC',
  address: '1 Main Street, Wilmington DE',
  portfolio: 'all',
  twelve_b1_portion_pct: p12,
  cdsc_portion_pct: pc,
  doi_from: '',
  doi_to: '',
  effective_date: effective,
  notice_received_date: '',
  payment: 'direct',
  depository_agent: '',
  ...extra,
});

const transfers: FeedContract = {
  name: 'transfers',
  command: ['transfers', 'import'],
  columns: {
    id: 'id',
    assignee: 'name',
    address: 'name',
    portfolio: 'name',
    twelve_b1_portion_pct: 'percent',
    cdsc_portion_pct: 'percent',
    doi_from: 'date',
    doi_to: 'date',
    effective_date: 'date',
    notice_received_date: 'date',
    payment: 'enum',
    depository_agent: 'name',
  },
  setup: async () => {},
  importFile: asImport(importTransfers),
  restatable: false,
  good: [TRANSFER('TR-1', '2006-12-01')],
  bad: {
    rows: [
      TRANSFER('TR-1', '2006-12-01'),
      TRANSFER('TR-2', '2006-12-01', '150'),
      TRANSFER('TR-3', 'someday'),
      TRANSFER('TR-4', '2006-12-01', '50', '50', { payment: 'cash' }),
    ],
    problems: [
      { line: 3, field: 'twelve_b1_portion_pct', value: '150' },
      { line: 4, field: 'effective_date', value: 'someday' },
      { line: 5, field: 'payment', value: 'cash' },
    ],
  },
  changed: {
    kind: 'conflict',
    rows: [TRANSFER('TR-1', '2006-12-01', '60')],
    fields: ['id', 'twelve_b1_portion_pct'],
  },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [TRANSFER('TR-5', '2007-01-15', '10', '10')],
    fields: ['effective_date'],
  },
  fresh: [TRANSFER('TR-6', '2007-03-01', '10', '10')],
};

// FINRA 2341 (SPEC §10): gross sales of AIM Value Fund class C, large enough that the cap never
// cuts the fees the other feeds' tests compute.
const SALES = (month: string, amount: string, cls = 'C'): Row => ({
  month,
  portfolio: 'AIM Value Fund',
  class: cls,
  gross_sales: amount,
});

const grossSales: FeedContract = {
  name: 'gross-sales',
  command: ['gross-sales', 'import'],
  columns: { month: 'month', portfolio: 'name', class: 'name', gross_sales: 'money' },
  setup: async () => {},
  importFile: (db, file, bytes, opts) => importGrossSales(db, file, bytes, opts),
  restatable: true,
  good: [SALES('2006-12', '900000000.00')],
  bad: {
    rows: [
      SALES('2006-12', '900000000.00'),
      SALES('2006-13', '1.00'),
      SALES('2006-11', 'lots'),
      SALES('2006-10', '1.00', 'Q'),
    ],
    problems: [
      { line: 3, field: 'month', value: '2006-13' },
      { line: 4, field: 'gross_sales', value: 'lots' },
      { line: 5, field: 'class', value: 'Q' },
    ],
  },
  changed: { kind: 'conflict', rows: [SALES('2006-12', '900000001.00')], fields: ['gross_sales'] },
  closed: { kind: 'dated', month: '2007-01', rows: [SALES('2007-01', '5.00')], fields: ['month'] },
  fresh: [SALES('2007-03', '1000.00')],
};

const PRIME = (effective_date: string, prime_rate: string): Row => ({
  effective_date,
  prime_rate,
  source: 'The Wall Street Journal',
});

const primeRate: FeedContract = {
  name: 'prime-rate',
  command: ['prime-rate', 'import'],
  columns: { effective_date: 'date', prime_rate: 'percent', source: 'name' },
  setup: async () => {},
  importFile: (db, file, bytes, opts) => importPrimeRate(db, file, bytes, opts),
  restatable: true,
  good: [PRIME('2006-06-29', '8.25')],
  bad: {
    rows: [
      PRIME('2006-06-29', '8.25'),
      PRIME('2006-02-30', '7.50'),
      PRIME('2006-03-28', '7.75%'),
      PRIME('2006-01-31', '75'),
    ],
    problems: [
      { line: 3, field: 'effective_date', value: '2006-02-30' },
      { line: 4, field: 'prime_rate', value: '7.75%' },
      { line: 5, field: 'prime_rate', value: '75' },
    ],
  },
  changed: { kind: 'conflict', rows: [PRIME('2006-06-29', '8.50')], fields: ['prime_rate'] },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [PRIME('2007-01-15', '8.00')],
    fields: ['effective_date'],
  },
  fresh: [PRIME('2007-03-15', '8.00')],
};

const SPENT = (period: string, purpose: string, amount: string): Row => ({
  portfolio: 'AIM Value Fund',
  class: 'C',
  period,
  purpose,
  amount,
});

const expenditures: FeedContract = {
  name: 'expenditures',
  command: ['expenditures', 'import'],
  columns: { portfolio: 'name', class: 'name', period: 'date', purpose: 'enum', amount: 'money' },
  setup: async () => {},
  importFile: (db, file, bytes, opts) => importExpenditures(db, file, bytes, opts),
  restatable: true,
  good: [SPENT('2006Q4', 'advertising', '1200.00'), SPENT('2006-12-15', 'dealer-compensation', '400.00')],
  bad: {
    rows: [
      SPENT('2006Q4', 'advertising', '1200.00'),
      SPENT('2006Q5', 'advertising', '1.00'),
      SPENT('2006Q4', 'golf', '1.00'),
      SPENT('2006Q4', 'other', '-1.00'),
    ],
    problems: [
      { line: 3, field: 'period', value: '2006Q5' },
      { line: 4, field: 'purpose', value: 'golf' },
      { line: 5, field: 'amount', value: '-1.00' },
    ],
  },
  changed: { kind: 'conflict', rows: [SPENT('2006Q4', 'advertising', '1300.00')], fields: ['amount'] },
  closed: {
    kind: 'undated',
    rows: [SPENT('2007-01-15', 'sales-literature', '75.00')],
    why: 'amounts spent enter no fee nor sealed result',
  },
  fresh: [SPENT('2007Q1', 'prospectus-printing', '310.00')],
};

// Approvals and votes (issue 12): Board continuance votes on seed 002, the AIM Funds Group plan.
const PLAN_002 = seedExhibitFiles().find((f) => f.fileName.includes('002_'));
const PLAN_002_HASH = PLAN_002 ? documentId(PLAN_002.bytes).slice(0, 16) : 'seeds-missing';
const VOTE = (meetingDate: string, extra: Partial<Record<string, string>> = {}): Row => ({
  meeting_date: meetingDate,
  body: 'board',
  approves: 'continuance',
  document: PLAN_002_HASH,
  instrument: '',
  portfolio: '',
  class: '',
  trustees_for: '8',
  trustees_against: '0',
  trustees_absent: '1',
  disinterested_for: '6',
  disinterested_against: '0',
  disinterested_absent: '0',
  in_person: 'yes',
  called_for_purpose: 'yes',
  shares_outstanding: '',
  shares_present: '',
  shares_for: '',
  ...extra,
});

const approvals: FeedContract = {
  name: 'approvals',
  command: ['approvals', 'import'],
  columns: {
    meeting_date: 'date',
    body: 'enum',
    approves: 'enum',
    document: 'name',
    instrument: 'name',
    portfolio: 'name',
    class: 'name',
    trustees_for: 'count',
    trustees_against: 'count',
    trustees_absent: 'count',
    disinterested_for: 'count',
    disinterested_against: 'count',
    disinterested_absent: 'count',
    in_person: 'enum',
    called_for_purpose: 'enum',
    shares_outstanding: 'shares',
    shares_present: 'shares',
    shares_for: 'shares',
  },
  setup: async () => {},
  importFile: asImport(importApprovals),
  restatable: false,
  good: [VOTE('2006-06-08')],
  bad: {
    rows: [
      VOTE('2006-06-08'),
      VOTE('someday'),
      VOTE('2006-06-09', { body: 'committee' }),
      VOTE('2006-06-10', { trustees_for: 'many' }),
    ],
    problems: [
      { line: 3, field: 'meeting_date', value: 'someday' },
      { line: 4, field: 'body', value: 'committee' },
      { line: 5, field: 'trustees_for', value: 'many' },
    ],
  },
  changed: {
    kind: 'conflict',
    rows: [VOTE('2006-06-08', { trustees_for: '7', trustees_absent: '2' })],
    fields: ['meeting_date'],
  },
  closed: {
    kind: 'undated',
    rows: [VOTE('2007-01-11')],
    why: 'an approval is refused in a closed month only where it changes what governed there, and with approvals.enforce false (the default) none does',
  },
  fresh: [VOTE('2007-03-08')],
};

// Terminations (issue 12): of seed 002's plan for Class C portfolios no other feed uses.
const TERMINATION = (portfolio: string, date: string, extra: Partial<Record<string, string>> = {}): Row => ({
  instrument: 'plan',
  portfolio,
  class: 'C',
  date,
  by: 'trustees',
  notice_date: '',
  reason: '',
  ...extra,
});

const terminations: FeedContract = {
  name: 'terminations',
  command: ['terminations', 'import'],
  columns: {
    instrument: 'enum',
    portfolio: 'name',
    class: 'name',
    date: 'date',
    by: 'enum',
    notice_date: 'date',
    reason: 'name',
  },
  setup: async () => {},
  importFile: asImport(importTerminations),
  restatable: false,
  good: [TERMINATION('AIM Global Utilities Fund', '2007-03-15')],
  bad: {
    rows: [
      TERMINATION('AIM Global Utilities Fund', '2007-03-15'),
      TERMINATION('AIM Select Equity Fund', 'someday'),
      TERMINATION('AIM Select Equity Fund', '2007-03-15', { by: 'nobody' }),
      TERMINATION('AIM Select Equity Fund', '2007-03-15', { instrument: 'contract' }),
    ],
    problems: [
      { line: 3, field: 'date', value: 'someday' },
      { line: 4, field: 'by', value: 'nobody' },
      { line: 5, field: 'instrument', value: 'contract' },
    ],
  },
  changed: {
    kind: 'conflict',
    rows: [TERMINATION('AIM Global Utilities Fund', '2007-03-15', { by: 'shareholders' })],
    fields: ['by'],
  },
  closed: {
    kind: 'dated',
    month: '2007-01',
    rows: [TERMINATION('AIM Select Equity Fund', '2007-01-15')],
    fields: ['date'],
  },
  fresh: [TERMINATION('AIM Worldwide Spectrum Fund', '2007-04-16')],
};

/** Every feed (issue 9): the contract suite and the hostile-input tests run over all of them. */
export const FEEDS: readonly FeedContract[] = [
  netAssets,
  providers,
  providerAssets,
  accounts,
  distributors,
  transactions,
  classBTerms,
  omnibus,
  transfers,
  grossSales,
  primeRate,
  expenditures,
  approvals,
  terminations,
];
