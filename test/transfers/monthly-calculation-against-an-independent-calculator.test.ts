import { describe, expect, it } from 'vitest';
import { showClosedMonth } from '../../src/close/closedMonthView.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { assigneeStatementReport } from '../../src/reports/assigneeStatementReport.js';
import { distributorShareReport } from '../../src/reports/distributorShareReport.js';
import { type Journal, monthJournal } from '../../src/reports/journal.js';
import {
  type MonthlyCalculationReport,
  monthlyCalculationReport,
} from '../../src/reports/monthlyCalculationReport.js';
import { withActor } from '../../src/store/actor.js';
import { paymentDueDate } from '../../src/transfers/paymentDueDate.js';
import { storeForTests } from '../support/storeForTests.js';
import {
  lastDay,
  money,
  type OmnibusFigures,
  shareStr,
  type Term,
  type Txn,
  tenthBusinessDayAfter,
  units,
} from './independentCalculator.js';
import { Complex, type TransferTerms } from './independentComplex.js';

/**
 * A small complex built through the product's own feeds, every answer of May and June 2024 computed
 * first by the independent calculator in `independentCalculator.ts` (SPEC §3, §6–§9; Agreement
 * SEVENTH(B), EIGHTH; Exhibit A) and then compared to the cent with the product's Monthly
 * Calculation, distributor-share report, Assignee statements and journal.
 *
 * Summit Distributors Inc. (the Distributor: the earliest `all` term) is exclusive distributor of
 * every portfolio from 2024-01-02 to E = 2024-05-15; Other Distributor LLC from 2024-05-16. Summit
 * Dividend Value Fund (DV) had its own distributor, Harbor Distributors Inc., 2024-01-02–2024-02-29,
 * so DV's computation at E is not 100%: Harbor holds N5's 300 Commission Shares of DOI 2024-02-01.
 *
 * Summit Capital Growth Fund (CG):
 *  - O1 (omnibus) 500 Commission Shares 2024-01-10 (Summit), 20 Free Shares 2024-02-15, 10 more on
 *    2024-05-20 (after E: 2(c)(ii) with B/C at E), 500 Commission Shares 2024-05-28 (Other); June:
 *    52 issued, 6 redeemed, 4 exchanged out to DV (2 DV shares) — A×(B/C) 52 × 530/1030 =
 *    26.7573 Summit, 25.2427 Other; (iii) 6 × 30/30 Summit; (iv) net exchange −4 × 30/30 Summit.
 *  - N1 1000 Commission Shares DOI 2024-02-01, 50 Free (pro rata: Summit); redeems 100 on 05-08
 *    (50 free, then 50 of DOI 02-01: CDSC 5% × min(500.00, 550.00) = 25.00, Summit's).
 *  - N2 400 (04-01, Summit), 500 (05-20, Other); reinvests 100 on 05-24 pro rata 4:5 →
 *    44.4444 Summit / 55.5556 Other; 30 on 06-05 stated for Summit; 12 on 06-06 derived from DOI
 *    05-20 (Other).
 *  - N3 300 (03-01, Summit); redeems 100 on 05-13 (CDSC 50.00, Summit's; in Alpha's DOI range, Alpha
 *    in force); exchanges 200 into 100 DV on 05-20; redeems 50 DV on 06-12 (CDSC 50.00: the DOI is
 *    in Summit's term for CG, the portfolio that first issued them).
 *  - N4 200 (05-22, Other); exchanges them into 100 DV on 06-03; redeems them on 06-20 @ 21.00
 *    (CDSC 5% × min(2,000.00, 2,100.00) = 100.00, Other's — not the Distributor's Earned CDSC).
 *
 * Transfers: T1 Alpha — CG only, 40% of the 12b-1 Share and 50% of the Earned CDSC for DOIs
 * 2024-02-01–2024-03-31, effective 05-10 (a count date), notice received 06-20: after May's due date
 * (06-14), so May's portions are paid to the Distributor and owed on; before June's (07-15). T2
 * Beta — all portfolios, 10% / 20%, effective and noticed 06-10. T3 Gamma — DV only, 15% of the
 * 12b-1 Share, through the depository Delta Trust, from 06-01.
 */

