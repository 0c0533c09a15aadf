import { describe, expect, it } from 'vitest';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { recordTransferNotice } from '../../src/feeds/transfersFeed.js';
import { assigneeStatementReport } from '../../src/reports/assigneeStatementReport.js';
import { distributorShareReport } from '../../src/reports/distributorShareReport.js';
import { monthJournal } from '../../src/reports/journal.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { withActor } from '../../src/store/actor.js';
import { storeForTests } from '../support/storeForTests.js';
import {
  cents,
  daysOf,
  lastDay,
  money,
  type OmnibusFigures,
  shareStr,
  type Term,
  type Txn,
  units,
} from './independentCalculator.js';
import { Complex, type ComplexSpec, type TransferTerms } from './independentComplex.js';

/**
 * A second complex for the independent calculator (see `independentCalculator.ts`), July–September
 * 2024, aimed at the edges: the Distributor's term ends on the first day of a month (E = 07-01:
 * one day exclusive, thirty governed by the computation of E); ties in every split; a Free
 * Exchange chain CG → SC → DV; a waiver; a DOI-range Transfer whose own effective date falls after
 * E; a notice never received and one received on the due date itself; one Assignee with two
 * Transfers.
 *
 * Terms: Summit Distributors Inc. (all) 2024-01-02 – 07-01; Other Distributor LLC (all) from 07-02;
 * Summit Small Cap Fund's own distributor Harbor Distributors Inc. 2024-01-02 – 02-29.
 *
 * Worked by hand (the calculator must agree, and the product with it):
 *  - CG at 07-31: Summit 500 (O1) + 10 free (O1, 2(c)) + 490 (N2) = 1,000; Other 510 (O1) + 490 (N3)
 *    = 1,000 — a tie: every August day's odd cent goes to Summit, listed first (SPEC §3).
 *  - O1's 3.0003 Free Shares issued in August, 2(c)(ii) with B = 510 : 510 → 1.50015 each → the
 *    odd 0.0001 to Summit: 1.5002 / 1.5001.
 *  - September, O1 in CG: redeemed 2 × (11.5002 : 1.5001) → 1.7692 / 0.2308; 4 exchanged in from SC
 *    × the same → 3.5384 / 0.4616; 6 issued × (511.5002 : 511.5001) → 3.0000 / 3.0000. At 09-30
 *    Summit 11.5002 + 3 − 1.7692 + 3.5384 = 16.2694, Other 1.5001 + 3 − 0.2308 + 0.4616 = 4.7309.
 *  - SC, August: N10 redeems 37 of 100 shares bought 06-03 at 5.00 (cost 185.00) for 5.50 (203.50):
 *    CDSC 9.25, the Distributor's. Alpha (T1) and Beta (T2) 12.5% each = 1.15625, Gamma (T4) 40% =
 *    3.70, the Distributor 3.2375: floors 1.15 + 1.15 + 3.70 + 3.23 = 9.23; the two cents left to
 *    the largest remainders, the Distributor's .75 and then Alpha's .625 (tied with Beta's; T1 first).
 *  - DV, August: N1 redeems 25 of the 50 DV shares that came from 100 CG shares bought 03-04 (cost
 *    1,000.00) through SC: CDSC 5% × min(500.00, 500.00) = 25.00, the Distributor's (the DOI is in
 *    its term for CG, which first issued them). N6's redemption under a death waiver: no CDSC.
 *    SC, July: N5's 50 shares of DOI 02-01 (Harbor's term): 12.50, Harbor's — not Earned CDSC.
 *  - T3 (Alpha, DV, 20% for DOIs 2024-03-01 – 06-30), effective 07-17: 07-17 governed by the count
 *    at E (N6 100 in range of 140), 07-18 – 07-31 by its own (100 + N1's 50 in range of 190), August
 *    by 07-31's (150 of 190), September by 08-31's (90 + 25 = 115 of 155).
 *  - Due dates: July 2024-08-14 (T3's notice is received that day: paid directly), August 09-16
 *    (Labor Day), September 10-14. Beta's notice never arrives: its portions are paid to the
 *    Distributor and owed on, every month.
 */

const CG = 'Summit Capital Growth Fund';
const DV = 'Summit Dividend Value Fund';
const SC = 'Summit Small Cap Fund';
const SUMMIT = 'Summit Distributors Inc.';
const OTHER = 'Other Distributor LLC';
const HARBOR = 'Harbor Distributors Inc.';
const ALPHA = 'Alpha Funding LLC';
const BETA = 'Beta Capital LP';
const GAMMA = 'Gamma Partners LP';
const E = '2024-07-01';
const MONTHS = ['2024-07', '2024-08', '2024-09'];

