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
 * Who is owed the Class B service fee after the Distributor's term ends on E (seeds 003 + 004).
 *
 * Agreement TENTH: "Pursuant to the Plan and this Agreement, the Distributor may receive and use a
 * service fee in the amount of .25% of the average daily net assets of the Shares of a Portfolio to
 * provide continuing personal shareholder services to customers …". FIFTEENTH(B): "if this
 * Agreement is terminated for any reason, the obligations of the Fund and the Distributor pursuant
 * to Sections FOURTH: (D), FOURTH: (E), SEVENTH: (B), SEVENTH: (C), EIGHTH: (A) through (E) and
 * TWELFTH: (A) of this Agreement will continue and survive any such termination" — TENTH is not
 * among them. SEVENTH(B) and Exhibit A make the Distributor's 12b-1 Share of the Distribution Fees
 * (0.75%) survive E; EIGHTH(A) lets it transfer only the 12b-1 Share and the Earned CDSC. So the
 * service fee of a day after E is not the Distributor's: it is paid for the services of the
 * distributor then serving (FIRST: the Other Distributor the Fund retains), the Other Distributor
 * of that day, and no Assignee has any part of it.
 *
 * Terms: AIM Distributors Inc. all portfolios 2000-01-03 – E = 2012-03-15; Beacon Fund Distributors
 * LLC from 2012-03-16. CD = AIM Capital Development Fund, Class B net assets 3,660,000.00 every
 * business day of March–April 2012 (a leap year): service fee 3,660,000.00 × 0.25% / 366 = 25.00 a
 * day, distribution fee × 0.75% / 366 = 75.00 a day. One account N1, K1 700 Commission Shares of
 * 2010-01-04 (AIM's term): Exhibit A at E and at 03-31 gives AIM 700 of 700 = 100% of the
 * Distribution Fees. Transfer T1 (Lambda Funding LLC) 50% of the 12b-1 Share, notice received.
 *
 * March: service fee 31 × 25.00 = 775.00 — AIM 1–15 March, 15 × 25.00 = 375.00; Beacon 16–31 March,
 *   16 × 25.00 = 400.00. Distribution Fees 31 × 75.00 = 2,325.00, all AIM's 12b-1 Share (100%), T1
 *   50% = 1,162.50, AIM's own 1,162.50.
 * April: service fee 30 × 25.00 = 750.00, all Beacon's; Distribution Fees 30 × 75.00 = 2,250.00,
 *   AIM 100% (Beacon issued no shares), T1 1,125.00.
 * Payment date: the 10th NYSE business day after 03-31 — April 2, 3, 4, 5, (Good Friday 6), 9, 10,
 *   11, 12, 13, 16 → 2012-04-16; after 04-30 — May 1, 2, 3, 4, 7, 8, 9, 10, 11, 14 → 2012-05-14.
 */

const CD = 'AIM Capital Development Fund';
const AIM = 'AIM Distributors Inc.';
const BEACON = 'Beacon Fund Distributors LLC';

interface ServiceFeePart {
  distributor: string;
  role: string;
  from: string;
  to: string;
  days: number;
  serviceFee: string;
}
interface MonthlyCalc {
  dueDate: string;
  portfolios: {
    portfolio: string;
    distributionFee: string;
    distributor12b1Share: string;
    serviceFee: string;
    serviceFees?: ServiceFeePart[];
    assignees: { transferId: string; twelveB1Portion: string }[];
  }[];
}

let store: CliStore;

describe.skipIf(!seedsAvailable)(
  'The Class B service fee after E goes to the distributor then serving',
  () => {
    beforeAll(async () => {
      store = await cliStore('calc10-service-fee-after-e');
      const s = store;
      await s.ok('exhibit', 'import', ...classBAgreementSeeds());
      await s.ok(
        'accounts',
        'import',
        s.file('accounts.csv', ['account,omnibus,dealer_of_record', 'N1,no,D']),
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
        ]),
      );
      await s.ok(
        'transfers',
        'import',
        s.file('transfers.csv', [
          'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
          `T1,Lambda Funding LLC,2 Main St,${CD},50,0,,,2012-01-01,2012-01-02,direct,`,
        ]),
      );
      await s.ok(
        'net-assets',
        'import',
        s.file('net-assets.csv', [
          'date,portfolio,class,net_assets',
          ...businessDays('2012-03-01', '2012-04-30').map((d) => `${d},${CD},B,3660000.00`),
        ]),
      );
    });
    afterAll(() => store?.remove());

    it('March: the Monthly Calculation shows 375.00 of the service fee as AIM’s and 400.00 as Beacon’s', async () => {
      const mc = await store.json<MonthlyCalc>('monthly-calculation', '--month', '2012-03');
      const cd = mc.portfolios.find((p) => p.portfolio === CD)!;
      expect([cd.distributionFee, cd.distributor12b1Share, cd.serviceFee]).toEqual([
        '2325.00',
        '2325.00',
        '775.00',
      ]);
      expect(cd.assignees.map((a) => [a.transferId, a.twelveB1Portion])).toEqual([['T1', '1162.50']]);
      expect(cd.serviceFees?.map((p) => [p.distributor, p.role, p.from, p.to, p.days, p.serviceFee])).toEqual(
        [
          [AIM, 'Distributor', '2012-03-01', '2012-03-15', 15, '375.00'],
          [BEACON, 'Other Distributor', '2012-03-16', '2012-03-31', 16, '400.00'],
        ],
      );
    });

    it('the printed Monthly Calculation shows each distributor’s days of the service fee', async () => {
      const file = join(store.dir, 'mc-2012-03.pdf');
      await store.ok('monthly-calculation', '--month', '2012-03', '--pdf', file);
      // a line too long for the page wraps: read the text with its lines joined
      const pdf = pdfText(file).replace(/\n/g, '');
      expect(pdf).toContain(`${AIM} (Distributor), 2012-03-01–2012-03-15, 15 days`);
      expect(pdf).toContain(`${BEACON} (Other Distributor), 2012-03-16–2012-03-31, 16 days`);
      expect(pdf).toContain('375.00');
      expect(pdf).toContain('400.00');
    });

    it('April: all 750.00 of the service fee is Beacon’s; the 12b-1 Share stays AIM’s', async () => {
      const mc = await store.json<MonthlyCalc>('monthly-calculation', '--month', '2012-04');
      const cd = mc.portfolios.find((p) => p.portfolio === CD)!;
      expect([cd.distributionFee, cd.distributor12b1Share, cd.serviceFee]).toEqual([
        '2250.00',
        '2250.00',
        '750.00',
      ]);
      expect(cd.serviceFees?.map((p) => [p.distributor, p.role, p.from, p.to, p.days, p.serviceFee])).toEqual(
        [[BEACON, 'Other Distributor', '2012-04-01', '2012-04-30', 30, '750.00']],
      );
    });

    it('the journal pays each distributor its days’ service fee on the payment date, as the Monthly Calculation shows', async () => {
      for (const [month, due, expected] of [
        [
          '2012-03',
          '2012-04-16',
          [
            [`Payable to ${AIM} — service fee (Distributor)`, '375.00'],
            [`Payable to ${BEACON} — service fee (Other Distributor)`, '400.00'],
          ],
        ],
        ['2012-04', '2012-05-14', [[`Payable to ${BEACON} — service fee (Other Distributor)`, '750.00']]],
      ] as const) {
        const journal = csvRows(await store.ok('journal', '--month', month, '--csv'));
        const accrued = (account: string) =>
          journal
            .filter((r) => r.entry!.startsWith('ACR-') && r.account === account)
            .reduce((s, r) => s + BigInt(r.credit!.replace('.', '')), 0n);
        const paid = journal
          .filter((r) => r.entry!.startsWith('PAY-') && / — service fee/.test(r.account!))
          .map((r) => [r.account, r.debit, r.date]);
        expect(paid).toEqual(expected.map(([account, amount]) => [account, amount, due]));
        for (const [account, amount] of expected)
          expect(accrued(account)).toBe(BigInt(amount.replace('.', '')));
        // Beacon’s days never accrue to the Distributor’s payable
        if (month === '2012-04') expect(accrued(`Payable to ${AIM} — service fee (Distributor)`)).toBe(0n);
      }
    });

    it('the close of March seals the same: its service fee by distributor and the journal paying Beacon 400.00; audit verify is clean', async () => {
      await store.ok('close', '--month', '2012-03');
      const sealed = (
        await store.json<{ content: MonthlyCalc }>(
          'close',
          'show',
          '--month',
          '2012-03',
          '--part',
          'monthly-calculation',
        )
      ).content;
      const cd = sealed.portfolios.find((p) => p.portfolio === CD)!;
      expect(cd.serviceFees?.map((p) => [p.distributor, p.days, p.serviceFee])).toEqual([
        [AIM, 15, '375.00'],
        [BEACON, 16, '400.00'],
      ]);
      const journal = csvRows(
        await store.ok('close', 'show', '--month', '2012-03', '--part', 'journal', '--csv'),
      );
      expect(
        journal
          .filter((r) => r.entry!.startsWith('PAY-') && / — service fee/.test(r.account!))
          .map((r) => [r.account, r.debit, r.date]),
      ).toEqual([
        [`Payable to ${AIM} — service fee (Distributor)`, '375.00', '2012-04-16'],
        [`Payable to ${BEACON} — service fee (Other Distributor)`, '400.00', '2012-04-16'],
      ]);
      await store.ok('audit', 'verify');
    });
  },
);