const CG = 'Summit Capital Growth Fund';
const DV = 'Summit Dividend Value Fund';
const SUMMIT = 'Summit Distributors Inc.';
const OTHER = 'Other Distributor LLC';
const HARBOR = 'Harbor Distributors Inc.';
const ALPHA = 'Alpha Funding LLC';
const BETA = 'Beta Capital LP';
const GAMMA = 'Gamma Partners LP';
const DELTA = 'Delta Trust';
const E = '2024-05-15';
const MONTHS = ['2024-05', '2024-06'] as const;

const TERMS: Term[] = [
  { portfolio: 'all', distributor: SUMMIT, start: '2024-01-02', end: E },
  { portfolio: 'all', distributor: OTHER, start: '2024-05-16', end: null },
  { portfolio: DV, distributor: HARBOR, start: '2024-01-02', end: '2024-02-29' },
];
const OMNIBUS = new Set(['O1']);
/** the Distributor first, then the others by name (SPEC §3) */
const _order = (names: string[]) => [
  ...names.filter((n) => n === SUMMIT),
  ...names.filter((n) => n !== SUMMIT).sort(),
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
  t('2024-02-01', 'N1P1', 'N1', CG, 'purchase', '1000', '10'),
  t('2024-02-01', 'N5P1', 'N5', DV, 'purchase', '300', '20'),
  t('2024-02-15', 'O1R1', 'O1', CG, 'reinvest', '20', '10'),
  t('2024-03-01', 'N3P1', 'N3', CG, 'purchase', '300', '10'),
  t('2024-03-05', 'O1P2', 'O1', DV, 'purchase', '100', '20'),
  t('2024-03-15', 'N1R1', 'N1', CG, 'reinvest', '50', '10'),
  t('2024-03-15', 'O1R2', 'O1', DV, 'reinvest', '10', '20'),
  t('2024-04-01', 'N2P1', 'N2', CG, 'purchase', '400', '10'),
  t('2024-05-08', 'N1X1', 'N1', CG, 'redeem', '100', '11'),
  t('2024-05-13', 'N3X1', 'N3', CG, 'redeem', '100', '11'),
  t('2024-05-20', 'N3E1O', 'N3', CG, 'exchange_out', '200', '10', { exchangeId: 'X1' }),
  t('2024-05-20', 'N3E1I', 'N3', DV, 'exchange_in', '100', '20', { exchangeId: 'X1' }),
  t('2024-05-20', 'N2P2', 'N2', CG, 'purchase', '500', '10'),
  t('2024-05-20', 'O1R3', 'O1', CG, 'reinvest', '10', '10'),
  t('2024-05-22', 'N4P1', 'N4', CG, 'purchase', '200', '10'),
  t('2024-05-24', 'N2R1', 'N2', CG, 'reinvest', '100', '10'),
  t('2024-05-28', 'O1P3', 'O1', CG, 'purchase', '500', '10'),
  t('2024-06-03', 'N4E1O', 'N4', CG, 'exchange_out', '200', '10', { exchangeId: 'X2' }),
  t('2024-06-03', 'N4E1I', 'N4', DV, 'exchange_in', '100', '20', { exchangeId: 'X2' }),
  t('2024-06-05', 'N2R2', 'N2', CG, 'reinvest', '30', '10', { attributedDistributor: SUMMIT }),
  t('2024-06-06', 'N2R3', 'N2', CG, 'reinvest', '12', '10', { derivedFromDoi: '2024-05-20' }),
  t('2024-06-12', 'N3X2', 'N3', DV, 'redeem', '50', '20'),
  t('2024-06-14', 'O1R4', 'O1', CG, 'reinvest', '52', '10'),
  t('2024-06-20', 'N4X1', 'N4', DV, 'redeem', '100', '21'),
  t('2024-06-25', 'O1X1', 'O1', CG, 'redeem', '6', '10'),
  t('2024-06-26', 'O1E1O', 'O1', CG, 'exchange_out', '4', '10', { exchangeId: 'X3' }),
  t('2024-06-26', 'O1E1I', 'O1', DV, 'exchange_in', '2', '20', { exchangeId: 'X3' }),
];