const TERMS: Term[] = [
  { portfolio: 'all', distributor: SUMMIT, start: '2024-01-02', end: E },
  { portfolio: 'all', distributor: OTHER, start: '2024-07-02', end: null },
  { portfolio: SC, distributor: HARBOR, start: '2024-01-02', end: '2024-02-29' },
];

const t = (
  date: string,
  id: string,
  account: string,
  portfolio: string,
  type: Txn['type'],
  shares: string,
  price: string,
  more: Partial<Txn> = {},
): Txn => ({ date, id, account, portfolio, type, shares, price, ...more });

const TXNS: Txn[] = [
  t('2024-01-10', 'O1P1', 'O1', CG, 'purchase', '500', '10'),
  t('2024-02-01', 'N5P1', 'N5', SC, 'purchase', '100', '5'),
  t('2024-02-05', 'N8P1', 'N8', DV, 'purchase', '40', '20'),
  t('2024-02-15', 'O1R1', 'O1', CG, 'reinvest', '10', '10'),
  t('2024-03-04', 'N1P1', 'N1', CG, 'purchase', '100', '10'),
  t('2024-03-05', 'O1P2', 'O1', SC, 'purchase', '200', '5'),
  t('2024-03-20', 'O1R2', 'O1', SC, 'reinvest', '20', '5'),
  t('2024-04-01', 'N1E1O', 'N1', CG, 'exchange_out', '100', '10', { exchangeId: 'X1' }),
  t('2024-04-01', 'N1E1I', 'N1', SC, 'exchange_in', '200', '5', { exchangeId: 'X1' }),
  t('2024-05-01', 'N2P1', 'N2', CG, 'purchase', '490', '10'),
  t('2024-05-01', 'N6P1', 'N6', DV, 'purchase', '100', '20'),
  t('2024-06-03', 'N10P1', 'N10', SC, 'purchase', '100', '5'),
  t('2024-07-10', 'N1E2O', 'N1', SC, 'exchange_out', '200', '5', { exchangeId: 'X2' }),
  t('2024-07-10', 'N1E2I', 'N1', DV, 'exchange_in', '50', '20', { exchangeId: 'X2' }),
  t('2024-07-15', 'O1P3', 'O1', CG, 'purchase', '510', '10'),
  t('2024-07-15', 'N5X1', 'N5', SC, 'redeem', '50', '5'),
  t('2024-07-22', 'N3P1', 'N3', CG, 'purchase', '490', '10'),
  t('2024-07-25', 'N7P1', 'N7', DV, 'purchase', '100', '20'),
  t('2024-08-05', 'N1X1', 'N1', DV, 'redeem', '25', '20'),
  t('2024-08-06', 'N6X1', 'N6', DV, 'redeem', '10', '20', { waiver: 'death' }),
  t('2024-08-15', 'O1R3', 'O1', CG, 'reinvest', '3.0003', '10'),
  t('2024-08-20', 'N10X1', 'N10', SC, 'redeem', '37', '5.5'),
  t('2024-09-10', 'O1X1', 'O1', CG, 'redeem', '2', '10'),
  t('2024-09-12', 'O1E1O', 'O1', SC, 'exchange_out', '8', '5', { exchangeId: 'X3' }),
  t('2024-09-12', 'O1E1I', 'O1', CG, 'exchange_in', '4', '10', { exchangeId: 'X3' }),
  t('2024-09-16', 'O1R4', 'O1', CG, 'reinvest', '6', '10'),
];

const f = (issued: string, redeemed: string, outstanding: string): OmnibusFigures => ({
  issued: units(issued),
  redeemed: units(redeemed),
  outstanding: units(outstanding),
});
const OMNIBUS_FIGURES = {
  '2024-07': { O1: { [CG]: f('0', '0', '10'), [SC]: f('0', '0', '20') } },
  '2024-08': { O1: { [CG]: f('3.0003', '0', '13.0003'), [SC]: f('0', '0', '20') } },
  '2024-09': { O1: { [CG]: f('6', '2', '21.0003'), [SC]: f('0', '0', '12') } },
};

const tr = (x: Partial<TransferTerms> & Pick<TransferTerms, 'id' | 'assignee'>): TransferTerms => ({
  portfolio: 'all',
  twelveB1Pct: '0',
  cdscPct: '0',
  doiFrom: null,
  doiTo: null,
  effective: '2024-06-01',
  notice: '2024-06-01',
  agent: null,
  ...x,
});
const TRANSFERS: TransferTerms[] = [
  tr({ id: 'T1', assignee: ALPHA, twelveB1Pct: '12.5', cdscPct: '12.5' }),
  tr({ id: 'T2', assignee: BETA, twelveB1Pct: '12.5', cdscPct: '12.5', notice: null }),
  tr({
    id: 'T3',
    assignee: ALPHA,
    portfolio: DV,
    twelveB1Pct: '20',
    doiFrom: '2024-03-01',
    doiTo: '2024-06-30',
    effective: '2024-07-17',
    notice: '2024-08-14',
  }),
  tr({ id: 'T4', assignee: GAMMA, portfolio: SC, twelveB1Pct: '30', cdscPct: '40', effective: E, notice: E }),
];

