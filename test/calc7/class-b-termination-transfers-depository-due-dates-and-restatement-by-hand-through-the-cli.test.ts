import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedsAvailable } from '../support/seeds.js';
import { businessDays, type CliStore, classBAgreementSeeds, cliStore, csvRows, pdfText } from './support.js';

/**
 * The independent checker's cases where Class B meets governance and Transfers (SPEC §7, §8, §10,
 * §12; Agreement EIGHTH, FIFTEENTH), on a small complex built through the CLI's own import commands
 * and compared with its --json / --csv / --pdf. Every expected figure is worked out here by hand.
 *
 * The complex (seeds 003 + 004: the Class B Agreement, 0.75% distribution fee SEVENTH(B), 0.25%
 * service fee TENTH). AIM Distributors Inc. is exclusive distributor of every portfolio from
 * 2003-08-18 (its term never ends): the Distributor's 12b-1 Share is 100% throughout.
 * Net assets 3,650,000.00 on every business day of 2005-03..2005-06, each portfolio:
 *   distribution fee 3,650,000.00 × 0.75% / 365 = 75.00 a day; service fee × 0.25% = 25.00 a day.
 *   31-day month 2,325.00 / 775.00; 30-day month 2,250.00 / 750.00.
 *
 * BV = AIM Basic Value Fund (case 1: terminations). N3 bought 1,000 at 10.00 on 2004-03-01 (DOI).
 *   Agreement terminated by the Distributor from 2005-03-16 (notice 2005-01-15: 60 days exactly,
 *   31 − 15 = 16 days of January + 28 of February + 16 of March = 60). Plan terminated by the
 *   Dis-interested Trustees from 2005-04-11 (read as Complete Termination for Class B).
 *   N3 redeems 200 at 12.00 on 2005-04-20: year 2 (anniversary 2005-03-01 passed) → 4% ×
 *   min(cost 2,000.00, value 2,400.00) = 80.00, the Distributor's Earned CDSC; and 100 more at 12.00
 *   on 2005-05-16: still year 2 → 4% × min(1,000.00, 1,200.00) = 40.00.
 *   Transfer TG: Gamma Receivables Trust, 40% of the 12b-1 Share and 40% of the Earned CDSC, from
 *   2005-03-01, notice 2005-03-01.
 * CD = AIM Capital Development Fund (case 2: two Assignees, a DOI range, a notice mid-month).
 *   N1 600 on 2004-02-02; N2 400 on 2004-09-01; N2 redeems 100 at 10.00 on 2005-03-22: year 1 →
 *   5% × min(1,000.00, 1,000.00) = 50.00 Earned CDSC (DOI 2004-09-01).
 *   TA: Alpha Funding LLC, 30% of the 12b-1 Share, 0% of the CDSC, every DOI, from 2005-03-01,
 *       notice 2005-03-01.
 *   TB: Beta Capital LP, 50% of the 12b-1 Share and 60% of the Earned CDSC of Commission Shares
 *       with DOI 2004-06-01..2004-12-31, from 2005-03-10, notice received 2005-04-20.
 * CH = AIM Charter Fund (case 3: a depository; case 5: EIGHTH(E)). N4 600 on 2004-05-03; N5 300 on
 *   2005-05-10. TD: Delta Trust 25% / 25%, from 2005-03-01, paid to the depository Wilmington
 *   Depository Co (EIGHTH(D)). The Board sets the Class B distribution fee to 0.50% from 2005-05-01.
 *
 * Due dates (10th NYSE business day after month end; Good Friday 2005 is 03-25, Memorial Day 05-30,
 * Independence Day 07-04):
 *   March → April 1, 4–8, 11–14: 2005-04-14.  April → May 2–6, 9–13: 2005-05-13.
 *   May → June 1–3, 6–10, 13–14: 2005-06-14.   June → July 1, 5–8, 11–15: 2005-07-15.
 * March is closed with the Distributor's written instruction of a later date, 2005-04-21 (case 4).
 * After March's close, CD's net assets of 2005-03-15 are restated to 3,723,000.00 and April is
 * closed (case 6).
 */