/** the sub-transfer agent's figures: issued, redeemed (not by exchange), outstanding at month end */
const OMNIBUS_FIGURES: Record<string, Record<string, Record<string, OmnibusFigures>>> = {
  '2024-05': {
    O1: {
      [CG]: { issued: units('10'), redeemed: 0n, outstanding: units('30') },
      [DV]: { issued: 0n, redeemed: 0n, outstanding: units('10') },
    },
  },
  '2024-06': {
    O1: {
      [CG]: { issued: units('52'), redeemed: units('6'), outstanding: units('72') },
      [DV]: { issued: 0n, redeemed: 0n, outstanding: units('12') },
    },
  },
};

const TRANSFERS: TransferTerms[] = [
  {
    id: 'T1',
    assignee: ALPHA,
    portfolio: CG,
    twelveB1Pct: '40',
    cdscPct: '50',
    doiFrom: '2024-02-01',
    doiTo: '2024-03-31',
    effective: '2024-05-10',
    notice: '2024-06-20',
    agent: null,
  },
  {
    id: 'T2',
    assignee: BETA,
    portfolio: 'all',
    twelveB1Pct: '10',
    cdscPct: '20',
    doiFrom: null,
    doiTo: null,
    effective: '2024-06-10',
    notice: '2024-06-10',
    agent: null,
  },
  {
    id: 'T3',
    assignee: GAMMA,
    portfolio: DV,
    twelveB1Pct: '15',
    cdscPct: '0',
    doiFrom: null,
    doiTo: null,
    effective: '2024-06-01',
    notice: '2024-06-01',
    agent: DELTA,
  },
];

/** Net assets on each business day: a base and a step per day of the month, so no two days agree. */
function netAssetsCents(portfolio: string, d: string): bigint {
  const dom = BigInt(Number(d.slice(8)));
  if (portfolio === CG)
    return d <= E
      ? 2_000_000_000n + dom * 123_456n
      : d <= '2024-05-31'
        ? 2_500_000_000n + dom * 98_765n
        : 2_600_000_000n + dom * 111_111n;
  return d <= '2024-05-31' ? 800_000_000n + dom * 77_777n : 850_000_000n + dom * 33_333n;
}

const complex = new Complex({
  distributor: SUMMIT,
  terms: TERMS,
  E,
  months: [...MONTHS],
  portfolios: [CG, DV],
  accounts: ['N1', 'N2', 'N3', 'N4', 'N5', 'O1'].map((id) => ({ id, omnibus: OMNIBUS.has(id) })),
  txns: TXNS,
  omnibusFigures: OMNIBUS_FIGURES,
  transfers: TRANSFERS,
  netAssetsCents,
});
const expected = (p: string, month: string) => complex.expected(p, month);
const computation = (date: string, p: string) => complex.computation(date, p);
const ledgerAt = (date: string) => complex.ledgerAt(date);

const store = storeForTests('pglite', (db) => complex.build(db));