const SPEC: ComplexSpec = {
  distributor: SUMMIT,
  terms: TERMS,
  E,
  months: MONTHS,
  portfolios: [CG, DV, SC],
  accounts: ['N1', 'N2', 'N3', 'N5', 'N6', 'N7', 'N8', 'N10', 'O1'].map((id) => ({
    id,
    omnibus: id === 'O1',
  })),
  txns: TXNS,
  omnibusFigures: OMNIBUS_FIGURES,
  transfers: TRANSFERS,
  netAssetsCents: (p, d) => {
    const dom = BigInt(Number(d.slice(8)));
    if (p === CG) return 300_000_000n + dom * 135_711n;
    if (p === DV) return 150_000_000n + dom * 24_613n;
    return 90_000_000n + dom * 9_999n;
  },
};
const complex = new Complex(SPEC);

const store = storeForTests('pglite', (db) => complex.build(db));

describe('a second complex against the independent calculator: ties, chains, notices (SPEC §3, §6–§8)', () => {
  it('the calculator agrees with the figures worked by hand', () => {
    const july31 = complex.computation('2024-07-31', CG);
    expect([july31.get(SUMMIT), july31.get(OTHER)].map((r) => shareStr(r!.a + r!.b + r!.c))).toEqual([
      '1000.0000',
      '1000.0000',
    ]);
    const aug = complex.omnibusFreeAt('2024-08-31', 'O1', CG);
    expect([shareStr(aug.get(SUMMIT)!), shareStr(aug.get(OTHER)!)]).toEqual(['11.5002', '1.5001']);
    const sep = complex.omnibusFreeAt('2024-09-30', 'O1', CG);
    expect([shareStr(sep.get(SUMMIT)!), shareStr(sep.get(OTHER)!)]).toEqual(['16.2694', '4.7309']);
    const sc = complex.expected(SC, '2024-08');
    expect(
      [sc.distributorCdscPortion, ...['T1', 'T2', 'T4'].map((id) => sc.assignees.get(id)!.cdsc)].map(money),
    ).toEqual(['3.24', '1.16', '1.15', '3.70']);
    expect(money(complex.expected(DV, '2024-08').earnedCdsc)).toBe('25.00');
    expect(money(complex.expected(SC, '2024-07').earnedCdsc)).toBe('0.00');
    // every August day's fee in CG split 1,000 : 1,000, the odd cent to Summit
    const g = complex.expected(CG, '2024-08').computations[0]!;
    expect(g.parties.get(SUMMIT)! - g.parties.get(OTHER)!).toBe(
      BigInt(daysOf('2024-08-01', '2024-08-31').filter((d) => complex.feeOn(CG, d) % 2n === 1n).length),
    );
    expect(g.parties.get(SUMMIT)! > g.parties.get(OTHER)!).toBe(true);
  });

  it.each(MONTHS)('distributor-share %s: each computation by rule, per distributor', async (month) => {
    const report = await distributorShareReport(store.db, month);
    const prev = month === '2024-07' ? E : lastDay(MONTHS[MONTHS.indexOf(month) - 1]!);
    for (const p of [CG, DV, SC]) complex.checkDistributorShare(report, p, [prev, lastDay(month)]);
  });

  it.each(MONTHS)('monthly-calculation %s: every portfolio to the cent', async (month) => {
    const report = await monthlyCalculationReport(store.db, month);
    complex.checkMonthlyCalculation(report, month);
  });

  it.each(MONTHS.flatMap((m) => [ALPHA, BETA, GAMMA].map((a) => [a, m] as const)))(
    'assignee statement of %s for %s',
    async (assignee, month) => {
      const s = await assigneeStatementReport(store.db, assignee, month);
      complex.checkAssigneeStatement(s, assignee, month);
      expect([s.totals.twelveB1Portion, s.totals.cdscPortion, s.totals.owedOnToAssignee]).toEqual(
        complex.assigneeTotals(assignee, month),
      );
    },
  );

  it.each(MONTHS)('the journal of %s pays each payee what the calculator says', async (month) => {
    complex.checkJournal(await monthJournal(store.db, month), month);
  });
});