const BV = 'AIM Basic Value Fund';
const CD = 'AIM Capital Development Fund';
const CH = 'AIM Charter Fund';
const AIM = 'AIM Distributors Inc.';
const ALPHA = 'Alpha Funding LLC';
const BETA = 'Beta Capital LP';
const GAMMA = 'Gamma Receivables Trust';
const DELTA = 'Delta Trust';
const DEPOSITORY = 'Wilmington Depository Co (depository for Delta Trust)';

interface Payee {
  payee: string;
  role: string;
  twelveB1: string;
  cdsc: string;
  owedOn: string;
  total: string;
  dueDate: string;
}
interface Portfolio {
  portfolio: string;
  distributionFee: string;
  distributor12b1Share: string;
  earnedCdsc: string;
  serviceFee: string;
  assignees: {
    transferId: string;
    assignee: string;
    twelveB1Portion: string;
    cdscPortion: string;
    payTo: string;
    owedOnToAssignee: string;
  }[];
  distributor12b1Portion: string;
  distributorEarnedCdscPortion: string;
  distributorPayTo: string;
  payees: Payee[];
}
interface Payable {
  portfolio: string;
  payee: string;
  role: string;
  twelveB1: string;
  cdsc: string;
  adjustmentTwelveB1: string;
  adjustmentCdsc: string;
  owedOn: string;
  payable: string;
  dueDate: string;
}
interface MonthlyCalc {
  month: string;
  dueDate: string;
  portfolios: Portfolio[];
  payables: Payable[];
  priorPeriodAdjustments: {
    month: string;
    portfolio: string;
    role: string;
    payee: string;
    transferId: string | null;
    original: string;
    restated: string;
    difference: string;
    twelveB1Difference: string;
    cdscDifference: string;
  }[];
  warnings: string[];
  classBVintages?: {
    portfolio: string;
    distributionFee: string;
    reductions: { date: string; fromPct: string; toPct: string }[];
    runs: {
      countedOn: string | null;
      from: string;
      to: string;
      days: number;
      distributionFee: string;
      vintages: { shares: string; distributionFeePct: string; distributionFee: string }[];
    }[];
  }[];
}

const open = new Map<string, MonthlyCalc>();
let closedMarch: MonthlyCalc;
let closedApril: MonthlyCalc;
let marchCsv: string;
let marchPdf: string;
let marchJournal: string;
let aprilJournal: string;
let mayJournal: string;
let store: CliStore;

const cents = (s: string) => BigInt(s.replace('.', ''));
const portfolio = (mc: MonthlyCalc, name: string) => mc.portfolios.find((p) => p.portfolio === name);
const parts = (p: Portfolio) => ({
  fee: p.distributionFee,
  share: p.distributor12b1Share,
  earnedCdsc: p.earnedCdsc,
  service: p.serviceFee,
  assignees: p.assignees.map((a) => [
    a.transferId,
    a.twelveB1Portion,
    a.cdscPortion,
    a.payTo,
    a.owedOnToAssignee,
  ]),
  own: [p.distributor12b1Portion, p.distributorEarnedCdscPortion, p.distributorPayTo],
  payees: p.payees.map((x) => [x.payee, x.twelveB1, x.cdsc, x.owedOn, x.total, x.dueDate]),
});