describe('the Monthly Calculation against an independent calculator (SPEC §7, §8; Exhibit A; EIGHTH)', () => {
  it('the calculator itself: the omnibus figures reconcile with its ledger and the hand-worked 2(c) numbers', () => {
    for (const month of MONTHS)
      for (const p of [CG, DV]) {
        const held = ledgerAt(lastDay(month))
          .lots.filter((l) => l.account === 'O1' && l.portfolio === p && l.kind === 'free')
          .reduce((s, l) => s + l.units, 0n);
        expect(shareStr(held)).toBe(shareStr(OMNIBUS_FIGURES[month]!.O1![p]!.outstanding));
      }
    // June, CG: 52 × 530/1030 = 26.7573 Summit, 25.2427 Other; 30 + 26.7573 − 6 − 4 = 46.7573
    const june = complex.omnibusFreeAt('2024-06-30', 'O1', CG);
    expect([shareStr(june.get(SUMMIT)!), shareStr(june.get(OTHER)!)]).toEqual(['46.7573', '25.2427']);
    // N2's 100 reinvested on 05-24 pro rata 400 : 500 → 44.4444 / 55.5556
    const may = computation('2024-05-31', CG);
    expect(shareStr(may.get(SUMMIT)!.b)).toBe('44.4444');
    expect(shareStr(may.get(OTHER)!.b)).toBe('55.5556');
    // CDSC pieces: 25.00, 50.00 (Summit, CG); 50.00 (Summit, DV, issued by CG); 100.00 (Other)
    expect(
      ledgerAt('2024-06-30').pieces.map((x) => [
        x.txnId,
        x.portfolio === CG ? 'CG' : 'DV',
        money(x.cents),
        x.earnedBy,
      ]),
    ).toEqual([
      ['N1X1', 'CG', '25.00', SUMMIT],
      ['N3X1', 'CG', '50.00', SUMMIT],
      ['N3X2', 'DV', '50.00', SUMMIT],
      ['N4X1', 'DV', '100.00', OTHER],
    ]);
  });

  it.each(['2024-05', '2024-06'])(
    'distributor-share %s: each computation by rule, per distributor',
    async (month) => {
      const report = await distributorShareReport(store.db, month);
      for (const p of [CG, DV])
        complex.checkDistributorShare(
          report,
          p,
          month === '2024-05' ? [E, '2024-05-31'] : ['2024-05-31', '2024-06-30'],
        );
    },
  );

  it.each(['2024-05', '2024-06'])('monthly-calculation %s: every portfolio to the cent', async (month) => {
    const report = await monthlyCalculationReport(store.db, month);
    complex.checkMonthlyCalculation(report, month);
  });

  it('the 12b-1 Portions are split computation by computation: here a cent apart from one split of the month', async () => {
    // CG, May: Alpha is in force on the 10th–15th (the days Summit was exclusive) and the 16th–31st
    // (the computation of E). Split under each computation and added, Alpha has one cent less than
    // the month's Distributor's 12b-1 Share split at once would give it. SPEC §3 asks for parts that
    // add up to the whole; both readings do — the product's whole is each computation's dollars.
    const want = expected(CG, '2024-05');
    const alphaByComputation = want.assignees.get('T1')!.twelveB1;
    expect(want.split12Month[1]! - alphaByComputation).toBe(1n);
    const got = (await monthlyCalculationReport(store.db, '2024-05')).portfolios.find(
      (x) => x.portfolio === CG,
    )!;
    expect(got.assignees.find((a) => a.transferId === 'T1')!.twelveB1Portion).toBe(money(alphaByComputation));
  });

  it.each([
    [ALPHA, '2024-05'],
    [ALPHA, '2024-06'],
    [BETA, '2024-06'],
  ])('assignee statement of %s for %s: its portions and what is owed on', async (assignee, month) => {
    const s = await assigneeStatementReport(store.db, assignee, month);
    complex.checkAssigneeStatement(s, assignee, month);
    let twelve = 0n;
    let cdsc = 0n;
    let owed = 0n;
    for (const p of [CG, DV]) {
      const want = expected(p, month);
      for (const tr of TRANSFERS.filter((x) => x.assignee === assignee)) {
        const a = want.assignees.get(tr.id);
        if (!a) continue;
        twelve += a.twelveB1;
        cdsc += a.cdsc;
        owed += a.owedOn;
      }
    }
    expect([s.totals.twelveB1Portion, s.totals.cdscPortion, s.totals.owedOnToAssignee]).toEqual([
      money(twelve),
      money(cdsc),
      money(owed),
    ]);
  });

  it.each(['2024-05', '2024-06'])(
    'the journal of %s pays each payee what the calculator says, on the due date',
    async (month) => {
      complex.checkJournal(await monthJournal(store.db, month), month);
    },
  );

  it('a later due date the Distributor instructs is the due date of the calculation and its payees', async () => {
    const report = await monthlyCalculationReport(store.db, '2024-06', { instructedDueDate: '2024-07-22' });
    expect(report.dueDate).toBe('2024-07-22');
    expect(report.portfolios.flatMap((p) => p.payees.map((x) => x.dueDate))).toEqual(
      report.portfolios.flatMap((p) => p.payees.map(() => '2024-07-22')),
    );
  });
});

