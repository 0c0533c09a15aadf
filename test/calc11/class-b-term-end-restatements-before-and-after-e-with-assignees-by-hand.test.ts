import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  businessDays,
  type CliStore,
  classBAgreementSeeds,
  cliStore,
  csvRows,
  pdfText,
} from '../calc7/support.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * calc11: one Class B portfolio across the Distributor's term end E, with two Assignees, closed
 * month by month, then restated in a month before E, in the month of E (a day on each side) and in
 * a month after E — every payable cent the product books (journal, Monthly Calculation, seal)
 * against numbers worked here by hand.
 *
 * Agreement TENTH (the service fee, not surviving E: FIFTEENTH(B)); SEVENTH(B) and Exhibit A (the
 * Distributor's 12b-1 Share, recomputed on E and at every later month end); EIGHTH(A)–(C) (the
 * Assignees' 12b-1 Portions, the Monthly Calculation); SPEC §12 (a restatement of a closed month is
 * a prior-period adjustment of the next month to close, "split among the same parties as the
 * original amounts"). The service fee's adjustment of a day goes to the distributor who served that
 * day, as the day's own service fee did (the same day-split rule as the month itself).
 *
 * Terms: AIM Distributors Inc. all portfolios 2000-01-03 – E = 2012-03-15; Beacon Fund Distributors
 * LLC from 2012-03-16. CD = AIM Capital Development Fund Class B, net assets 3,660,000.00 every
 * business day of February–May 2012 (leap year, Y = 366): service fee 3,660,000.00 × 0.25% / 366 =
 * 9,150.00 / 366 = 25.00 a day; distribution fee × 0.75% / 366 = 27,450.00 / 366 = 75.00 a day.
 * Shares: N1 K1 700 Commission Shares of 2010-01-04 (AIM's term); N2 B1 300 Commission Shares of
 * 2012-03-20 (Beacon's term); N1 redeems 100 at 10.00 on 2012-04-10: K1's anniversaries 2011-01-04
 * and 2012-01-04 passed → year 3, 3% × min(cost 7,000.00 × 100 / 700 = 1,000.00, value 100 × 10.00
 * = 1,000.00) = 30.00, AIM's Earned CDSC (DOI in its term; it survives E, FIFTEENTH(B)). Exhibit A:
 * before E AIM is exclusive (100%); at E 700 / 700 = 100% governs 03-16..03-31; at 03-31 700 /
 * (700 + 300) = 70% governs April; at 04-30 600 / (600 + 300) = 2/3 governs May.
 * Transfers (notice received 2012-01-02, effective 2012-01-01): T1 Lambda Funding LLC 50% of the
 * Distributor's 12b-1 Share and 50% of its Earned CDSC, T2 Kappa Capital LLC 20% of the 12b-1
 * Share (no CDSC); AIM keeps 30% of the 12b-1 Share and 50% of the Earned CDSC.
 *
 * The months as closed (service fee — distribution fee — 12b-1 Share split):
 *   February: 29 days. Service 29 × 25.00 = 725.00, AIM's. Distribution 29 × 75.00 = 2,175.00, AIM
 *     100%: Lambda 1,087.50, Kappa 435.00, AIM 652.50 (2,175.00 × 0.5, × 0.2, × 0.3).
 *   March: 31 days. Service AIM 1–15: 15 × 25.00 = 375.00; Beacon 16–31: 16 × 25.00 = 400.00.
 *     Distribution 31 × 75.00 = 2,325.00, AIM 100% (before E, and E's computation): Lambda 1,162.50,
 *     Kappa 465.00, AIM 697.50.
 *   April: 30 days. Service 30 × 25.00 = 750.00, Beacon's. Distribution 30 × 75.00 = 2,250.00; a day
 *     75.00 × 70% = 52.50 AIM, 22.50 Beacon: AIM 30 × 52.50 = 1,575.00, Beacon 675.00; Lambda
 *     787.50, Kappa 315.00, AIM 472.50. Earned CDSC 30.00: Lambda 15.00, AIM 15.00.
 *   May: 31 days. Service 31 × 25.00 = 775.00, Beacon's. Distribution 2,325.00; a day 75.00 × 2/3
 *     = 50.00 AIM, 25.00 Beacon: AIM 31 × 50.00 = 1,550.00, Beacon 775.00; Lambda 775.00, Kappa
 *     310.00, AIM 465.00.
 * Due dates (10th NYSE business day after month end): Feb → March 1, 2, 5, 6, 7, 8, 9, 12, 13, 14
 *   = 2012-03-14; March → 2012-04-16 (Good Friday 04-06); April → 2012-05-14; May → June 1, 4, 5,
 *   6, 7, 8, 11, 12, 13, 14 = 2012-06-14.
 *
 * Restated after April's close, reported by May's: 02-15, 03-05, 03-20 and 04-10 to 3,708,800.00 —
 * service 3,708,800.00 × 0.25% / 366 = 9,272.00 / 366 = 25.3333… → 25.33 (+0.33); distribution
 * 27,816.00 / 366 = 76.00 (+1.00).
 *   Service fee adjustments by the day's distributor: Feb 02-15 AIM +0.33; March 03-05 AIM +0.33,
 *     03-20 Beacon +0.33; April 04-10 Beacon +0.33. AIM +0.66, Beacon +0.66.
 *   12b-1: Feb restated 2,176.00 → Lambda 1,088.00 (+0.50), Kappa 435.20 (+0.20), AIM 652.80
 *     (+0.30). March 2,327.00 (100% AIM) → Lambda 1,163.50 (+1.00), Kappa 465.40 (+0.40), AIM 698.10
 *     (+0.60). April: 04-10 76.00 × 70% = 53.20 AIM, 22.80 Beacon (+0.70, +0.30): AIM 1,575.70 →
 *     Lambda 787.85 (+0.35), Kappa 315.14 (+0.14), AIM 472.71 (+0.21); Beacon 675.30 (+0.30).
 * May's payables: AIM 12b-1 465.00 + 0.30 + 0.60 + 0.21 = 466.11; Lambda 775.00 + 0.50 + 1.00 +
 *   0.35 = 776.85; Kappa 310.00 + 0.20 + 0.40 + 0.14 = 310.74; Beacon 12b-1 775.00 + 0.30 = 775.30
 *   (Σ 2,329.00 = 2,325.00 + 4 × 1.00); service fee: AIM 0.66; Beacon 775.00 + 0.66 = 775.66.
 */

const CD = 'AIM Capital Development Fund';
const AIM = 'AIM Distributors Inc.';
const BEACON = 'Beacon Fund Distributors LLC';
const LAMBDA = 'Lambda Funding LLC';
const KAPPA = 'Kappa Capital LLC';

// calc12: the Distributor's service-fee payable under its recorded name, as its 12b-1 payable
const SERVICE_AIM = `Payable to ${AIM} — service fee (Distributor)`;
const SERVICE_BEACON = `Payable to ${BEACON} — service fee (Other Distributor)`;
const B1_AIM = `Payable to ${AIM} — 12b-1 (Distributor)`;
const B1_BEACON = `Payable to ${BEACON} — 12b-1 (Other Distributor)`;
const B1_LAMBDA = `Payable to ${LAMBDA} — 12b-1 (Assignee)`;
const B1_KAPPA = `Payable to ${KAPPA} — 12b-1 (Assignee)`;
const CDSC_AIM = `Payable to ${AIM} — CDSC (Distributor)`;
const CDSC_LAMBDA = `Payable to ${LAMBDA} — CDSC (Assignee)`;

interface Row {
  [k: string]: string;
}

const cents = (s: string) => BigInt(s.replace('-', '').replace('.', '')) * (s.startsWith('-') ? -1n : 1n);
const money = (c: bigint) => {
  const neg = c < 0n;
  const a = neg ? -c : c;
  return `${neg ? '-' : ''}${a / 100n}.${String(a % 100n).padStart(2, '0')}`;
};

/** What the journal pays each payable account on its PAY entries (debits less credits), with the date. */
function paid(journal: Row[]): Record<string, string> {
  const out = new Map<string, bigint>();
  for (const r of journal)
    if (r.entry!.startsWith('PAY-') && r.account !== 'Cash')
      out.set(
        `${r.account} @ ${r.date}`,
        (out.get(`${r.account} @ ${r.date}`) ?? 0n) + cents(r.debit!) - cents(r.credit!),
      );
  return Object.fromEntries([...out].filter(([, c]) => c !== 0n).map(([k, c]) => [k, money(c)]));
}

/** Every payable account the journal credits (accrual, allocation, adjustment) is paid in full. */
function everyPayableCleared(journal: Row[]): void {
  const balance = new Map<string, bigint>();
  for (const r of journal)
    if (r.account!.startsWith('Payable to'))
      balance.set(r.account!, (balance.get(r.account!) ?? 0n) + cents(r.debit!) - cents(r.credit!));
  for (const [account, b] of balance) expect(b, account).toBe(0n);
}

/** The prior-period adjustment entries' credits to each payable account. */
function adjusted(journal: Row[]): Record<string, string> {
  const out = new Map<string, bigint>();
  for (const r of journal)
    if (r.entry!.startsWith('PPA-') && r.account!.startsWith('Payable to'))
      out.set(r.account!, (out.get(r.account!) ?? 0n) + cents(r.credit!) - cents(r.debit!));
  return Object.fromEntries([...out].filter(([, c]) => c !== 0n).map(([k, c]) => [k, money(c)]));
}

interface MonthlyCalc {
  dueDate: string;
  portfolios: {
    portfolio: string;
    distributionFee: string;
    distributor12b1Share: string;
    serviceFee: string;
    serviceFees?: { distributor: string; role: string; days: number; serviceFee: string }[];
    earnedCdsc: string;
    payees: { payee: string; role: string; twelveB1: string; cdsc: string }[];
  }[];
  priorPeriodAdjustments?: { month: string; payee: string; role: string; twelveB1Difference: string }[];
  priorPeriodServiceFeeAdjustments?: {
    month: string;
    portfolio: string;
    distributor: string;
    role: string;
    difference: string;
  }[];
  payables?: { payee: string; role: string; payable: string; dueDate: string }[];
}

let store: CliStore;

describe.skipIf(!seedsAvailable)(
  'Class B across the term end E with Assignees, restated before and after E, by hand (calc11)',
  () => {
    beforeAll(async () => {
      store = await cliStore('calc11-term-end-restated');
      const s = store;
      await s.ok('exhibit', 'import', ...classBAgreementSeeds());
      await s.ok(
        'accounts',
        'import',
        s.file('accounts.csv', ['account,omnibus,dealer_of_record', 'N1,no,D', 'N2,no,D']),
      );
      await s.ok(
        'distributors',
        'import',
        s.file('distributors.csv', [
          'portfolio,distributor,start,end',
          `all,${AIM},2000-01-03,2012-03-15`,
          `all,${BEACON},2012-03-16,`,
        ]),
      );
      await s.ok(
        'transactions',
        'import',
        s.file('transactions.csv', [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          `2010-01-04,K1,N1,${CD},B,purchase,700,10.00,,`,
          `2012-03-20,B1,N2,${CD},B,purchase,300,10.00,,`,
          `2012-04-10,R1,N1,${CD},B,redeem,100,10.00,,`,
        ]),
      );
      await s.ok(
        'transfers',
        'import',
        s.file('transfers.csv', [
          'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
          `T1,${LAMBDA},2 Main St,${CD},50,50,,,2012-01-01,2012-01-02,direct,`,
          `T2,${KAPPA},9 Elm St,${CD},20,0,,,2012-01-01,2012-01-02,direct,`,
        ]),
      );
      await s.ok(
        'net-assets',
        'import',
        s.file('net-assets.csv', [
          'date,portfolio,class,net_assets',
          ...businessDays('2012-02-01', '2012-05-31').map((d) => `${d},${CD},B,3660000.00`),
        ]),
      );
      for (const m of ['2012-02', '2012-03', '2012-04']) await s.ok('close', '--month', m);
      await s.ok(
        'net-assets',
        'import',
        s.file('restated.csv', [
          'date,portfolio,class,net_assets',
          ...['2012-02-15', '2012-03-05', '2012-03-20', '2012-04-10'].map((d) => `${d},${CD},B,3708800.00`),
        ]),
        '--restate',
      );
      await s.ok('close', '--month', '2012-05');
    });
    afterAll(() => store?.remove());

    const sealedJournal = async (month: string) =>
      csvRows(await store.ok('close', 'show', '--month', month, '--part', 'journal', '--csv'));
    const sealedCalc = async (month: string) =>
      (
        await store.json<{ content: MonthlyCalc }>(
          'close',
          'show',
          '--month',
          month,
          '--part',
          'monthly-calculation',
        )
      ).content;

    it('the sealed journals of February, March and April pay every payee its hand-computed cents on the due date', async () => {
      const expected: Record<string, Record<string, string>> = {
        '2012-02': {
          [`${SERVICE_AIM} @ 2012-03-14`]: '725.00',
          [`${B1_AIM} @ 2012-03-14`]: '652.50',
          [`${B1_LAMBDA} @ 2012-03-14`]: '1087.50',
          [`${B1_KAPPA} @ 2012-03-14`]: '435.00',
        },
        '2012-03': {
          [`${SERVICE_AIM} @ 2012-04-16`]: '375.00',
          [`${SERVICE_BEACON} @ 2012-04-16`]: '400.00',
          [`${B1_AIM} @ 2012-04-16`]: '697.50',
          [`${B1_LAMBDA} @ 2012-04-16`]: '1162.50',
          [`${B1_KAPPA} @ 2012-04-16`]: '465.00',
        },
        '2012-04': {
          [`${SERVICE_BEACON} @ 2012-05-14`]: '750.00',
          [`${B1_AIM} @ 2012-05-14`]: '472.50',
          [`${B1_BEACON} @ 2012-05-14`]: '675.00',
          [`${B1_LAMBDA} @ 2012-05-14`]: '787.50',
          [`${B1_KAPPA} @ 2012-05-14`]: '315.00',
          [`${CDSC_AIM} @ 2012-05-14`]: '15.00',
          [`${CDSC_LAMBDA} @ 2012-05-14`]: '15.00',
        },
      };
      for (const [month, pays] of Object.entries(expected)) {
        const journal = await sealedJournal(month);
        expect(paid(journal), month).toEqual(pays);
        everyPayableCleared(journal);
      }
    });

    it('the sealed Monthly Calculations of March and April: the 12b-1 Share, the Assignees, the service fee by distributor', async () => {
      const march = (await sealedCalc('2012-03')).portfolios.find((p) => p.portfolio === CD)!;
      expect([march.distributionFee, march.distributor12b1Share, march.serviceFee]).toEqual([
        '2325.00',
        '2325.00',
        '775.00',
      ]);
      expect(march.serviceFees?.map((p) => [p.distributor, p.days, p.serviceFee])).toEqual([
        [AIM, 15, '375.00'],
        [BEACON, 16, '400.00'],
      ]);
      const april = (await sealedCalc('2012-04')).portfolios.find((p) => p.portfolio === CD)!;
      expect([april.distributionFee, april.distributor12b1Share, april.serviceFee]).toEqual([
        '2250.00',
        '1575.00',
        '750.00',
      ]);
      // the Earned CDSC of N1's redemption: 30.00, half Lambda's (T1 50%), half AIM's
      expect(april.earnedCdsc).toBe('30.00');
      expect(Object.fromEntries(april.payees.map((p) => [p.payee, p.cdsc]))).toEqual({
        [AIM]: '15.00',
        [BEACON]: '0.00',
        [LAMBDA]: '15.00',
        [KAPPA]: '0.00',
      });
      expect(Object.fromEntries(april.payees.map((p) => [p.payee, p.twelveB1]))).toEqual({
        [AIM]: '472.50',
        [BEACON]: '675.00',
        [LAMBDA]: '787.50',
        [KAPPA]: '315.00',
      });
    });

    it('May: the Monthly Calculation splits the restated service fee by the distributor of each day, and the 12b-1 adjustments by payee', async () => {
      for (const mc of [
        await store.json<MonthlyCalc>('monthly-calculation', '--month', '2012-05'),
        await sealedCalc('2012-05'),
      ]) {
        expect(mc.dueDate).toBe('2012-06-14');
        expect(
          (mc.priorPeriodServiceFeeAdjustments ?? []).map((a) => [
            a.month,
            a.distributor,
            a.role,
            a.difference,
          ]),
        ).toEqual([
          ['2012-02', AIM, 'Distributor', '0.33'],
          ['2012-03', AIM, 'Distributor', '0.33'],
          ['2012-03', BEACON, 'Other Distributor', '0.33'],
          ['2012-04', BEACON, 'Other Distributor', '0.33'],
        ]);
        const ppa = new Map<string, bigint>();
        for (const a of mc.priorPeriodAdjustments ?? [])
          ppa.set(
            `${a.month} ${a.payee}`,
            (ppa.get(`${a.month} ${a.payee}`) ?? 0n) + cents(a.twelveB1Difference),
          );
        expect(Object.fromEntries([...ppa].map(([k, c]) => [k, money(c)]))).toEqual({
          [`2012-02 ${AIM}`]: '0.30',
          [`2012-02 ${LAMBDA}`]: '0.50',
          [`2012-02 ${KAPPA}`]: '0.20',
          [`2012-03 ${AIM}`]: '0.60',
          [`2012-03 ${LAMBDA}`]: '1.00',
          [`2012-03 ${KAPPA}`]: '0.40',
          [`2012-04 ${AIM}`]: '0.21',
          [`2012-04 ${BEACON}`]: '0.30',
          [`2012-04 ${LAMBDA}`]: '0.35',
          [`2012-04 ${KAPPA}`]: '0.14',
        });
        expect(Object.fromEntries((mc.payables ?? []).map((p) => [p.payee, [p.payable, p.dueDate]]))).toEqual(
          {
            [AIM]: ['466.11', '2012-06-14'],
            [BEACON]: ['775.30', '2012-06-14'],
            [LAMBDA]: ['776.85', '2012-06-14'],
            [KAPPA]: ['310.74', '2012-06-14'],
          },
        );
      }
    });

    it('May: the printed Monthly Calculation and its text list the service fee adjustments by distributor', async () => {
      const text = (await store.ok('monthly-calculation', '--month', '2012-05')).replace(/\s+/g, ' ');
      expect(text).toContain('Class B service fee adjustments, by the distributor of each restated day:');
      const file = join(store.dir, 'mc-2012-05.pdf');
      await store.ok('monthly-calculation', '--month', '2012-05', '--pdf', file);
      const pdf = pdfText(file).replace(/\n/g, '');
      // March: AIM 375.00 → 375.33, Beacon 400.00 → 400.33
      expect(pdf).toContain(`2012-03 ${AIM} (Distributor): original 375.00, restated 375.33`);
      expect(pdf).toContain(`2012-03 ${BEACON} (Other Distributor): original 400.00, restated 400.33`);
      expect(pdf).toContain(`2012-04 ${BEACON} (Other Distributor): original 750.00, restated 750.33`);
    });

    it('May: the journal (computed and sealed) books each restated day’s service fee to its distributor and pays every payee its hand-computed cents', async () => {
      const computed = csvRows(await store.ok('journal', '--month', '2012-05', '--csv'));
      for (const journal of [computed, await sealedJournal('2012-05')]) {
        expect(adjusted(journal)).toEqual({
          [SERVICE_AIM]: '0.66',
          [SERVICE_BEACON]: '0.66',
          [B1_AIM]: '1.11',
          [B1_BEACON]: '0.30',
          [B1_LAMBDA]: '1.85',
          [B1_KAPPA]: '0.74',
        });
        expect(paid(journal)).toEqual({
          [`${SERVICE_AIM} @ 2012-06-14`]: '0.66',
          [`${SERVICE_BEACON} @ 2012-06-14`]: '775.66',
          [`${B1_AIM} @ 2012-06-14`]: '466.11',
          [`${B1_BEACON} @ 2012-06-14`]: '775.30',
          [`${B1_LAMBDA} @ 2012-06-14`]: '776.85',
          [`${B1_KAPPA} @ 2012-06-14`]: '310.74',
        });
        everyPayableCleared(journal);
      }
    });

    it('the close of May seals each restated month’s service fee adjustment by distributor; audit verify is clean', async () => {
      const part = (
        await store.json<{
          content: {
            adjustments: {
              month: string;
              portfolio: string;
              class: string;
              distributionFee: string;
              serviceFee: string;
              serviceFees?: { distributor: string; role: string; serviceFee: string }[];
            }[];
          };
        }>('close', 'show', '--month', '2012-05', '--part', 'adjustments')
      ).content;
      expect(
        part.adjustments
          .filter((a) => a.portfolio === CD && a.class === 'B')
          .map((a) => [
            a.month,
            a.distributionFee,
            a.serviceFee,
            a.serviceFees?.map((p) => [p.distributor, p.serviceFee]),
          ]),
      ).toEqual([
        ['2012-02', '1.00', '0.33', [[AIM, '0.33']]],
        [
          '2012-03',
          '2.00',
          '0.66',
          [
            [AIM, '0.33'],
            [BEACON, '0.33'],
          ],
        ],
        ['2012-04', '1.00', '0.33', [[BEACON, '0.33']]],
      ]);
      await store.ok('audit', 'verify');
    });

    it('Lambda’s statements: May 50% of AIM’s 1,550.00; April’s Earned CDSC piece, half of 30.00', async () => {
      interface Statement {
        lines: {
          portfolio: string;
          transferId: string;
          distributionFee: string;
          distributor12b1Share: string;
          earnedCdsc: string;
          twelveB1Portion: string;
          cdscPortion: string;
          total: string;
          payTo: string;
          segments: { from: string; to: string; distributor12b1Share: string; weightPct: string }[];
          cdscPieces: {
            txnId: string;
            lotId: string;
            doi: string;
            earnedCdsc: string;
            exactPortion: string;
          }[];
        }[];
      }
      const may = (
        await store.json<Statement>('transfers', 'statement', '--assignee', LAMBDA, '--month', '2012-05')
      ).lines;
      expect(
        may.map((l) => [
          l.transferId,
          l.distributionFee,
          l.distributor12b1Share,
          l.twelveB1Portion,
          l.total,
          l.payTo,
        ]),
      ).toEqual([['T1', '2325.00', '1550.00', '775.00', '775.00', LAMBDA]]);
      expect(may[0]!.segments.map((g) => [g.from, g.to, g.distributor12b1Share, g.weightPct])).toEqual([
        ['2012-05-01', '2012-05-31', '1550.00', '50.00'],
      ]);
      // April, closed: as sealed (SPEC §12), AIM's share 1,575.00 and Lambda's half 787.50 — the
      // restated 04-10 (+0.35 to Lambda) is May's adjustment; the Earned CDSC 30.00 of R1 on K1
      // (DOI 2010-01-04), half 15.00: 787.50 + 15.00 = 802.50
      const aprilStatement = await store.json<Statement & { basis: string }>(
        'transfers',
        'statement',
        '--assignee',
        LAMBDA,
        '--month',
        '2012-04',
      );
      expect(aprilStatement.basis).toBe('sealed');
      const april = aprilStatement.lines;
      expect(
        april.map((l) => [l.earnedCdsc, l.distributor12b1Share, l.twelveB1Portion, l.cdscPortion, l.total]),
      ).toEqual([['30.00', '1575.00', '787.50', '15.00', '802.50']]);
      expect(
        april[0]!.cdscPieces.map((c) => [c.txnId, c.lotId, c.doi, c.earnedCdsc, c.exactPortion]),
      ).toEqual([['R1', 'K1', '2010-01-04', '30.00', '15.0000']]);
    });

    /**
     * calc12 — what an Assignee is told it is paid (EIGHTH(C), SPEC §8, §12): May's statement is
     * May's own portions plus the prior-period adjustments May's close reported, as the journal pays.
     * Lambda (T1 50%): 775.00 + Feb 0.50 + Mar 1.00 + Apr 0.35 = 776.85 (12b-1 only: the restated
     * days change no Earned CDSC). Kappa (T2 20%): 310.00 + 0.20 + 0.40 + 0.14 = 310.74.
     * April's statement (closed, as sealed) names Lambda's own 0.35 that May reported, not the class's.
     */
    it('calc12: the Assignee statements state what is paid, with the prior-period adjustments that make it up', async () => {
      interface Statement {
        basis: string;
        priorPeriodAdjustments: {
          adjustsMonth: string;
          transferId: string;
          twelveB1Adjustment: string;
          cdscAdjustment: string;
          adjustment: string;
          payTo: string;
        }[];
        totals: { total: string; priorPeriodAdjustments: string; payable: string; owedOnToAssignee: string };
        assigneeAdjustmentsSince?: { reportedIn: string; transferId: string; adjustment: string }[];
      }
      const statement = (assignee: string, month: string) =>
        store.json<Statement>('transfers', 'statement', '--assignee', assignee, '--month', month);
      const may = await statement(LAMBDA, '2012-05');
      expect(
        may.priorPeriodAdjustments.map((a) => [
          a.adjustsMonth,
          a.transferId,
          a.twelveB1Adjustment,
          a.cdscAdjustment,
          a.adjustment,
          a.payTo,
        ]),
      ).toEqual([
        ['2012-02', 'T1', '0.50', '0.00', '0.50', LAMBDA],
        ['2012-03', 'T1', '1.00', '0.00', '1.00', LAMBDA],
        ['2012-04', 'T1', '0.35', '0.00', '0.35', LAMBDA],
      ]);
      // 0.50 + 1.00 + 0.35 = 1.85; 775.00 + 1.85 = 776.85, the journal's payment on 2012-06-14
      expect(may.totals).toMatchObject({
        total: '775.00',
        priorPeriodAdjustments: '1.85',
        payable: '776.85',
        owedOnToAssignee: '0.00',
      });
      const kappa = await statement(KAPPA, '2012-05');
      // 0.20 + 0.40 + 0.14 = 0.74; 310.00 + 0.74 = 310.74
      expect([kappa.totals.total, kappa.totals.priorPeriodAdjustments, kappa.totals.payable]).toEqual([
        '310.00',
        '0.74',
        '310.74',
      ]);
      // CSV: an adjustment row each, then the payable row
      const csv = csvRows(
        await store.ok('transfers', 'statement', '--assignee', LAMBDA, '--month', '2012-05', '--csv'),
      );
      expect(
        csv
          .filter((r) => r.row === 'adjustment' || r.row === 'payable' || r.row === 'total')
          .map((r) => [r.row, r.adjusts_month, r.total]),
      ).toEqual([
        ['total', '', '775.00'],
        ['adjustment', '2012-02', '0.50'],
        ['adjustment', '2012-03', '1.00'],
        ['adjustment', '2012-04', '0.35'],
        ['payable', '', '776.85'],
      ]);
      const text = (
        await store.ok('transfers', 'statement', '--assignee', LAMBDA, '--month', '2012-05')
      ).replace(/\s+/g, ' ');
      expect(text).toContain('Payable 2012-06-14: 775.00 + adjustments 1.85 = 776.85');
      const pdf = join(store.dir, 'lambda-may.pdf');
      await store.ok('transfers', 'statement', '--assignee', LAMBDA, '--month', '2012-05', '--pdf', pdf);
      const printed = (await pdfText(pdf)).replace(/\s+/g, ' ');
      expect(printed).toContain('Prior-period adjustment of 2012-04');
      expect(printed).toContain('Payable 2012-06-14');
      expect(printed).toContain('776.85');
      // April, closed: Lambda's own part of the adjustment May reported (04-10: 0.70 × 50% = 0.35)
      const april = await statement(LAMBDA, '2012-04');
      expect(april.basis).toBe('sealed');
      expect(april.priorPeriodAdjustments).toEqual([]);
      expect(april.totals.payable).toBe('802.50');
      expect(april.assigneeAdjustmentsSince?.map((a) => [a.reportedIn, a.transferId, a.adjustment])).toEqual([
        ['2012-05', 'T1', '0.35'],
      ]);
    });

    it('calc12: the sealed adjustments CSV of May lists the service fee by distributor and who keeps it', async () => {
      const rows = csvRows(
        await store.ok('close', 'show', '--month', '2012-05', '--part', 'adjustments', '--csv'),
      );
      // each restated day's service fee +0.33 (25.33 − 25.00) to the distributor serving it:
      // 02-15 AIM; 03-05 AIM, 03-20 Beacon; 04-10 Beacon — and, no providers, each kept whole by it
      const byDistributor = [
        ['2012-02', AIM, 'Distributor', '0.33'],
        ['2012-03', AIM, 'Distributor', '0.33'],
        ['2012-03', BEACON, 'Other Distributor', '0.33'],
        ['2012-04', BEACON, 'Other Distributor', '0.33'],
      ];
      const of = (kind: string) =>
        rows
          .filter((r) => r.kind === kind && r.portfolio === CD)
          .map((r) => [r.restatedMonth, r.payee, r.role, r.difference]);
      expect(of('service-fee-by-distributor')).toEqual(byDistributor);
      expect(of('service-fees-kept-by')).toEqual(byDistributor);
      // Lambda's three rows as before: 0.50 + 1.00 + 0.35
      expect(
        rows
          .filter((r) => r.kind === 'monthly-calculation' && r.payee === LAMBDA)
          .map((r) => [r.restatedMonth, r.difference]),
      ).toEqual([
        ['2012-02', '0.50'],
        ['2012-03', '1.00'],
        ['2012-04', '0.35'],
      ]);
    });

    it('service-fees names who keeps Class B’s remainder: AIM through E, Beacon after', async () => {
      interface Sf {
        classes: {
          portfolio: string;
          class: string;
          serviceFee: string;
          distributorRetained: string;
          retainedBy?: {
            distributor: string;
            role: string;
            from: string;
            to: string;
            days: number;
            amount: string;
          }[];
        }[];
      }
      const cd = async (month: string) =>
        (await store.json<Sf>('service-fees', '--month', month)).classes.find(
          (c) => c.portfolio === CD && c.class === 'B',
        )!;
      const march = await cd('2012-03');
      expect([march.serviceFee, march.distributorRetained]).toEqual(['775.00', '775.00']);
      expect(march.retainedBy?.map((r) => [r.distributor, r.role, r.from, r.to, r.days, r.amount])).toEqual([
        [AIM, 'Distributor', '2012-03-01', '2012-03-15', 15, '375.00'],
        [BEACON, 'Other Distributor', '2012-03-16', '2012-03-31', 16, '400.00'],
      ]);
      const april = await cd('2012-04');
      expect(april.retainedBy?.map((r) => [r.distributor, r.role, r.days, r.amount])).toEqual([
        [BEACON, 'Other Distributor', 30, '750.00'],
      ]);
      // May's service-fees: the restated remainders (no providers: the whole service fee) by the
      // distributor of each restated day — Feb AIM 0.33; March AIM 0.33 (03-05), Beacon 0.33
      // (03-20); April Beacon 0.33
      const may = await store.json<{
        priorPeriodAdjustments: {
          distributor: {
            month: string;
            portfolio: string;
            difference: string;
            keptBy?: { distributor: string; role: string; difference: string }[];
          }[];
        };
      }>('service-fees', '--month', '2012-05');
      expect(
        may.priorPeriodAdjustments.distributor
          .filter((a) => a.portfolio === CD)
          .map((a) => [a.month, a.difference, a.keptBy?.map((k) => [k.distributor, k.role, k.difference])]),
      ).toEqual([
        ['2012-02', '0.33', [[AIM, 'Distributor', '0.33']]],
        [
          '2012-03',
          '0.66',
          [
            [AIM, 'Distributor', '0.33'],
            [BEACON, 'Other Distributor', '0.33'],
          ],
        ],
        ['2012-04', '0.33', [[BEACON, 'Other Distributor', '0.33']]],
      ]);
      // the text wraps its long lines: read it with its whitespace collapsed
      const text = (await store.ok('service-fees', '--month', '2012-04')).replace(/\s+/g, ' ');
      expect(text).toContain(
        `class B: ${BEACON} (Other Distributor) keeps 750.00 (2012-04-01–2012-04-30, 30 days)`,
      );
      // April's sealed reading lists the adjustment May reported: Beacon's, not the Distributor's
      expect(text).toContain(
        `kept by ${BEACON} (Other Distributor) 0.33, ${CD} class B: 0.33; reported in 2012-05`,
      );
      expect(text).not.toContain('Distributor keeps, ');
    });

    /**
     * A second restatement of March 20 (Beacon's day), reported by June's close: 3,733,200.00 →
     * service 9,333.00 / 366 = 25.50 (+0.17 over the 25.33 already adjusted in May, Beacon's);
     * distribution 27,999.00 / 366 = 76.50 (+0.50, AIM's 100%: Lambda +0.25, Kappa +0.10, AIM +0.15).
     * June itself: 30 × 25.00 = 750.00 service, Beacon's; 30 × 75.00 = 2,250.00 at 05-31's 2/3 →
     * AIM 1,500.00 (Lambda 750.00, Kappa 300.00, AIM 450.00), Beacon 750.00. Due: July 2, 3, (4th
     * a holiday), 5, 6, 9, 10, 11, 12, 13, 16 → 2012-07-16.
     */
    it('a second restatement of a day after E is adjusted by its own change only, to Beacon', async () => {
      await store.ok(
        'net-assets',
        'import',
        store.file('june.csv', [
          'date,portfolio,class,net_assets',
          ...businessDays('2012-06-01', '2012-06-30').map((d) => `${d},${CD},B,3660000.00`),
        ]),
      );
      await store.ok(
        'net-assets',
        'import',
        store.file('restated-again.csv', [
          'date,portfolio,class,net_assets',
          `2012-03-20,${CD},B,3733200.00`,
        ]),
        '--restate',
      );
      // calc12: June open, Lambda's statement already says what June's close will pay it —
      // 750.00 + March's 0.25 (76.50 − 76.00 = 0.50 × 50%) = 750.25
      const lambdaJune = async () =>
        (
          await store.json<{ totals: { total: string; priorPeriodAdjustments: string; payable: string } }>(
            'transfers',
            'statement',
            '--assignee',
            LAMBDA,
            '--month',
            '2012-06',
          )
        ).totals;
      expect(await lambdaJune()).toMatchObject({
        total: '750.00',
        priorPeriodAdjustments: '0.25',
        payable: '750.25',
      });
      await store.ok('close', '--month', '2012-06');
      expect(await lambdaJune()).toMatchObject({
        total: '750.00',
        priorPeriodAdjustments: '0.25',
        payable: '750.25',
      });
      const mc = await sealedCalc('2012-06');
      expect(
        (mc.priorPeriodServiceFeeAdjustments ?? []).map((a) => [a.month, a.distributor, a.difference]),
      ).toEqual([['2012-03', BEACON, '0.17']]);
      const journal = await sealedJournal('2012-06');
      expect(adjusted(journal)).toEqual({
        [SERVICE_BEACON]: '0.17',
        [B1_AIM]: '0.15',
        [B1_LAMBDA]: '0.25',
        [B1_KAPPA]: '0.10',
      });
      expect(paid(journal)).toEqual({
        [`${SERVICE_BEACON} @ 2012-07-16`]: '750.17',
        [`${B1_AIM} @ 2012-07-16`]: '450.15',
        [`${B1_BEACON} @ 2012-07-16`]: '750.00',
        [`${B1_LAMBDA} @ 2012-07-16`]: '750.25',
        [`${B1_KAPPA} @ 2012-07-16`]: '300.10',
      });
      everyPayableCleared(journal);
      await store.ok('audit', 'verify');
    });
  },
);