describe.skipIf(!seedsAvailable)(
  'Class B after terminations and Transfers, worked by hand, through the CLI',
  () => {
    beforeAll(async () => {
      store = await cliStore('calc7');
      const s = store;
      await s.ok('init');
      await s.ok('exhibit', 'import', ...classBAgreementSeeds());
      await s.ok(
        'accounts',
        'import',
        s.file('accounts.csv', [
          'account,omnibus,dealer_of_record',
          ...['N1', 'N2', 'N3', 'N4', 'N5'].map((a) => `${a},no,D`),
        ]),
      );
      await s.ok(
        'distributors',
        'import',
        s.file('distributors.csv', ['portfolio,distributor,start,end', `all,${AIM},2003-08-18,`]),
      );
      await s.ok(
        'transactions',
        'import',
        s.file('transactions.csv', [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          `2004-02-02,N1P,N1,${CD},B,purchase,600,10.00,,`,
          `2004-03-01,N3P,N3,${BV},B,purchase,1000,10.00,,`,
          `2004-05-03,N4P,N4,${CH},B,purchase,600,10.00,,`,
          `2004-09-01,N2P,N2,${CD},B,purchase,400,10.00,,`,
          `2005-03-22,N2X,N2,${CD},B,redeem,100,10.00,,`,
          `2005-04-20,N3X,N3,${BV},B,redeem,200,12.00,,`,
          `2005-05-10,N5P,N5,${CH},B,purchase,300,10.00,,`,
          `2005-05-16,N3X2,N3,${BV},B,redeem,100,12.00,,`,
        ]),
      );
      await s.ok(
        'transfers',
        'import',
        s.file('transfers.csv', [
          'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
          `TA,${ALPHA},1 Main St,${CD},30,0,,,2005-03-01,2005-03-01,direct,`,
          `TB,${BETA},2 Wall St,${CD},50,60,2004-06-01,2004-12-31,2005-03-10,2005-04-20,direct,`,
          `TG,${GAMMA},3 Elm St,${BV},40,40,,,2005-03-01,2005-03-01,direct,`,
          `TD,${DELTA},4 Oak St,${CH},25,25,,,2005-03-01,2005-03-01,depository,Wilmington Depository Co`,
        ]),
      );
      await s.ok(
        'net-assets',
        'import',
        s.file('na.csv', [
          'date,portfolio,class,net_assets',
          ...businessDays('2005-03-01', '2005-06-30').flatMap((d) =>
            [BV, CD, CH].map((p) => `${d},${p},B,3650000.00`),
          ),
        ]),
      );
      await s.ok(
        'terminate',
        '--portfolio',
        BV,
        '--class',
        'B',
        '--instrument',
        'agreement',
        '--date',
        '2005-03-16',
        '--by',
        'distributor',
        '--notice-date',
        '2005-01-15',
      );
      await s.ok('terminate', '--portfolio', BV, '--class', 'B', '--date', '2005-04-11', '--by', 'trustees');
      await s.ok(
        'rates',
        'set',
        '--portfolio',
        CH,
        '--class',
        'B',
        '--from',
        '2005-05-01',
        '--distribution-fee',
        '0.50',
        '--reason',
        'Board resolution',
      );
      for (const m of ['2005-03', '2005-04', '2005-05', '2005-06'])
        open.set(m, await s.json<MonthlyCalc>('monthly-calculation', '--month', m));

      await s.ok('close', '--month', '2005-03', '--due-date', '2005-04-21');
      closedMarch = await s.json<MonthlyCalc>('monthly-calculation', '--month', '2005-03');
      marchCsv = await s.ok('monthly-calculation', '--month', '2005-03', '--csv');
      await s.ok('monthly-calculation', '--month', '2005-03', '--pdf', join(s.dir, 'march.pdf'));
      marchPdf = pdfText(join(s.dir, 'march.pdf'));
      marchJournal = await s.ok('journal', '--month', '2005-03', '--csv');

      await s.ok(
        'net-assets',
        'import',
        s.file('restate.csv', ['date,portfolio,class,net_assets', `2005-03-15,${CD},B,3723000.00`]),
        '--restate',
      );
      await s.ok('close', '--month', '2005-04');
      closedApril = await s.json<MonthlyCalc>('monthly-calculation', '--month', '2005-04');
      aprilJournal = await s.ok('journal', '--month', '2005-04', '--csv');
      await s.ok('close', '--month', '2005-05');
      mayJournal = await s.ok('journal', '--month', '2005-05', '--csv');
    });
    afterAll(() => store?.remove());

    /**
     * Case 1, BV. March: the Agreement ends on 03-16 but the fee continues under the Plan and the
     * 12b-1 Share survives (FIFTEENTH(B)): 31 × 75.00 = 2,325.00, all the Distributor's (its term —
     * no term end recorded — still holds every share). Gamma 40% = 930.00; own 60% = 1,395.00.
     * Service fee 31 × 25.00 = 775.00.
     * April: the Plan ends on 04-11 (Complete Termination): fees for 04-01..04-10 only, 10 × 75.00 =
     * 750.00 (service 250.00); Gamma 300.00, own 450.00. The Earned CDSC of 04-20 (after the Plan's
     * end) survives: 80.00 → Gamma 40% = 32.00, own 48.00. Payees: AIM 450.00 + 48.00 = 498.00;
     * Gamma 300.00 + 32.00 = 332.00.
     * May: no fee (the Plan ended), but FIFTEENTH(B): a termination of the Plan "shall not affect
     * the obligations of the Fund pursuant to Sections FOURTH(D), EIGHTH(A), (C), (D) and (E) (with
     * respect to payments of Distributor's Earned CDSC or Assignee's CDSC Portion)": the 40.00 of
     * 05-16 is due — Gamma 40% = 16.00, own 24.00, paid on 2005-06-14 (the journal too).
     * June: no fee, no CDSC: no Monthly Calculation line for BV.
     */
    it('case 1: termination of the Agreement leaves the 12b-1 Share; termination of the Plan ends it from its date; the Earned CDSC survives both', () => {
      expect(parts(portfolio(open.get('2005-03')!, BV)!)).toEqual({
        fee: '2325.00',
        share: '2325.00',
        earnedCdsc: '0.00',
        service: '775.00',
        assignees: [['TG', '930.00', '0.00', GAMMA, '0.00']],
        own: ['1395.00', '0.00', AIM],
        payees: [
          [AIM, '1395.00', '0.00', '0.00', '1395.00', '2005-04-14'],
          [GAMMA, '930.00', '0.00', '0.00', '930.00', '2005-04-14'],
        ],
      });
      expect(parts(portfolio(open.get('2005-04')!, BV)!)).toEqual({
        fee: '750.00',
        share: '750.00',
        earnedCdsc: '80.00',
        service: '250.00',
        assignees: [['TG', '300.00', '32.00', GAMMA, '0.00']],
        own: ['450.00', '48.00', AIM],
        payees: [
          [AIM, '450.00', '48.00', '0.00', '498.00', '2005-05-13'],
          [GAMMA, '300.00', '32.00', '0.00', '332.00', '2005-05-13'],
        ],
      });
      expect(open.get('2005-04')!.warnings.join('\n')).toMatch(/Complete Termination/);
      expect(portfolio(open.get('2005-06')!, BV)).toBeUndefined();
    });

    it('case 1: after Complete Termination of the Plan the Earned CDSC and the CDSC Portion are still paid (FIFTEENTH(B))', () => {
      expect(parts(portfolio(open.get('2005-05')!, BV)!)).toEqual({
        fee: '0.00',
        share: '0.00',
        earnedCdsc: '40.00',
        service: '0.00',
        assignees: [['TG', '0.00', '16.00', GAMMA, '0.00']],
        own: ['0.00', '24.00', AIM],
        payees: [
          [AIM, '0.00', '24.00', '0.00', '24.00', '2005-06-14'],
          [GAMMA, '0.00', '16.00', '0.00', '16.00', '2005-06-14'],
        ],
      });
      const paid = csvRows(mayJournal)
        .filter((r) => r.portfolio === BV && r.entry!.startsWith('PAY-') && r.account === 'Cash')
        .map((r) => [/to (.+), due /.exec(r.memo!)![1], r.credit, r.date]);
      expect(paid).toEqual([
        [AIM, '24.00', '2005-06-14'],
        [GAMMA, '16.00', '2005-06-14'],
      ]);
    });

    /**
     * Case 2, CD, March (Distributor 100%: 2,325.00 = 75.00 a day).
     * TB's DOI fraction: the Distributor's shares with DOI in 2004-06-01..2004-12-31 over all its
     * shares, counted at 02-28 and at TB's effective date 03-10 (both before N2's redemption):
     * 400 / 1,000 = 0.4 → TB takes 50% × 0.4 = 20% of each day's 75.00 from 03-10.
     *   03-01..03-09 (9 days): Alpha 30% = 22.50 a day → 202.50; own 52.50 → 472.50.
     *   03-10..03-31 (22 days): Alpha 22.50 → 495.00; Beta 15.00 → 330.00; own 37.50 → 825.00.
     *   Alpha 697.50; Beta 330.00; own 1,297.50 (sum 2,325.00).
     * Earned CDSC 50.00 (DOI 2004-09-01, in TB's range): Beta 60% = 30.00; Alpha 0%; own 20.00.
     * TB's notice came 04-20, after March's due date 04-14: its 330.00 + 30.00 = 360.00 is paid to
     * the Distributor and owed on. Payees: AIM 1,297.50 + 330.00 = 1,627.50 of 12b-1, 20.00 + 30.00 =
     * 50.00 of CDSC, owed on 360.00, total 1,677.50; Alpha 697.50.
     * April (30 × 75.00 = 2,250.00): counted at 03-31, the Distributor holds 600 + 300 = 900, of which
     * 300 (N2) in TB's range: 1/3 → TB 50% × 1/3 = 1/6 of 75.00 = 12.50 a day → 375.00; Alpha 22.50 a
     * day → 675.00; own 40.00 a day → 1,200.00. The notice (04-20) precedes April's due date (05-13):
     * Beta is paid directly.
     */
    it('case 2: two Assignees, one for a DOI range with a CDSC portion, its notice mid-month: paid and owed on', () => {
      expect(parts(portfolio(open.get('2005-03')!, CD)!)).toEqual({
        fee: '2325.00',
        share: '2325.00',
        earnedCdsc: '50.00',
        service: '775.00',
        assignees: [
          ['TA', '697.50', '0.00', ALPHA, '0.00'],
          ['TB', '330.00', '30.00', AIM, '360.00'],
        ],
        own: ['1297.50', '20.00', AIM],
        payees: [
          [AIM, '1627.50', '50.00', '360.00', '1677.50', '2005-04-14'],
          [ALPHA, '697.50', '0.00', '0.00', '697.50', '2005-04-14'],
        ],
      });
      expect(parts(portfolio(open.get('2005-04')!, CD)!).assignees).toEqual([
        ['TA', '675.00', '0.00', ALPHA, '0.00'],
        ['TB', '375.00', '0.00', BETA, '0.00'],
      ]);
      expect(portfolio(open.get('2005-04')!, CD)!.distributor12b1Portion).toBe('1200.00');
      // Each part adds up to its whole (computed here, not taken from the product's totals).
      for (const m of ['2005-03', '2005-04']) {
        const p = portfolio(open.get(m)!, CD)!;
        const a12 = p.assignees.reduce((s, a) => s + cents(a.twelveB1Portion), 0n);
        const aCdsc = p.assignees.reduce((s, a) => s + cents(a.cdscPortion), 0n);
        expect(a12 + cents(p.distributor12b1Portion)).toBe(cents(p.distributor12b1Share));
        expect(aCdsc + cents(p.distributorEarnedCdscPortion)).toBe(cents(p.earnedCdsc));
        expect(p.payees.reduce((s, x) => s + cents(x.total), 0n)).toBe(
          cents(p.distributionFee) + cents(p.earnedCdsc),
        );
      }
    });

    /**
     * Case 3, CH: TD directs all of the Distributor's 12b-1 Share and Earned CDSC to the depository
     * (EIGHTH(D)). March 2,325.00: Delta 25% = 581.25; the Distributor's 12b-1 Portion 1,743.75, both
     * paid to the depository, which divides them: one payee, the depository, 2,325.00.
     * April 2,250.00: Delta 562.50, own 1,687.50; the depository is paid 2,250.00.
     */
    it('case 3: a depository agent receives everything and the split it makes is shown', () => {
      expect(parts(portfolio(open.get('2005-03')!, CH)!)).toEqual({
        fee: '2325.00',
        share: '2325.00',
        earnedCdsc: '0.00',
        service: '775.00',
        assignees: [['TD', '581.25', '0.00', DEPOSITORY, '0.00']],
        own: ['1743.75', '0.00', DEPOSITORY],
        payees: [[DEPOSITORY, '2325.00', '0.00', '0.00', '2325.00', '2005-04-14']],
      });
      const april = parts(portfolio(open.get('2005-04')!, CH)!);
      expect([april.assignees, april.own, april.payees]).toEqual([
        [['TD', '562.50', '0.00', DEPOSITORY, '0.00']],
        ['1687.50', '0.00', DEPOSITORY],
        [[DEPOSITORY, '2250.00', '0.00', '0.00', '2250.00', '2005-05-13']],
      ]);
    });

    it('case 4: the due date is the 10th NYSE business day after month end', () => {
      expect(['2005-03', '2005-04', '2005-05', '2005-06'].map((m) => open.get(m)!.dueDate)).toEqual([
        '2005-04-14',
        '2005-05-13',
        '2005-06-14',
        '2005-07-15',
      ]);
    });

    /**
     * Case 4, March closed with the later date the Distributor instructed, 2005-04-21. TB's notice
     * (04-20) now reaches the Fund before the payment date: the Fund pays Beta directly (EIGHTH(C)),
     * nothing is owed on. Payables, each due 2005-04-21:
     *   BV: AIM 1,395.00; Gamma 930.00.  CD: AIM 1,297.50 + 20.00 = 1,317.50; Alpha 697.50;
     *   Beta 330.00 + 30.00 = 360.00.  CH: the depository 2,325.00.
     * The journal's PAY- entries of the Monthly Calculation pay exactly these, dated 2005-04-21; the CSV
     * and the PDF's text say the same.
     */
    it('case 4: an instructed later due date moves every payee, and the JSON, CSV, PDF and journal agree', () => {
      const want = [
        [BV, AIM, '1395.00'],
        [BV, GAMMA, '930.00'],
        [CD, AIM, '1317.50'],
        [CD, ALPHA, '697.50'],
        [CD, BETA, '360.00'],
        [CH, DEPOSITORY, '2325.00'],
      ];
      expect(closedMarch.dueDate).toBe('2005-04-21');
      expect(closedMarch.payables.map((p) => [p.portfolio, p.payee, p.payable])).toEqual(want);
      expect(new Set(closedMarch.payables.map((p) => p.dueDate))).toEqual(new Set(['2005-04-21']));
      expect(closedMarch.payables.every((p) => p.owedOn === '0.00')).toBe(true);

      // CSV: one payable line per payee (priorPeriodAdjustment filled), due 2005-04-21.
      const payableLines = csvRows(marchCsv).filter((r) => r.payable !== '');
      expect(payableLines.map((r) => [r.portfolio, r.payee, r.payable, r.dueDate])).toEqual(
        want.map((w) => [...w, '2005-04-21']),
      );

      // Journal: the Cash credit of each PAY- entry of the Monthly Calculation, by portfolio and payee.
      const paid = csvRows(marchJournal)
        .filter(
          (r) => r.entry!.startsWith('PAY-') && r.account === 'Cash' && /Monthly Calculation/.test(r.memo!),
        )
        .map((r) => [r.portfolio, /to (.+), due /.exec(r.memo!)![1], r.credit, r.date]);
      expect(paid).toEqual(want.map((w) => [...w, '2005-04-21']));

      // PDF: each page's "Payments due 2005-04-21" lists the same payees and amounts.
      const pages = marchPdf.split(/^Monthly Calculation — 2005-03$/m).slice(1);
      const fromPdf = pages.flatMap((page) => {
        const name = page.split('\n')[1]!.replace(/ — Class B Shares$/, '');
        const lines = page.split('\n');
        const at = lines.indexOf('Payments due 2005-04-21');
        expect(at, `${name}: no "Payments due 2005-04-21"`).toBeGreaterThan(0);
        const out: string[][] = [];
        for (
          let i = at + 1;
          i + 1 < lines.length && / \((Distributor|Assignee|Depository)\)$/.test(lines[i]!);
          i += 2
        )
          out.push([
            name,
            lines[i]!.replace(/ \((Distributor|Assignee|Depository)\)$/, ''),
            lines[i + 1]!.replace(',', ''),
          ]);
        return out;
      });
      expect(fromPdf).toEqual(want);
    });

    /**
     * Case 6: CD's 2005-03-15 net assets restated 3,650,000.00 → 3,723,000.00 after March closed.
     * That day's fee: 3,723,000.00 × 0.75% / 365 = 27,922.50 / 365 = 76.50 (+1.50); service fee
     * 3,723,000.00 × 0.25% / 365 = 25.50 (+0.50, the Distributor's under TENTH).
     * 03-15 is in TB's days (fraction 0.4): Alpha 30% × 1.50 = 0.45; Beta 20% × 1.50 = 0.30; own 50% ×
     * 1.50 = 0.75 (exact; sum 1.50). Originals as sealed: AIM 1,297.50 + 20.00 = 1,317.50, restated
     * 1,318.25; Alpha 697.50 → 697.95; Beta 360.00 → 360.30.
     * Reported in April and paid with it on 2005-05-13, each as April pays that party (Beta's notice
     * is received by then: directly): AIM 1,200.00 + 0.75 = 1,200.75; Alpha 675.00 + 0.45 = 675.45;
     * Beta 375.00 + 0.30 = 375.30.
     */
    it('case 6: a prior-period adjustment of a closed Class B month is split among the same parties', () => {
      expect(
        closedApril.priorPeriodAdjustments.map((a) => [
          a.month,
          a.portfolio,
          a.role,
          a.payee,
          a.transferId,
          a.original,
          a.restated,
          a.difference,
          a.twelveB1Difference,
          a.cdscDifference,
        ]),
      ).toEqual([
        ['2005-03', CD, 'Distributor', AIM, null, '1317.50', '1318.25', '0.75', '0.75', '0.00'],
        ['2005-03', CD, 'Assignee', ALPHA, 'TA', '697.50', '697.95', '0.45', '0.45', '0.00'],
        ['2005-03', CD, 'Assignee', BETA, 'TB', '360.00', '360.30', '0.30', '0.30', '0.00'],
      ]);
      expect(
        closedApril.payables
          .filter((p) => p.portfolio === CD)
          .map((p) => [p.payee, p.twelveB1, p.adjustmentTwelveB1, p.payable, p.dueDate]),
      ).toEqual([
        [AIM, '1200.00', '0.75', '1200.75', '2005-05-13'],
        [ALPHA, '675.00', '0.45', '675.45', '2005-05-13'],
        [BETA, '375.00', '0.30', '375.30', '2005-05-13'],
      ]);
      const journal = csvRows(aprilJournal).filter((r) => r.portfolio === CD);
      const ppa = journal.filter((r) => r.entry!.startsWith('PPA-') && r.account!.startsWith('Payable to '));
      expect(ppa.map((r) => [r.account, r.credit])).toEqual(
        expect.arrayContaining([
          [`Payable to ${AIM} — service fee (Distributor)`, '0.50'],
          [`Payable to ${AIM} — 12b-1 (Distributor)`, '0.75'],
          [`Payable to ${ALPHA} — 12b-1 (Assignee)`, '0.45'],
          [`Payable to ${BETA} — 12b-1 (Assignee)`, '0.30'],
        ]),
      );
      const paid = journal
        .filter(
          (r) => r.entry!.startsWith('PAY-') && r.account === 'Cash' && /Monthly Calculation/.test(r.memo!),
        )
        .map((r) => [/to (.+), due /.exec(r.memo!)![1], r.credit, r.date]);
      expect(paid).toEqual([
        [AIM, '1200.75', '2005-05-13'],
        [ALPHA, '675.45', '2005-05-13'],
        [BETA, '375.30', '2005-05-13'],
      ]);
    });

    /**
     * Case 5, CH: the Board lowers the Class B distribution fee to 0.50% from 2005-05-01. EIGHTH(E):
     * no reduction of what is payable on shares issued before it — plan12b applies 0.50% to shares
     * issued on or after 05-01 only (FORMATS "Class B vintages"), the reading taken here too.
     * May: counted at the close of 05-01, every share (N4's 600) was issued before it; the next count
     * is 05-31, so all of May is at 0.75%: 31 × 75.00 = 2,325.00 (N5's 300 of 05-10 count from 05-31).
     * June, counted 05-31: 600 old at 0.75%, 300 new at 0.50%: weighted rate (600 × 0.75 + 300 × 0.50)
     * / 900 = 0.6667%: a day round(3,650,000.00 × 600/900 … ) = 10,000 × 0.666… = 66.666… → 66.67,
     * split by shares × rate 450 : 150 → 50.0025 / 16.6675 → floors 50.00 / 16.66, the cent to the
     * larger remainder (new): 50.00 / 16.67. June 30 days: 2,000.10 = 1,500.00 + 500.10.
     * Delta 25% of 2,000.10 = 500.025, own 1,500.075: a tie of remainders → the cent to the party
     * listed first, the Distributor: Delta 500.02, own 1,500.08. The depository is paid 2,000.10.
     */
    it('case 5: a Board rate below the Agreement rate applies only to Class B shares issued after it (EIGHTH(E))', () => {
      expect(portfolio(open.get('2005-05')!, CH)!.distributionFee).toBe('2325.00');
      const june = open.get('2005-06')!;
      const ch = portfolio(june, CH)!;
      expect([ch.distributionFee, ch.distributor12b1Share, ch.serviceFee]).toEqual([
        '2000.10',
        '2000.10',
        '750.00',
      ]);
      expect(parts(ch).assignees).toEqual([['TD', '500.02', '0.00', DEPOSITORY, '0.00']]);
      expect(ch.distributor12b1Portion).toBe('1500.08');
      const v = june.classBVintages!.find((x) => x.portfolio === CH)!;
      expect(v.reductions).toEqual([{ date: '2005-05-01', fromPct: '0.75', toPct: '0.50' }]);
      expect(
        v.runs.map((r) => [
          r.countedOn,
          r.from,
          r.to,
          r.days,
          r.distributionFee,
          r.vintages.map((x) => [x.shares, x.distributionFeePct, x.distributionFee]),
        ]),
      ).toEqual([
        [
          '2005-05-31',
          '2005-06-01',
          '2005-06-30',
          30,
          '2000.10',
          [
            ['600.0000', '0.75', '1500.00'],
            ['300.0000', '0.50', '500.10'],
          ],
        ],
      ]);
    });
  },
);
