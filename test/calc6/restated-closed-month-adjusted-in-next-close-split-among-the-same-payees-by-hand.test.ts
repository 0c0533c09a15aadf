import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dialects, freshDatabase } from '../support/databases.js';
import {
  AGREEMENT_TEXT,
  AMENDMENT_1_TEXT,
  businessDays,
  cli,
  csv,
  GROWTH,
  type Json,
  netAssetsRows,
  ok,
  PLAN_TEXT,
  workArea,
} from './support/zenith.js';

/**
 * SPEC §4 / §12: a restatement of net assets in a closed month is a prior-period adjustment of the
 * next open month, split among the same parties as the original amounts. Worked by hand.
 *
 * Zenith Growth Fund, April–May 2024 (Y = 366), net assets 36,600,000.00 every business day:
 *  class C (Plan, after Amendment No. 1: ABSC 0.50%, service 0.25%): 500.00 and 250.00 a day;
 *    providers DLR-1 (0.25%) 14,640,000.00 → 100.00 a day; BNK-1 (own rate 0.15%) 7,320,000.00 →
 *    30.00 a day.
 *  class B (Agreement: 0.75% / 0.25%): 750.00 and 250.00 a day. Zenith Distributors Inc. is the
 *    exclusive distributor (an `all` term from 2023-01-03): its 12b-1 Share is 100%. Apex Funding
 *    LLC holds a Transfer of 30% of the 12b-1 Share from 2024-01-02 (notice received that day).
 *
 * April as sealed (close 2024-04, due 10th business day: May 1,2,3,6,7,8,9,10,13,14 → 2024-05-14):
 *  C: ABSC 30 × 500.00 = 15,000.00; service 30 × 250.00 = 7,500.00; DLR-1 3,000.00; BNK-1 900.00;
 *     Distributor keeps 7,500.00 − 3,900.00 = 3,600.00.
 *  B: distribution fee 30 × 750.00 = 22,500.00: Apex 30% = 6,750.00, Distributor 15,750.00.
 *
 * Then Fri 2024-04-26 (carried over Sat 27 and Sun 28: 3 days) is restated to 43,920,366.00 for
 * both classes, and DLR-1's customers' assets that day to 17,568,000.00:
 *  C: ABSC 43,920,366 × 0.50 / 100 / 366 = 600.005 → 600.01 (half-up): +100.01 × 3 = +300.03;
 *     service × 0.25 … = 300.0025 → 300.00: +50.00 × 3 = +150.00;
 *     DLR-1 17,568,000 × 0.25 / 100 / 366 = 120.00: +20.00 × 3 = +60.00; BNK-1 unchanged 0.00;
 *     the Distributor keeps +150.00 − 60.00 = +90.00 (60.00 + 0.00 + 90.00 = 150.00).
 *  B: 43,920,366 × 0.75 / 100 / 366 = 900.0075 → 900.01: +150.01 × 3 = +450.03; service +150.00.
 *     April restated: 22,950.03 split 30 / 70 by largest remainder: 6,885.009 and 16,065.021 →
 *     floors 6,885.00 + 16,065.02 = 22,950.02, the last cent to the larger remainder (.9, Apex):
 *     6,885.01 / 16,065.02 → differences Apex +135.01, Distributor +315.02 (sum 450.03).
 *
 * The May close reports them (May itself: C 31 × 500.00 = 15,500.00 ABSC, B 31 × 750.00 =
 * 23,250.00); it is paid on the date the Distributor instructs, 2024-06-20 — later than the 10th
 * business day, June 3,4,5,6,7,10,11,12,13,14 → 2024-06-14.
 */