describe('a notice recorded later, a month closed and restated: the same calculator (SPEC §8, §12)', () => {
  /**
   * Beta's notice is recorded as received on 2024-09-20 (`transfers notice`): after August's due
   * date (09-16), before September's (10-14) — July and August stay owed on, September is paid to
   * Beta directly. Then July is closed and CG's net assets of 07-15 restated (+1,000,000.00): the
   * restated July is computed again by the calculator, and August reports the difference of each
   * party — the Distributor, the Other Distributor, each Assignee — routed as August pays it (Beta's
   * to the Distributor, who owes it on).
   */
  const noticed = new Complex({
    ...SPEC,
    transfers: TRANSFERS.map((x) => (x.id === 'T2' ? { ...x, notice: '2024-09-20' } : x)),
  });
  const RESTATED = 300_000_000n + 15n * 135_711n + 100_000_000n;
  const restated = new Complex({
    ...noticed.spec,
    netAssetsCents: (p, d) => (p === CG && d === '2024-07-15' ? RESTATED : SPEC.netAssetsCents(p, d)),
  });

  it('the notice moves September to Beta and leaves July and August owed on', async () => {
    await withActor('test', () => recordTransferNotice(store.db, 'T2', '2024-09-20'));
    for (const month of MONTHS)
      noticed.checkMonthlyCalculation(await monthlyCalculationReport(store.db, month), month);
    expect(noticed.expected(CG, '2024-09').assignees.get('T2')!.payTo).toBe(BETA);
    expect(noticed.expected(CG, '2024-08').assignees.get('T2')!.payTo).toBe(SUMMIT);
  });

  it('July closed and restated: each party of August gets its difference, routed as August pays it', async () => {
    await withActor('test', () => closeMonth(store.db, '2024-07', MONTH_CLOSE_STEPS, { first: true }));
    await withActor('test', () =>
      importNetAssets(
        store.db,
        'restate.csv',
        Buffer.from(`date,portfolio,class,net_assets\n2024-07-15,${CG},B,${money(RESTATED)}\n`),
        { restate: true },
      ),
    );
    const report = await monthlyCalculationReport(store.db, '2024-08');
    noticed.checkMonthlyCalculation(report, '2024-08');
    const before = noticed.expected(CG, '2024-07');
    const after = restated.expected(CG, '2024-07');
    expect(after.distributionFee).not.toBe(before.distributionFee);
    const parties = (x: typeof before) =>
      new Map<string, bigint>([
        [`Distributor|${SUMMIT}`, x.distributor12b1Portion + x.distributorCdscPortion],
        ...[...x.others].map(([n, c]) => [`Other Distributor|${n}`, c] as [string, bigint]),
        ...[...x.assignees].map(([id, a]) => [`Assignee|${id}`, a.twelveB1 + a.cdsc] as [string, bigint]),
      ]);
    const want = Object.fromEntries(
      [...parties(after)]
        .map(([k, v]) => [k, v - (parties(before).get(k) ?? 0n)] as const)
        .filter(([, v]) => v !== 0n)
        .map(([k, v]) => [k, money(v)]),
    );
    const got = Object.fromEntries(
      (report.priorPeriodAdjustments ?? [])
        .filter((x) => x.portfolio === CG && cents(x.difference) !== 0n)
        .map((x) => {
          expect(x.month).toBe('2024-07');
          return [`${x.role}|${x.role === 'Assignee' ? x.transferId : x.payee}`, x.difference];
        }),
    );
    expect(got).toEqual(want);
    // the payables: August's own payees plus the differences, Beta's through the Distributor
    const aug = noticed.expected(CG, '2024-08');
    const payable = new Map<string, { total: bigint; owedOn: bigint }>();
    const add = (who: string, total: bigint, owedOn = 0n) => {
      const r = payable.get(who) ?? { total: 0n, owedOn: 0n };
      r.total += total;
      r.owedOn += owedOn;
      payable.set(who, r);
    };
    for (const [n, v] of aug.payees) add(n, v.total, v.owedOn);
    for (const [k, v] of [...parties(after)].map(
      ([k, v]) => [k, v - (parties(before).get(k) ?? 0n)] as const,
    )) {
      const [role, who] = k.split('|') as [string, string];
      if (role !== 'Assignee') add(who, v);
      else if (who === 'T2') add(SUMMIT, v, v);
      else add(TRANSFERS.find((x) => x.id === who)!.assignee, v);
    }
    expect(
      Object.fromEntries(
        (report.payables ?? [])
          .filter((x) => x.portfolio === CG && cents(x.payable) !== 0n)
          .map((x) => [x.payee, [x.payable, x.owedOn]]),
      ),
    ).toEqual(
      Object.fromEntries(
        [...payable]
          .filter(([, v]) => v.total !== 0n)
          .map(([n, v]) => [n, [money(v.total), money(v.owedOn)]]),
      ),
    );
  });
});
