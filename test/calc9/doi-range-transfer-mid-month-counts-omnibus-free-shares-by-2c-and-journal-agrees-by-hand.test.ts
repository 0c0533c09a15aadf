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
 * A DOI-range Transfer effective mid-month after the term's end, counted through the CLI, and the
 * journal of two months against their Monthly Calculations (SPEC §7, §8, §12). Seeds 003 + 004.
 *
 * The rule decided here (Exhibit A 2(b)–(c)): at a count date that is no Exhibit A computation date
 * (the Transfer's effective date after E), an Omnibus Account's Free Shares are NOT counted by 2(b)
 * — 2(b) is "FREE SHARES (OTHER THAN OMNIBUS SHARES)" — but by 2(c), which attributes "Omnibus
 * Shares … which are Free Shares outstanding on any date" and moves them only "as of the end of
 * such calendar month": what stands on the date is what 2(c) attributed at the latest computation
 * (the preceding month end, or E in E's month).
 *
 * Terms: AIM Distributors Inc. (the Distributor) all portfolios 2000-01-03 – E = 2012-03-15; Beacon
 * Fund Distributors LLC from 2012-03-16. CD = AIM Capital Development Fund, Class B net assets
 * 3,660,000.00 every day of March–April 2012 (2012 is a leap year): distribution fee
 * 3,660,000.00 × 0.75% / 366 = 75.00 a day, service fee × 0.25% / 366 = 25.00 a day.
 *
 * N1 (not omnibus): K1 700 at 10.00 on 2010-01-04 (AIM); 2012-03-05 redeems 100 at 20.00: year 3
 *   (anniversaries 2011-01-04, 2012-01-04) → 3% × min(100 × 10.00 = 1,000.00, 2,000.00) = 30.00,
 *   the Distributor's Earned CDSC; K1 keeps 600.
 * O1 (omnibus): K2 300 on 2011-02-01 (AIM), K3 100 on 2012-03-20 (Beacon), 40 Free reinvested
 *   2012-03-30, 10 Free reinvested 2012-04-05. Sub-transfer agent: March 40/0/40, April 10/0/50.
 *
 * Exhibit A for CD:
 *   E 2012-03-15: AIM (a) 600 + 300 = 900 of 900: 100%.
 *   2012-03-31: O1 2(c)(ii) 40 × B/C with B/C from E (commission + Free: AIM 300, Beacon 0) = 40 AIM;
 *     (iv) 40 − 0 − 40 + 0 = 0. AIM (a) 900 + (c) 40 = 940; Beacon (a) 100; 1,040 → 940/1,040 =
 *     90.384615…% → 90.3846.
 *   2012-04-30: (ii) 10 × 340/440 = 7.72727… and 10 × 100/440 = 2.27272… → floors 7.7272 + 2.2727,
 *     the unit to the larger remainder → 7.7273 / 2.2727; (iv) 50 − 40 − 10 + 0 = 0 → AIM 947.7273,
 *     Beacon 102.2727 (1,050) → 90.25974…% → 90.2597.
 *
 * Transfers: T1 Lambda Funding LLC, CD, 50% of the 12b-1 Share, Commission Shares with DOI in 2010
 *   (K1 only), effective 2012-04-11, notice received 2012-04-20 (mid-month, before the due date:
 *   paid directly). T2 Kappa Trust, all portfolios, 20% / 40%, effective 2012-03-01, notice
 *   2012-03-02, paid to its depository, Omega Collection Agent, with the rest (EIGHTH(D)).
 * T1's counts: 2012-03-31 (a computation) 600 of AIM's 940; 2012-04-11 (T1's own) AIM (a) 600 + 300
 *   and O1's 40 Free Shares as 2(c) attributed them on 2012-03-31 → 940 again: 600/940. (2(b) would
 *   have taken O1's Free Shares pro rata to its Commission Shares at each reinvestment, 300 AIM :
 *   100 Beacon: 30 of the 40 and 7.5 of the 10 → 937.5, and T1 433.80 below.)
 *
 * March: days 1–15 exclusive 100% = 1,125.00; E's computation 100% for 16 days = 1,200.00; 2,325.00.
 *   T2 20% × 2,325.00 = 465.00 and 40% × 30.00 = 12.00; the depository gets all: 2,325.00 + 30.00 =
 *   2,355.00, due the 10th NYSE business day after 03-31: April 2, 3, 4, 5, (Good Friday 6), 9, 10,
 *   11, 12, 13, 16 → 2012-04-16.
 * April (03-31's computation all month): 7,500¢ × 940/1,040 = 6,778.846… and × 100/1,040 = 721.153…
 *   → the cent to the larger remainder: AIM 67.79, Beacon 7.21 a day; 30 days 2,033.70 / 216.30;
 *   shown 2,033.70 / 2,250.00 = 90.38666…% → 90.3867 and 9.61333…% → 9.6133.
 *   T1 from 04-11, 20 days: 20 × 67.79 = 1,355.80 × 50% × 600/940 = 432.7021… → 432.70.
 *   T2 20% × 2,033.70 = 406.74. Distributor's own: 2,033.70 − 432.70 − 406.74 = 1,194.26; the
 *   depository: 1,194.26 + 406.74 = 1,601.00. Due May 1, 2, 3, 4, 7, 8, 9, 10, 11, 14 → 2012-05-14.
 *   Service fee 30 × 25.00 = 750.00 (March 31 × 25.00 = 775.00).
 * May: the Plan is terminated for CD's Class B from 2012-05-16 (Plan §9; for Class B, Complete
 *   Termination, FIFTEENTH(B)): fees for May 1–15 only, 15 × 75.00 = 1,125.00, split by the 04-30
 *   computation: 7,500¢ × 947.7273/1,050 = 6,769.48… and × 102.2727/1,050 = 730.51… → the cent to
 *   the larger remainder (.519 > .481): AIM 67.69, Beacon 7.31 a day; 15 days 1,015.35 / 109.65.
 *   T1 by the 04-30 count, 600 of AIM's 947.7273: 1,015.35 × 50% = 507.675; × 600 = 304,605;
 *   ÷ 947.7273 = 321.4057…; T2 20% × 1,015.35 = 203.07; own 1,015.35 − 203.07 − 321.4057… =
 *   490.8742…: floors 321.40 + 203.07 + 490.87 = 1,015.34, the cent to the larger remainder (T1's
 *   .57 of a cent > own .43) → T1 321.41, own 490.87.
 *   The Earned CDSC survives: N1 redeems 50 on 2012-05-22 (after the termination): year 3 → 3% ×
 *   min(50 × 10.00 = 500.00, 1,000.00) = 15.00; T2 40% = 6.00, own 9.00. The depository: 490.87 +
 *   203.07 + 15.00 = 708.94. Due the 10th NYSE business day after 05-31: June 1, 4, 5, 6, 7, 8, 11,
 *   12, 13, 14 → 2012-06-14.
 */

const CD = 'AIM Capital Development Fund';
const AIM = 'AIM Distributors Inc.';
const BEACON = 'Beacon Fund Distributors LLC';
const OMEGA = 'Omega Collection Agent (depository for Kappa Trust)';

interface MonthlyCalc {
  dueDate: string;
  portfolios: {
    portfolio: string;
    distributionFee: string;
    distributor12b1Share: string;
    earnedCdsc: string;
    serviceFee: string;
    computations: {
      computedOn: string | null;
      from: string;
      to: string;
      days: number;
      distributionFee: string;
      parties: { distributor: string; sharePct: string; twelveB1Share: string }[];
    }[];
    assignees: {
      transferId: string;
      twelveB1Portion: string;
      cdscPortion: string;
      payTo: string;
      owedOnToAssignee: string;
    }[];
    distributor12b1Portion: string;
    distributorEarnedCdscPortion: string;
  }[];
  payables: {
    payee: string;
    role: string;
    twelveB1: string;
    cdsc: string;
    payable: string;
    dueDate: string;
  }[];
  warnings: string[];
}
interface Statement {
  lines: {
    twelveB1Portion: string;
    distributor12b1Share: string;
    segments: {
      distributor12b1Share: string;
      weightPct: string;
      twelveB1Portion: string;
      periods: {
        from: string;
        to: string;
        countedOn: string;
        doiRangeShares: string;
        distributorShares: string;
        inForce: boolean;
      }[];
    }[];
  }[];
}

/** SPEC §7: the amount × the percentage shown, half-up to the cent, is the dollars beside it. */
function reproduces(pct: string, of: string, dollars: string): boolean {
  const places = BigInt(pct.split('.')[1]?.length ?? 0);
  const whole = 100n * 10n ** places;
  const product = BigInt(of.replace('.', '')) * BigInt(pct.replace('.', ''));
  return (product * 2n + whole) / (2n * whole) === BigInt(dollars.replace('.', ''));
}

let store: CliStore;
let march: MonthlyCalc;
let april: MonthlyCalc;

describe.skipIf(!seedsAvailable)(
  'A DOI-range Transfer mid-month after E counts Omnibus Free Shares by 2(c); the journal agrees',
  () => {
    beforeAll(async () => {
      store = await cliStore('calc9-doi-range');
      const s = store;
      await s.ok('exhibit', 'import', ...classBAgreementSeeds());
      await s.ok(
        'accounts',
        'import',
        s.file('accounts.csv', ['account,omnibus,dealer_of_record', 'N1,no,D', 'O1,yes,D']),
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
          `2011-02-01,K2,O1,${CD},B,purchase,300,10.00,,`,
          `2012-03-05,X1,N1,${CD},B,redeem,100,20.00,,`,
          `2012-03-20,K3,O1,${CD},B,purchase,100,20.00,,`,
          `2012-03-30,Q1,O1,${CD},B,reinvest,40,20.00,,`,
          `2012-04-05,Q2,O1,${CD},B,reinvest,10,20.00,,`,
          `2012-05-22,X2,N1,${CD},B,redeem,50,20.00,,`,
        ]),
      );
      await s.ok(
        'omnibus',
        'import',
        s.file('omnibus.csv', [
          'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
          `2012-03,O1,${CD},40,0,40`,
          `2012-04,O1,${CD},10,0,50`,
          `2012-05,O1,${CD},0,0,50`,
        ]),
      );
      await s.ok(
        'transfers',
        'import',
        s.file('transfers.csv', [
          'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
          `T1,Lambda Funding LLC,2 Main St,${CD},50,0,2010-01-01,2010-12-31,2012-04-11,2012-04-20,direct,`,
          'T2,Kappa Trust,9 Elm St,all,20,40,,,2012-03-01,2012-03-02,depository,Omega Collection Agent',
        ]),
      );
      await s.ok(
        'net-assets',
        'import',
        s.file('net-assets.csv', [
          'date,portfolio,class,net_assets',
          ...businessDays('2012-03-01', '2012-05-15').map((d) => `${d},${CD},B,3660000.00`),
        ]),
      );
      await s.ok(
        'terminations',
        'import',
        s.file('terminations.csv', [
          'instrument,portfolio,class,date,by,notice_date,reason',
          `plan,${CD},B,2012-05-16,trustees,,`,
        ]),
      );
      march = await s.json<MonthlyCalc>('monthly-calculation', '--month', '2012-03');
      april = await s.json<MonthlyCalc>('monthly-calculation', '--month', '2012-04');
    });
    afterAll(() => store?.remove());

    it('Exhibit A at E and at each month end: O1 by 2(c)', async () => {
      const r = await store.json<{
        portfolios: {
          portfolio: string;
          computations: {
            date: string;
            sharePct: string;
            byRule: {
              distributor: string;
              a_commissionShares: string;
              c_omnibusFreeShares: string;
              total: string;
            }[];
          }[];
        }[];
      }>('distributor-share', '--month', '2012-04');
      const cd = r.portfolios.find((p) => p.portfolio === CD)!;
      expect(
        cd.computations.map((c) => [
          c.date,
          c.sharePct,
          c.byRule.map((b) => [b.distributor, b.a_commissionShares, b.c_omnibusFreeShares, b.total]),
        ]),
      ).toEqual([
        [
          '2012-03-31',
          '90.3846',
          [
            [AIM, '900.0000', '40.0000', '940.0000'],
            [BEACON, '100.0000', '0.0000', '100.0000'],
          ],
        ],
        [
          '2012-04-30',
          '90.2597',
          [
            [AIM, '900.0000', '47.7273', '947.7273'],
            [BEACON, '100.0000', '2.2727', '102.2727'],
          ],
        ],
      ]);
    });

    it('T1 counted on its effective date with O1 Free Shares as 2(c) attributed them on 2012-03-31: 940, not 937.5', async () => {
      const st = await store.json<Statement>(
        'transfers',
        'statement',
        '--assignee',
        'Lambda Funding LLC',
        '--month',
        '2012-04',
      );
      expect(st.lines).toHaveLength(1);
      const seg = st.lines[0]!.segments[0]!;
      expect(
        seg.periods.map((p) => [p.from, p.to, p.countedOn, p.doiRangeShares, p.distributorShares, p.inForce]),
      ).toEqual([
        ['2012-04-01', '2012-04-10', '2012-03-31', '600.0000', '940.0000', false],
        ['2012-04-11', '2012-04-11', '2012-03-31', '600.0000', '940.0000', true],
        ['2012-04-12', '2012-04-30', '2012-04-11', '600.0000', '940.0000', true],
      ]);
      // 20 × 67.79 × 50% × 600/940 = 432.7021… → 432.70
      expect([st.lines[0]!.distributor12b1Share, st.lines[0]!.twelveB1Portion]).toEqual([
        '2033.70',
        '432.70',
      ]);
      // the weight shown reproduces the portion beside it (SPEC §7)
      expect(reproduces(seg.weightPct, seg.distributor12b1Share, seg.twelveB1Portion)).toBe(true);
    });

    it('March: two computations (before and from E), the Earned CDSC, all to the depository', () => {
      const cd = march.portfolios.find((p) => p.portfolio === CD)!;
      expect(
        cd.computations.map((c) => [
          c.computedOn,
          c.from,
          c.to,
          c.days,
          c.distributionFee,
          c.parties.map((p) => [p.distributor, p.sharePct, p.twelveB1Share]),
        ]),
      ).toEqual([
        [null, '2012-03-01', '2012-03-15', 15, '1125.00', [[AIM, '100.0000', '1125.00']]],
        ['2012-03-15', '2012-03-16', '2012-03-31', 16, '1200.00', [[AIM, '100.0000', '1200.00']]],
      ]);
      expect([cd.distributionFee, cd.distributor12b1Share, cd.earnedCdsc, cd.serviceFee]).toEqual([
        '2325.00',
        '2325.00',
        '30.00',
        '775.00',
      ]);
      expect(cd.assignees.map((a) => [a.transferId, a.twelveB1Portion, a.cdscPortion, a.payTo])).toEqual([
        ['T2', '465.00', '12.00', OMEGA],
      ]);
      expect([cd.distributor12b1Portion, cd.distributorEarnedCdscPortion]).toEqual(['1860.00', '18.00']);
      expect(march.dueDate).toBe('2012-04-16');
      expect(march.payables.map((p) => [p.payee, p.twelveB1, p.cdsc, p.payable, p.dueDate])).toEqual([
        [OMEGA, '2325.00', '30.00', '2355.00', '2012-04-16'],
      ]);
    });

    it('April: one computation, T1 from its effective date, T2 and the rest to the depository', () => {
      const cd = april.portfolios.find((p) => p.portfolio === CD)!;
      expect(
        cd.computations.map((c) => [
          c.computedOn,
          c.days,
          c.distributionFee,
          c.parties.map((p) => [p.distributor, p.sharePct, p.twelveB1Share]),
        ]),
      ).toEqual([
        [
          '2012-03-31',
          30,
          '2250.00',
          [
            [AIM, '90.3867', '2033.70'],
            [BEACON, '9.6133', '216.30'],
          ],
        ],
      ]);
      expect(
        cd.assignees.map((a) => [
          a.transferId,
          a.twelveB1Portion,
          a.cdscPortion,
          a.payTo,
          a.owedOnToAssignee,
        ]),
      ).toEqual([
        ['T1', '432.70', '0.00', 'Lambda Funding LLC', '0.00'],
        ['T2', '406.74', '0.00', OMEGA, '0.00'],
      ]);
      expect(cd.distributor12b1Portion).toBe('1194.26');
      expect(april.dueDate).toBe('2012-05-14');
      expect(
        april.payables
          .map((p) => [p.payee, p.role, p.twelveB1, p.payable, p.dueDate])
          .sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      ).toEqual([
        [BEACON, 'Other Distributor', '216.30', '216.30', '2012-05-14'],
        ['Lambda Funding LLC', 'Assignee', '432.70', '432.70', '2012-05-14'],
        [OMEGA, 'Depository', '1601.00', '1601.00', '2012-05-14'],
      ]);
    });

    it('May: Complete Termination from 2012-05-16 ends the 12b-1 Share with the fee; the Earned CDSC after it survives', async () => {
      const may = await store.json<MonthlyCalc>('monthly-calculation', '--month', '2012-05');
      const cd = may.portfolios.find((p) => p.portfolio === CD)!;
      expect(
        cd.computations.map((c) => [
          c.computedOn,
          c.from,
          c.to,
          c.days,
          c.distributionFee,
          c.parties.map((p) => [p.distributor, p.twelveB1Share]),
        ]),
      ).toEqual([
        [
          '2012-04-30',
          '2012-05-01',
          '2012-05-15',
          15,
          '1125.00',
          [
            [AIM, '1015.35'],
            [BEACON, '109.65'],
          ],
        ],
      ]);
      expect([cd.distributionFee, cd.distributor12b1Share, cd.earnedCdsc]).toEqual([
        '1125.00',
        '1015.35',
        '15.00',
      ]);
      expect(cd.assignees.map((a) => [a.transferId, a.twelveB1Portion, a.cdscPortion])).toEqual([
        ['T1', '321.41', '0.00'],
        ['T2', '203.07', '6.00'],
      ]);
      expect([cd.distributor12b1Portion, cd.distributorEarnedCdscPortion]).toEqual(['490.87', '9.00']);
      expect(
        may.payables.map((p) => [p.payee, p.payable, p.dueDate]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      ).toEqual([
        [BEACON, '109.65', '2012-06-14'],
        ['Lambda Funding LLC', '321.41', '2012-06-14'],
        [OMEGA, '708.94', '2012-06-14'],
      ]);
      expect(may.warnings.join('\n')).toContain('Complete Termination');
    });

    it('every percentage shown (JSON, CSV, PDF) reproduces the dollars beside it with its own digits', async () => {
      for (const mc of [march, april])
        for (const p of mc.portfolios)
          for (const c of p.computations)
            for (const party of c.parties)
              expect(
                reproduces(party.sharePct, c.distributionFee, party.twelveB1Share),
                `${c.from} ${party.distributor}`,
              ).toBe(true);
      // the CSV's one percentage is the month's: 2,250.00 × 90.3867% = 2,033.70075 → 2,033.70
      const csv = csvRows(await store.ok('monthly-calculation', '--month', '2012-04', '--csv')).filter(
        (r) => r.distributor12b1SharePct !== '',
      );
      expect(csv.length).toBeGreaterThan(0);
      for (const r of csv) {
        expect(r.distributor12b1SharePct).toBe('90.3867');
        expect(reproduces(r.distributor12b1SharePct!, r.distributionFee!, r.distributor12b1Share!)).toBe(
          true,
        );
      }
      await store.ok('monthly-calculation', '--month', '2012-04', '--pdf', join(store.dir, 'april.pdf'));
      const pdf = pdfText(join(store.dir, 'april.pdf'));
      for (const [pct, dollars] of [
        ['90.3867', '2,033.70'],
        ['9.6133', '216.30'],
        ['432.70', '432.70'],
        ['1,601.00', '1,601.00'],
      ]) {
        expect(pdf).toContain(pct);
        expect(pdf).toContain(dollars);
      }
    });

    it('the journal pays each payee what the Monthly Calculation says, on its due date', async () => {
      for (const [month, mc] of [
        ['2012-03', march],
        ['2012-04', april],
      ] as const) {
        const journal = csvRows(await store.ok('journal', '--month', month, '--csv'));
        // each payment entry (PAY-) of the Monthly Calculation credits Cash with the payee's payable
        const paid = journal
          .filter(
            (r) =>
              r.entry!.startsWith('PAY-') && r.account === 'Cash' && r.memo!.includes('Monthly Calculation'),
          )
          .map((r) => [
            r.memo!.replace(/^payment of the \S+ Monthly Calculation to (.*), due \S+$/, '$1'),
            r.credit,
            r.date,
          ])
          .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
        expect(paid).toEqual(
          mc.payables.map((p) => [p.payee, p.payable, p.dueDate]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
        );
        // the allocation entry (ALC-) credits each payee's payables: the month's fee and Earned CDSC
        const credited = journal
          .filter((r) => r.entry!.startsWith('ALC-') && r.account!.startsWith('Payable to '))
          .reduce((s, r) => s + BigInt(r.credit!.replace('.', '')), 0n);
        const cd = mc.portfolios.find((p) => p.portfolio === CD)!;
        expect(credited).toBe(
          BigInt(cd.distributionFee.replace('.', '')) + BigInt(cd.earnedCdsc.replace('.', '')),
        );
        // Agreement TENTH (not surviving E, FIFTEENTH(B)): the service fee of each day goes to the
        // distributor serving it — March 1–15 AIM 15 × 25.00 = 375.00, March 16–31 Beacon 16 × 25.00
        // = 400.00; April all Beacon's, 30 × 25.00 = 750.00 (calc10)
        const service = journal
          .filter((r) => r.entry!.startsWith('PAY-') && / — service fee/.test(r.account!))
          .map((r) => [r.account, r.debit]);
        expect(service).toEqual(
          month === '2012-03'
            ? [
                [`Payable to ${AIM} — service fee (Distributor)`, '375.00'],
                [`Payable to ${BEACON} — service fee (Other Distributor)`, '400.00'],
              ]
            : [[`Payable to ${BEACON} — service fee (Other Distributor)`, '750.00']],
        );
      }
    });
  },
);

/**
 * The same rule where the Class B fee accrues by vintage (EIGHTH(E)): the Board sets CD's Class B
 * distribution fee to 0.50% from 2012-03-18, so K3 (2012-03-20, Beacon) is of the new vintage and
 * K1, K2 of the old. Q1's 40 Free Shares derive pro rata from K2 300 (old) and K3 100 (new): 30 old,
 * 10 new; AIM's 40 2(c) shares of O1 at 2012-03-31 spread over them: 30 old, 10 new.
 * AIM's shares at 2012-03-31 and at T1's 2012-04-11 count: old 900 + 30 = 930, new 10 (2(b) would
 *   have counted at 04-11 AIM's part of Q1 and Q2 by their derivation, 30 + 7.5 old: 937.5, 0 new).
 * April (net assets 3,660,000.00): old vintage 930 of 1,040 shares at 0.75%: 75.00 × 930/1,040 =
 *   67.067… → 67.07 a day, all AIM's; T1 (DOI 2010: K1 600, old) from 04-11, 20 days: 20 × 67.07 =
 *   1,341.40 × 50% × 600/930 = 670.70 × 600/930 = 432.7096… → 432.71 (by 2(b) the 19 days from
 *   04-12 would have been counted 600/937.5: 429.42).
 */
describe.skipIf(!seedsAvailable)('the same count by vintage after a reduction (EIGHTH(E))', () => {
  let vs: CliStore;
  beforeAll(async () => {
    vs = await cliStore('calc9-doi-range-vintage');
    const s = vs;
    await s.ok('exhibit', 'import', ...classBAgreementSeeds());
    await s.ok(
      'accounts',
      'import',
      s.file('accounts.csv', ['account,omnibus,dealer_of_record', 'N1,no,D', 'O1,yes,D']),
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
        `2010-01-04,K1,N1,${CD},B,purchase,600,10.00,,`,
        `2011-02-01,K2,O1,${CD},B,purchase,300,10.00,,`,
        `2012-03-20,K3,O1,${CD},B,purchase,100,20.00,,`,
        `2012-03-30,Q1,O1,${CD},B,reinvest,40,20.00,,`,
        `2012-04-05,Q2,O1,${CD},B,reinvest,10,20.00,,`,
      ]),
    );
    await s.ok(
      'omnibus',
      'import',
      s.file('omnibus.csv', [
        'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
        `2012-03,O1,${CD},40,0,40`,
        `2012-04,O1,${CD},10,0,50`,
      ]),
    );
    await s.ok(
      'transfers',
      'import',
      s.file('transfers.csv', [
        'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
        `T1,Lambda Funding LLC,2 Main St,${CD},50,0,2010-01-01,2010-12-31,2012-04-11,2012-04-20,direct,`,
      ]),
    );
    await s.ok(
      'net-assets',
      'import',
      s.file('net-assets.csv', [
        'date,portfolio,class,net_assets',
        ...businessDays('2012-04-02', '2012-04-30').map((d) => `${d},${CD},B,3660000.00`),
      ]),
    );
    await s.ok(
      'rates',
      'set',
      '--portfolio',
      CD,
      '--class',
      'B',
      '--from',
      '2012-03-18',
      '--distribution-fee',
      '0.50',
    );
  });
  afterAll(() => vs?.remove());

  it('T1 takes 600 of the 930 old-vintage shares AIM holds on 2012-04-11 (its 2(c) shares as at 2012-03-31)', async () => {
    const st = await vs.json<{
      lines: {
        twelveB1Portion: string;
        segments: {
          periods: {
            countedOn: string;
            inForce: boolean;
            doiRangeByVintage?: {
              issuedFrom: string | null;
              doiRangeShares: string;
              distributorShares: string;
            }[];
          }[];
        }[];
      }[];
    }>('transfers', 'statement', '--assignee', 'Lambda Funding LLC', '--month', '2012-04');
    const periods = st.lines[0]!.segments.flatMap((g) => g.periods).filter((p) => p.inForce);
    expect(
      periods.map((p) => [
        p.countedOn,
        (p.doiRangeByVintage ?? []).map((v) => [v.issuedFrom, v.doiRangeShares, v.distributorShares]),
      ]),
    ).toEqual([
      [
        '2012-03-31',
        [
          [null, '600.0000', '930.0000'],
          ['2012-03-18', '0.0000', '10.0000'],
        ],
      ],
      [
        '2012-04-11',
        [
          [null, '600.0000', '930.0000'],
          ['2012-03-18', '0.0000', '10.0000'],
        ],
      ],
    ]);
    expect(st.lines[0]!.twelveB1Portion).toBe('432.71');
  });
});