describe.each(dialects)(
  'a restated closed month: adjusted in the next close, split among the same payees (%s)',
  (dialect) => {
    const { dir, file } = workArea('restate');
    let db = '';
    let april: Json;
    let may: Json;
    beforeAll(async () => {
      db = (await freshDatabase(dialect, dir)).target;
      await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
      await ok(db, ['exhibit', 'import', file('amendment-1.txt', AMENDMENT_1_TEXT)]);
      await ok(db, ['exhibit', 'import', file('agreement.txt', AGREEMENT_TEXT)]);
      const flat = () => '36600000.00';
      await ok(db, [
        'net-assets',
        'import',
        file(
          'na.csv',
          csv('date,portfolio,class,net_assets', [
            ...netAssetsRows(GROWTH, '2024-04-01', '2024-06-28', flat),
            ...netAssetsRows(GROWTH, '2024-04-01', '2024-06-28', flat, {}, 'B'),
          ]),
        ),
      ]);
      await ok(db, [
        'providers',
        'import',
        file(
          'providers.csv',
          csv('id,name,kind,agreement_date,own_rate_pct,terminated_on', [
            'DLR-1,Dealer One Securities,dealer,2024-01-02,,',
            'BNK-1,Second National Bank,bank,2024-01-02,0.15,',
          ]),
        ),
      ]);
      await ok(db, [
        'provider-assets',
        'import',
        file(
          'assets.csv',
          csv('date,provider,portfolio,class,net_assets', [
            ...businessDays('2024-04-01', '2024-06-28').map((d) => `${d},DLR-1,${GROWTH},C,14640000.00`),
            ...businessDays('2024-04-01', '2024-06-28').map((d) => `${d},BNK-1,${GROWTH},C,7320000.00`),
          ]),
        ),
      ]);
      await ok(db, [
        'distributors',
        'import',
        file(
          'distributors.csv',
          csv('portfolio,distributor,start,end', ['all,Zenith Distributors Inc.,2023-01-03,']),
        ),
      ]);
      await ok(db, [
        'transfers',
        'import',
        file(
          'transfers.csv',
          csv(
            'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent,ends',
            [
              'TR-1,Apex Funding LLC,"1 Main Street, Dover, DE 19901",all,30,30,,,2024-01-02,2024-01-02,direct,,',
            ],
          ),
        ),
      ]);
      april = await ok(db, ['close', '--month', '2024-04', '--json']);
      await ok(db, [
        'net-assets',
        'import',
        '--restate',
        file(
          'na-restated.csv',
          csv('date,portfolio,class,net_assets', [
            `2024-04-26,${GROWTH},C,43920366.00`,
            `2024-04-26,${GROWTH},B,43920366.00`,
          ]),
        ),
      ]);
      await ok(db, [
        'provider-assets',
        'import',
        '--restate',
        file(
          'assets-restated.csv',
          csv('date,provider,portfolio,class,net_assets', [`2024-04-26,DLR-1,${GROWTH},C,17568000.00`]),
        ),
      ]);
      may = await ok(db, ['close', '--month', '2024-05', '--due-date', '2024-06-20', '--json']);
    });

    it('April sealed as worked', async () => {
      expect(april).toBeTruthy();
      const fees = await ok(db, ['fees', '--from', '2024-04-01', '--to', '2024-04-30', '--json']);
      // sealed: the rows the April close sealed, before the restatement
      expect(
        (fees.classes as Record<string, string>[]).map((c) => [c.class, c.distributionFee, c.serviceFee]),
      ).toEqual([
        ['B', '22500.00', '7500.00'],
        ['C', '15000.00', '7500.00'],
      ]);
      const mc = await ok(db, ['monthly-calculation', '--month', '2024-04', '--json']);
      expect(mc.dueDate).toBe('2024-05-14');
      expect((mc.payables as Record<string, string>[]).map((p) => [p.payee, p.payable, p.dueDate])).toEqual([
        ['Zenith Distributors Inc.', '15750.00', '2024-05-14'],
        ['Apex Funding LLC', '6750.00', '2024-05-14'],
      ]);
    });

    it('the May close reports each class adjustment, split among the same payees', async () => {
      const parts: Json = may.parts;
      const svc = parts['service-fees'];
      const pick = (rows: Record<string, string>[], keys: string[]) => rows.map((r) => keys.map((k) => r[k]));
      // service fees (class C: the providers and the Distributor; class B: the Distributor keeps it all)
      expect(
        pick(svc.priorPeriodAdjustments.providers, [
          'providerId',
          'month',
          'class',
          'original',
          'restated',
          'difference',
        ]),
      ).toEqual([['DLR-1', '2024-04', 'C', '3000.00', '3060.00', '60.00']]);
      expect(
        pick(svc.priorPeriodAdjustments.distributor, [
          'month',
          'class',
          'original',
          'restated',
          'difference',
        ]),
      ).toEqual([
        ['2024-04', 'B', '7500.00', '7650.00', '150.00'],
        ['2024-04', 'C', '3600.00', '3690.00', '90.00'],
      ]);
      // Class B: the Monthly Calculation's payees, split as April's was
      const mc = parts['monthly-calculation'];
      expect(
        pick(mc.priorPeriodAdjustments, ['month', 'payee', 'original', 'restated', 'difference']),
      ).toEqual([
        ['2024-04', 'Zenith Distributors Inc.', '15750.00', '16065.02', '315.02'],
        ['2024-04', 'Apex Funding LLC', '6750.00', '6885.01', '135.01'],
      ]);
      // May: 23,250.00 × 30% = 6,975.00 (Apex), 16,275.00 (Distributor); payable with the adjustments
      // 16,275.00 + 315.02 = 16,590.02 and 6,975.00 + 135.01 = 7,110.01, on the instructed 2024-06-20
      expect(pick(mc.payables, ['payee', 'twelveB1', 'adjustmentTwelveB1', 'payable', 'dueDate'])).toEqual([
        ['Zenith Distributors Inc.', '16275.00', '315.02', '16590.02', '2024-06-20'],
        ['Apex Funding LLC', '6975.00', '135.01', '7110.01', '2024-06-20'],
      ]);
      // the journal pays each payee exactly that, on that date; Class C's ABSC adjustment (+300.03,
      // the Distributor's alone) is paid with May's 15,500.00: 15,800.03
      const journal = parts.journal;
      const payments = journal.lines.filter(
        (l: Json) => l.entry.startsWith('PAY-') && l.account !== 'Cash' && l.debit !== '0.00',
      );
      expect(pick(payments, ['date', 'class', 'account', 'debit'])).toEqual(
        expect.arrayContaining([
          ['2024-06-20', 'B', 'Payable to Zenith Distributors Inc. — 12b-1 (Distributor)', '16590.02'],
          ['2024-06-20', 'B', 'Payable to Apex Funding LLC — 12b-1 (Assignee)', '7110.01'],
          [
            '2024-06-14',
            'C',
            'Payable to Zenith Distributors Inc. — distribution fee (Distributor)',
            '15800.03',
          ],
        ]),
      );
      // the adjustments part as CSV: the same five lines, and (calc12, column `role`) the class B
      // service fee's 7,650.00 − 7,500.00 = 150.00 by the distributor serving the restated days —
      // Zenith, the only one — booked to it, and kept whole by it (no class B provider)
      const adj = await cli(db, ['close', 'show', '--month', '2024-05', '--part', 'adjustments', '--csv']);
      expect(adj.code).toBe(0);
      expect(adj.stdout.trim().split('\n').slice(1)).toEqual([
        'monthly-calculation,2024-04,Zenith Growth Fund,,Zenith Distributors Inc.,15750.00,0.00,16065.02,315.02,315.02,0.00,',
        'monthly-calculation,2024-04,Zenith Growth Fund,,Apex Funding LLC,6750.00,0.00,6885.01,135.01,135.01,0.00,',
        'service-fees,2024-04,Zenith Growth Fund,C,DLR-1 Dealer One Securities,3000.00,0.00,3060.00,60.00,,,',
        'service-fee-by-distributor,2024-04,Zenith Growth Fund,B,Zenith Distributors Inc.,,,,150.00,,,Distributor',
        'service-fees,2024-04,Zenith Growth Fund,B,Distributor (keeps),7500.00,0.00,7650.00,150.00,,,',
        'service-fees-kept-by,2024-04,Zenith Growth Fund,B,Zenith Distributors Inc.,,,,150.00,,,Distributor',
        'service-fees,2024-04,Zenith Growth Fund,C,Distributor (keeps),3600.00,0.00,3690.00,90.00,,,',
      ]);
    });

    it('the May payments file pays each provider its month plus its adjustment', async () => {
      // DLR-1: 31 × 100.00 = 3,100.00 + 60.00 = 3,160.00; BNK-1: 31 × 30.00 = 930.00; 10th business
      // day after May: 2024-06-14 (the instructed 2024-06-20 is the Fund's Class B payment date; the
      // Distributor pays the service providers)
      const payments = join(dir, 'payments-2024-05.csv');
      const statements = join(dir, 'statements');
      await ok(db, [
        'service-fees',
        '--month',
        '2024-05',
        '--json',
        '--payments-csv',
        payments,
        '--statements',
        statements,
      ]);
      // DLR-1's statement: May's class line and total, April's adjustment (3,000.00 → 3,060.00), total due
      expect(
        readFileSync(join(statements, 'statement-2024-05-DLR-1.csv'), 'utf8').trim().split('\n'),
      ).toEqual([
        'provider_id,provider,month,portfolio,class,days,average_daily_net_assets,rate_pct,amount,restated_month,original,restated',
        'DLR-1,Dealer One Securities,2024-05,Zenith Growth Fund,C,31,14640000.00,0.25,3100.00,,,',
        'DLR-1,Dealer One Securities,2024-05,Total,,,,,3100.00,,,',
        'DLR-1,Dealer One Securities,2024-05,Prior-period adjustment: Zenith Growth Fund,C,,,,60.00,2024-04,3000.00,3060.00',
        'DLR-1,Dealer One Securities,2024-05,Total due,,,,,3160.00,,,',
      ]);
      expect(readFileSync(payments, 'utf8').trim().split('\n')).toEqual([
        'provider_id,name,kind,month,amount,pay_date',
        'BNK-1,Second National Bank,bank,2024-05,930.00,2024-06-14',
        'DLR-1,Dealer One Securities,dealer,2024-05,3160.00,2024-06-14',
      ]);
    });

    it('the class fee differences are the restated days only', async () => {
      const fees = await ok(db, ['fees', '--from', '2024-04-01', '--to', '2024-04-30', '--json']);
      const adjustments = (fees.closedMonths as Json[])[0].adjustmentsSince.filter(
        (a: Json) => a.kind === 'fees',
      );
      expect(adjustments.map((a: Json) => [a.class, a.distributionFee, a.serviceFee, a.totalFee])).toEqual([
        ['B', '450.03', '150.00', '600.03'],
        ['C', '300.03', '150.00', '450.03'],
      ]);
    });

    it('an instructed date earlier than the 10th business day does not move it', async () => {
      // June (open): 10th business day after 06-30 = July 1,2,3,5,8,9,10,11,12,15 → 2024-07-15
      // (Independence Day, Thu Jul 4, skipped). 30 × 750.00 = 22,500.00: Apex 6,750.00, Distributor 15,750.00.
      const res = await ok(db, [
        'monthly-calculation',
        '--month',
        '2024-06',
        '--due-date',
        '2024-07-12',
        '--json',
      ]);
      expect(res.dueDate).toBe('2024-07-15');
      expect((res.payables as Record<string, string>[]).map((p) => [p.payee, p.payable, p.dueDate])).toEqual([
        ['Zenith Distributors Inc.', '15750.00', '2024-07-15'],
        ['Apex Funding LLC', '6750.00', '2024-07-15'],
      ]);
      expect(res.warnings).toContainEqual(expect.stringMatching(/2024-07-12 given is before 2024-07-15/));
    });

    /**
     * After the May close, class C is restated again:
     *  - Fri 2024-04-26 a second time, 43,920,366.00 → 40,260,000.00: × 0.50 / 100 / 366 = 550.00,
     *    × 0.25 … = 275.00. April C now 27 × 500.00 + 3 × 550.00 = 15,150.00 ABSC (sealed 15,000.00,
     *    already adjusted +300.03 → −150.03 more) and 27 × 250.00 + 3 × 275.00 = 7,575.00 service
     *    (sealed 7,500.00, adjusted +150.00 → −75.00 more). DLR-1 (17,568,000.00 still) and BNK-1 do
     *    not change: the Distributor keeps 7,575.00 − 3,060.00 − 900.00 = 3,615.00 (sealed 3,600.00,
     *    adjusted +90.00 → −75.00 more).
     *  - Fri 2024-05-31, 36,600,000.00 → 43,920,366.00, carried over Sat Jun 1 and Sun Jun 2: May is
     *    adjusted for its one day (ABSC 600.01 − 500.00 = +100.01; service 300.00 − 250.00 = +50.00,
     *    all the Distributor's to keep: +50.00), June accrues Jun 1–2 at the new figure directly.
     * June C: ABSC 2 × 600.01 + 28 × 500.00 = 15,200.02; service 2 × 300.00 + 28 × 250.00 = 7,600.00;
     *   DLR-1 30 × 100.00 = 3,000.00, BNK-1 30 × 30.00 = 900.00, the Distributor keeps 3,700.00.
     */
    it('a month restated twice is adjusted by the change since; a Friday reaches into the open month', async () => {
      await ok(db, [
        'net-assets',
        'import',
        '--restate',
        file(
          'na-restated-2.csv',
          csv('date,portfolio,class,net_assets', [
            `2024-04-26,${GROWTH},C,40260000.00`,
            `2024-05-31,${GROWTH},C,43920366.00`,
          ]),
        ),
      ]);
      const june = await ok(db, ['close', '--month', '2024-06', '--json']);
      const parts: Json = june.parts;
      const fees = (parts.fees as { classes: Record<string, string>[] }).classes;
      expect(fees.map((c) => [c.class, c.distributionFee, c.serviceFee])).toEqual([
        ['B', '22500.00', '7500.00'],
        ['C', '15200.02', '7600.00'],
      ]);
      const svc = parts['service-fees'];
      expect(
        svc.classes.map((c: Json) => [c.class, c.serviceFee, c.providerFees, c.distributorRetained]),
      ).toEqual([
        ['B', '7500.00', '0.00', '7500.00'],
        ['C', '7600.00', '3900.00', '3700.00'],
      ]);
      const pick = (rows: Record<string, string>[], keys: string[]) => rows.map((r) => keys.map((k) => r[k]));
      expect(svc.priorPeriodAdjustments.providers).toEqual([]);
      expect(
        pick(svc.priorPeriodAdjustments.distributor, [
          'month',
          'class',
          'original',
          'previouslyAdjusted',
          'restated',
          'difference',
        ]),
      ).toEqual([
        ['2024-04', 'C', '3600.00', '90.00', '3615.00', '-75.00'],
        ['2024-05', 'C', '3720.00', '0.00', '3770.00', '50.00'],
      ]);
      // class B untouched: no Monthly Calculation adjustment
      expect(
        (parts['monthly-calculation'] as { priorPeriodAdjustments: unknown[] }).priorPeriodAdjustments,
      ).toEqual([]);
      const adjusted = await ok(db, ['fees', '--from', '2024-04-01', '--to', '2024-05-31', '--json']);
      const since = (adjusted.closedMonths as Json[]).flatMap((m) =>
        m.adjustmentsSince
          .filter((a: Json) => a.kind === 'fees' && a.reportedIn === '2024-06')
          .map((a: Json) => [m.month, a.class, a.distributionFee, a.serviceFee]),
      );
      expect(since).toEqual([
        ['2024-04', 'C', '-150.03', '-75.00'],
        ['2024-05', 'C', '100.01', '50.00'],
      ]);
    });

    /**
     * The quarterly board report of 2024Q2 (Plan §8): the months' fees as sealed, and the
     * adjustments the May and June closes reported (the journal paid them):
     *   B: distribution 22,500.00 + 23,250.00 + 22,500.00 = 68,250.00; service 7,500 + 7,750 + 7,500 = 22,750.00
     *   C: distribution 15,000.00 + 15,500.00 + 15,200.02 = 45,700.02; service 7,500 + 7,750 + 7,600 = 22,850.00
     *   fees total 159,550.02; adjustments: distribution 450.03 + 300.03 − 150.03 + 100.01 = 700.04,
     *   service 150.00 + 150.00 − 75.00 + 50.00 = 275.00 → 975.04; paid 160,525.06.
     */
    it('the board report of 2024Q2: sealed fees plus the adjustments the closes paid', async () => {
      const res = await ok(db, ['board-report', '--quarter', '2024Q2', '--json']);
      expect(res.months.map((m: Json) => m.closed)).toEqual([true, true, true]);
      expect(res.fees.map((f: Json) => [f.class, f.distributionFee, f.serviceFee])).toEqual([
        ['B', '68250.00', '22750.00'],
        ['C', '45700.02', '22850.00'],
      ]);
      expect(res.feesTotal.totalFee).toBe('159550.02');
      expect(
        res.priorPeriodAdjustments.map((a: Json) => [
          a.reportedIn,
          a.month,
          a.class,
          a.distributionFee,
          a.serviceFee,
        ]),
      ).toEqual([
        ['2024-05', '2024-04', 'B', '450.03', '150.00'],
        ['2024-05', '2024-04', 'C', '300.03', '150.00'],
        ['2024-06', '2024-04', 'C', '-150.03', '-75.00'],
        ['2024-06', '2024-05', 'C', '100.01', '50.00'],
      ]);
      expect(res.priorPeriodAdjustmentsTotal).toEqual({
        distributionFee: '700.04',
        serviceFee: '275.00',
        totalFee: '975.04',
      });
      expect(res.paidTotal).toEqual({
        distributionFee: '114650.06',
        serviceFee: '45875.00',
        totalFee: '160525.06',
      });
    });

    /**
     * With April–June closed, class B's Fri 2024-05-31 is restated 36,600,000.00 → 43,920,366.00:
     * × 0.75 / 100 / 366 = 900.0075 → 900.01 (+150.01 a day), service 300.0025 → 300.00 (+50.00).
     * It is May 31's figure and, carried, Sat Jun 1 and Sun Jun 2's: two closed months are adjusted
     * at the July close (the feeds stop on Fri Jun 28: both classes accepted as ended).
     *  2024-05: +150.01; restated 23,400.01 split 30/70: 7,020.003 (r .3) / 16,380.007 (r .7) → the
     *           cent to the Distributor: Apex 7,020.00 (+45.00), Distributor 16,380.01 (+105.01)
     *  2024-06: +300.02; restated 22,800.02: 6,840.006 (r .6) / 15,960.014 (r .4) → the cent to Apex:
     *           Apex 6,840.01 (+90.01), Distributor 15,960.01 (+210.01)
     *  service fee kept by the Distributor: +50.00 (May), +100.00 (June)
     */
    it('a restated Friday adjusts the two closed months it reaches, each split as sealed', async () => {
      await ok(db, [
        'net-assets',
        'import',
        '--restate',
        file(
          'na-restated-3.csv',
          csv('date,portfolio,class,net_assets', [`2024-05-31,${GROWTH},B,43920366.00`]),
        ),
      ]);
      const july = await ok(db, [
        'close',
        '--month',
        '2024-07',
        '--accept-ended',
        `${GROWTH}:B`,
        '--accept-ended',
        `${GROWTH}:C`,
        '--json',
      ]);
      const mc = july.parts['monthly-calculation'];
      expect(
        mc.priorPeriodAdjustments.map((a: Json) => [a.month, a.payee, a.original, a.restated, a.difference]),
      ).toEqual([
        ['2024-05', 'Zenith Distributors Inc.', '16275.00', '16380.01', '105.01'],
        ['2024-05', 'Apex Funding LLC', '6975.00', '7020.00', '45.00'],
        ['2024-06', 'Zenith Distributors Inc.', '15750.00', '15960.01', '210.01'],
        ['2024-06', 'Apex Funding LLC', '6750.00', '6840.01', '90.01'],
      ]);
      const svc = july.parts['service-fees'].priorPeriodAdjustments;
      expect(svc.distributor.map((a: Json) => [a.month, a.class, a.difference])).toEqual([
        ['2024-05', 'B', '50.00'],
        ['2024-06', 'B', '100.00'],
      ]);
    });

    /**
     * Part of a closed month, as sealed and recomputed. Apr 15–30 (16 days); Fri Apr 26 (and 27, 28)
     * now C 40,260,000.00 (550.00 ABSC a day), B 43,920,366.00 (900.01):
     *   as sealed (the figures April was closed with): C 16 × 500.00 = 8,000.00; B 16 × 750.00 = 12,000.00
     *   recomputed: C 13 × 500.00 + 3 × 550.00 = 8,150.00; B 13 × 750.00 + 3 × 900.01 = 12,450.03
     */
    it('part of a closed month: as sealed, or recomputed with the restated figures', async () => {
      const sealed = await ok(db, ['fees', '--from', '2024-04-15', '--to', '2024-04-30', '--json']);
      expect(sealed.closedMonths.map((m: Json) => [m.month, m.basis])).toEqual([['2024-04', 'as-sealed']]);
      expect(sealed.classes.map((c: Json) => [c.class, c.days, c.distributionFee])).toEqual([
        ['B', 16, '12000.00'],
        ['C', 16, '8000.00'],
      ]);
      const now = await ok(db, [
        'fees',
        '--from',
        '2024-04-15',
        '--to',
        '2024-04-30',
        '--recompute',
        '--json',
      ]);
      expect(now.classes.map((c: Json) => [c.class, c.days, c.distributionFee])).toEqual([
        ['B', 16, '12450.03'],
        ['C', 16, '8150.00'],
      ]);
    });
  },
);