describe('the same months closed: what they seal agrees with the calculator (SPEC §12)', () => {
  // runs after the open months were compared above (vitest runs a file's blocks in order)
  it('May and June closed: the sealed Monthly Calculation, journal and Assignee statements', async () => {
    for (const month of MONTHS) {
      await withActor('test', () =>
        closeMonth(store.db, month, MONTH_CLOSE_STEPS, month === '2024-05' ? { first: true } : {}),
      );
      const shown = await showClosedMonth(store.db, month);
      complex.checkMonthlyCalculation(shown.parts['monthly-calculation'] as MonthlyCalculationReport, month);
      complex.checkJournal(shown.parts.journal as Journal, month);
      const alpha = await assigneeStatementReport(store.db, ALPHA, month);
      expect(alpha.basis).toBe('sealed');
      const want = expected(CG, month).assignees.get('T1')!;
      expect([alpha.totals.twelveB1Portion, alpha.totals.cdscPortion, alpha.totals.owedOnToAssignee]).toEqual(
        [money(want.twelveB1), money(want.cdsc), money(want.owedOn)],
      );
    }
  });
});

describe('the payment due date: the 10th NYSE business day after month end (SEVENTH(B), SPEC §9)', () => {
  /**
   * By hand, with the closures of SPEC §9: August 2001 → Sept 4–7, 10, then 17–21 (closed 11–14):
   * 09-21. May 2004 → June 1–4, 7–10, 14, 15 (closed the 11th): 06-15. December 2006 → Jan 3–5,
   * 8–12, 16, 17 (closed the 1st, 2nd and MLK the 15th): 01-17. November 2018 → Dec 3, 4, 6, 7,
   * 10–14, 17: 12-17. December 2024 → Jan 2, 3, 6, 7, 8, 10, 13–16 (closed the 9th): 01-16.
   * March 2007 (Good Friday April 6): 04-16. June 2020 (July 4 a Saturday, closed Friday the 3rd):
   * 07-15. June 2021 (July 4 a Sunday, closed Monday the 5th): 07-15. June 2024: 07-15. May 2024:
   * 06-14. September 2012: 10-12 (Sandy's closures come later).
   */
  it.each([
    ['2001-08', '2001-09-21'],
    ['2004-05', '2004-06-15'],
    ['2006-12', '2007-01-17'],
    ['2018-11', '2018-12-17'],
    ['2024-12', '2025-01-16'],
    ['2007-03', '2007-04-16'],
    ['2020-06', '2020-07-15'],
    ['2021-06', '2021-07-15'],
    ['2022-06', '2022-07-15'],
    ['2024-06', '2024-07-15'],
    ['2024-05', '2024-06-14'],
    ['2012-09', '2012-10-12'],
  ])('%s → %s', (month, due) => {
    expect(tenthBusinessDayAfter(month)).toBe(due);
    expect(paymentDueDate(month)).toBe(due);
    // a later instructed date wins; an earlier one does not
    expect(paymentDueDate(month, '2030-01-02')).toBe('2030-01-02');
    expect(paymentDueDate(month, `${month}-28`)).toBe(due);
  });
});
