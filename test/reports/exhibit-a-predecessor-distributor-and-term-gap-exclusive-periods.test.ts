import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapLedgerState } from '../../src/close/ledgerStateBootstrap.js';
import { importAccounts } from '../../src/feeds/accountsFeed.js';
import { importDistributors } from '../../src/feeds/distributorsFeed.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importOmnibusMonths } from '../../src/feeds/omnibusFeed.js';
import { importTransactions } from '../../src/feeds/transactionsFeed.js';
import { distributorShareReport } from '../../src/reports/distributorShareReport.js';
import { monthlyCalculationReport } from '../../src/reports/monthlyCalculationReport.js';
import { loadClassBTerms } from '../../src/store/classBStore.js';
import type { Database } from '../../src/store/database.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * SPEC §7, Exhibit A: the Distributor's 12b-1 Share is 100% "until such time as the Distributor
 * shall cease to serve as exclusive distributor", then recomputed on the termination date E and
 * every month end. Two portfolios of the seed Agreement (Class B, 0.75%: net assets 1,000,000.00 a
 * day → round_half_up(1,000,000 × 0.0075 / 365, 2) = 20.55 a day):
 *
 * AIM Blue Chip Fund — a predecessor, then the Distributor, then a successor:
 *   Zeta Dist LLC 2004-01-01..2010-01-31 (rights not assigned), A I M Distributors 2010-02-01..2010-03-15,
 *   Omega Dist LLC from 2010-03-16.
 *   A1 buys 300 on 2005-05-05 (Zeta) and 600 on 2010-02-01 (AIM), redeems 50 on 2010-04-15 (both lots
 *      bear a CDSC: the oldest DOI first → the 2005 lot keeps 250);
 *   A2 buys 100 on 2008-06-02 (Zeta), reinvests 20 on 2010-02-26 (Free Shares pro rata to its
 *      Commission Shares then: all Zeta's DOIs → Zeta);
 *   A3 buys 200 on 2010-04-01 (Omega).
 * AIM Constellation Fund — the same three terms; C1 (an Omnibus Account) buys 100 on 2006-01-10 and
 *   reinvests 10 on 2007-01-10, both in Zeta's term; the sub-transfer agent reports nothing issued
 *   or redeemed in March and April, 10 outstanding.
 * AIM Charter Fund — the Distributor (1999-01-01..2010-02-28: the first term recorded, so A I M
 *   Distributors is the Distributor), a gap 2010-03-01..2010-03-04, Omega from 2010-03-05:
 *   B1 buys 300 on 2009-05-05, B2 100 on 2010-03-02 (in the gap), B3 200 on 2010-03-10 (Omega).
 */
const P = 'AIM Blue Chip Fund';
const R = 'AIM Constellation Fund';
const Q = 'AIM Charter Fund';
const AIM = 'A I M Distributors';
const ZETA = 'Zeta Dist LLC';
const OMEGA = 'Omega Dist LLC';

const distributors = (zetaAssignedTo: string) =>
  Buffer.from(
    [
      'portfolio,distributor,start,end,assigned_to',
      `${Q},${AIM},1999-01-01,2010-02-28,`,
      `${Q},${OMEGA},2010-03-05,,`,
      `${P},${ZETA},2004-01-01,2010-01-31,${zetaAssignedTo}`,
      `${P},${AIM},2010-02-01,2010-03-15,`,
      `${P},${OMEGA},2010-03-16,,`,
      `${R},${ZETA},2004-01-01,2010-01-31,${zetaAssignedTo}`,
      `${R},${AIM},2010-02-01,2010-03-15,`,
      `${R},${OMEGA},2010-03-16,,`,
    ].join('\n'),
  );

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10));
  return out;
}

describe.skipIf(!seedsAvailable)(
  'Exhibit A: exclusive periods with a predecessor and a gap between terms',
  () => {
    let tdb: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      tdb = await freshDatabase('pglite');
      db = await tdb.open();
      await importExhibits(
        db,
        seedExhibitFiles().filter((f) => f.fileName.includes('003_') || f.fileName.includes('004_')),
      );
      await importAccounts(
        db,
        'accounts.csv',
        Buffer.from(
          [
            'account,omnibus,dealer_of_record',
            ...['A1', 'A2', 'A3', 'B1', 'B2', 'B3'].map((a) => `${a},no,D`),
            'C1,yes,D',
          ].join('\n'),
        ),
      );
      await importDistributors(db, 'distributors.csv', distributors(''));
      const t = (
        date: string,
        id: string,
        account: string,
        portfolio: string,
        type: string,
        shares: string,
      ) => `${date},${id},${account},${portfolio},B,${type},${shares},10.0000,,`;
      await importTransactions(
        db,
        'txns.csv',
        Buffer.from(
          [
            'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
            t('2005-05-05', 'P1', 'A1', P, 'purchase', '300.0000'),
            t('2008-06-02', 'P2', 'A2', P, 'purchase', '100.0000'),
            t('2009-05-05', 'Q1', 'B1', Q, 'purchase', '300.0000'),
            t('2010-02-01', 'P3', 'A1', P, 'purchase', '600.0000'),
            t('2010-02-26', 'P4', 'A2', P, 'reinvest', '20.0000'),
            t('2010-03-02', 'Q2', 'B2', Q, 'purchase', '100.0000'),
            t('2010-03-10', 'Q3', 'B3', Q, 'purchase', '200.0000'),
            t('2010-04-01', 'P5', 'A3', P, 'purchase', '200.0000'),
            t('2010-04-15', 'P6', 'A1', P, 'redeem', '50.0000'),
            t('2006-01-10', 'R1', 'C1', R, 'purchase', '100.0000'),
            t('2007-01-10', 'R2', 'C1', R, 'reinvest', '10.0000'),
          ].join('\n'),
        ),
      );
      await importNetAssets(
        db,
        'na.csv',
        Buffer.from(
          [
            'date,portfolio,class,net_assets',
            ...days('2010-01-01', '2010-04-30').flatMap((d) => [
              `${d},${P},B,1000000.00`,
              `${d},${Q},B,1000000.00`,
              `${d},${R},B,1000000.00`,
            ]),
          ].join('\n'),
        ),
      );
      await importOmnibusMonths(
        db,
        'omnibus.csv',
        Buffer.from(
          [
            'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
            `2010-03,C1,${R},0.0000,0.0000,10.0000`,
            `2010-04,C1,${R},0.0000,0.0000,10.0000`,
          ].join('\n'),
        ),
      );
      // month ends held as ledger columns: the fast path reads them, the reference replays per account
      const classBTerms = await loadClassBTerms(db);
      for (const end of ['2010-01-31', '2010-02-28', '2010-03-31'])
        await db.transaction((tx) => bootstrapLedgerState(tx, end, classBTerms));
    });
    afterAll(async () => {
      await db?.close();
      await tdb?.drop();
    });

    const mcOf = async (month: string, portfolio: string) =>
      (await monthlyCalculationReport(db, month)).portfolios.find((p) => p.portfolio === portfolio)!;
    const dsOf = async (month: string, portfolio: string) =>
      (await distributorShareReport(db, month)).portfolios.find((p) => p.portfolio === portfolio)!;

    it('a predecessor without an assignment: 100% to it in its term, 100% to the Distributor in its own, computed from the Distributor’s term end', async () => {
      // February: the Distributor exclusive all month → 100%, 28 × 20.55 = 575.40, no computation
      const feb = await mcOf('2010-02', P);
      expect(feb.distributor12b1Share).toBe('575.40');
      expect(feb.computations.map((c) => [c.computedOn, c.days, c.parties[0]!.sharePct])).toEqual([
        [null, 28, '100.0000'],
      ]);
      const dsFeb = await dsOf('2010-02', P);
      expect(dsFeb.exclusiveThrough).toBe('2010-03-15');
      expect(dsFeb.computations).toEqual([]);

      // January: Zeta's term — the Distributor was not yet distributor; Zeta takes 31 × 20.55 = 637.05
      const jan = await mcOf('2010-01', P);
      expect(jan.computations).toEqual([
        {
          computedOn: null,
          from: '2010-01-01',
          to: '2010-01-31',
          days: 31,
          distributionFee: '637.05',
          parties: [
            { distributor: AIM, sharePct: '0.0000', twelveB1Share: '0.00' },
            { distributor: ZETA, sharePct: '100.0000', twelveB1Share: '637.05' },
          ],
        },
      ]);
      expect((await dsOf('2010-01', P)).exclusive).toEqual([
        { distributor: ZETA, from: '2010-01-01', to: '2010-01-31' },
      ]);

      // March: 03-01..03-15 exclusive (15 × 20.55 = 308.25); computed first on 2010-03-15:
      //   AIM (a) 600; Zeta (a) 300 + 100, (b) 20 = 420; 1,020 outstanding →
      //   600/1020 = 58.82352941% → 58.8235 (remainder .29), 420/1020 = 41.17647059% → 41.1764 (.71) + 0.0001 = 41.1765.
      //   03-16..03-31, each day's 20.55 split 600 : 420 (SPEC §7): AIM 2,055¢ × 600/1020 = 1,208.82¢,
      //   Zeta 846.18¢; floors 1,208 + 846 = 2,054, the cent to the larger remainder (AIM's .82) →
      //   12.09 and 8.46 a day; 16 days → AIM 193.44, Zeta 135.36 (328.80). The percentages shown
      //   reproduce those dollars (SPEC §7): 193.44 / 328.80 = 58.83211…% (.17), 135.36 / 328.80 =
      //   41.16788…% (.83): floors 588,321 + 411,678 leave one unit, to Zeta → 58.8321 / 41.1679
      //   (328.80 × 41.1679% = 135.36006 → 135.36).
      const mar = await mcOf('2010-03', P);
      expect(mar.computations).toEqual([
        {
          computedOn: null,
          from: '2010-03-01',
          to: '2010-03-15',
          days: 15,
          distributionFee: '308.25',
          parties: [{ distributor: AIM, sharePct: '100.0000', twelveB1Share: '308.25' }],
        },
        {
          computedOn: '2010-03-15',
          from: '2010-03-16',
          to: '2010-03-31',
          days: 16,
          distributionFee: '328.80',
          parties: [
            { distributor: AIM, sharePct: '58.8321', twelveB1Share: '193.44' },
            { distributor: ZETA, sharePct: '41.1679', twelveB1Share: '135.36' },
          ],
        },
      ]);
      expect(mar.distributor12b1Share).toBe('501.69'); // 308.25 + 193.44

      // April 30: A1 250 (Zeta) + 600 (AIM), A2 100 + 20 (Zeta), A3 200 (Omega): 1,170 outstanding;
      //   600/1170 = 51.28205% (.05), 370/1170 = 31.62393% (.93 → 31.6239|316), 200/1170 = 17.09401% → floors
      //   51.2820 + 31.6239 + 17.0940 = 99.9999, the last unit to the largest remainder (AIM .512) → 51.2821.
      const apr = await dsOf('2010-04', P);
      const apr30 = apr.computations.find((c) => c.date === '2010-04-30')!;
      expect([apr30.sharePct, apr30.numerator, apr30.denominator]).toEqual([
        '51.2821',
        '600.0000',
        '1170.0000',
      ]);
    });

    it("Omnibus Free Shares issued in the predecessor's term: 2(c) starts them with the Distributor, and says so", async () => {
      // C1 (omnibus): 100 Commission Shares of 2006 (Zeta), 10 Free Shares reinvested in 2007 (Zeta's term).
      // 2010-03-15: (a) Zeta 100; (c) the 10 Free Shares start with AIM → 10/110 = 9.0909|09%, Zeta 90.9090|91% + 0.0001.
      const ds = await distributorShareReport(db, '2010-03');
      const r = ds.portfolios.find((p) => p.portfolio === R)!;
      expect(
        r.computations
          .find((c) => c.date === '2010-03-15')!
          .byRule.map((x) => [x.distributor, x.c_omnibusFreeShares, x.total]),
      ).toEqual([
        [AIM, '10.0000', '10.0000'],
        [OMEGA, '0.0000', '0.0000'], // a party of 2(c) with nothing yet
        [ZETA, '0.0000', '100.0000'],
      ]);
      expect(r.computations[0]!.sharePct).toBe('9.0909');
      const warned =
        /AIM Constellation Fund: on 2010-03-15 the 10\.0000 Free Shares in Omnibus Accounts start Exhibit A 2\(c\) all with A I M Distributors; some may have been issued in the term of Zeta Dist LLC \(2004-01-01–2010-01-31\)/;
      expect(ds.warnings.some((w) => warned.test(w))).toBe(true);
      expect((await monthlyCalculationReport(db, '2010-03')).warnings.some((w) => warned.test(w))).toBe(true);
    });

    it('a gap between terms: computed on the term end, not extended through the gap; purchases in the gap warned about', async () => {
      // the Distributor ceased to serve on 2010-02-28: computed then, B1's 300 of 300 → 100%
      const feb = await dsOf('2010-02', Q);
      expect(feb.exclusiveThrough).toBe('2010-02-28');
      expect(feb.computations.map((c) => [c.date, c.sharePct])).toEqual([['2010-02-28', '100.0000']]);
      // March: no day exclusive; every day governed by a computation (02-28, then 03-31)
      const mar = await dsOf('2010-03', Q);
      expect(mar.exclusive).toEqual([]);
      expect(mar.computations.map((c) => c.date)).toEqual(['2010-02-28', '2010-03-31']);
      const mc = await monthlyCalculationReport(db, '2010-03');
      const q = mc.portfolios.find((p) => p.portfolio === Q)!;
      expect(q.computations.map((c) => [c.computedOn, c.from, c.to])).toEqual([
        ['2010-02-28', '2010-03-01', '2010-03-31'],
      ]);
      // B2's purchase of 2010-03-02 is in no one's term (Exhibit A 2(a)): said, not silently the Distributor's
      const warned =
        /AIM Charter Fund: 1 Class B purchase dated 2010-03-01–2010-03-04, when no distributor's term held/;
      expect(mc.warnings.some((w) => warned.test(w))).toBe(true);
      expect((await distributorShareReport(db, '2010-03')).warnings.some((w) => warned.test(w))).toBe(true);
    });

    it('the ledger-column path and the per-account reference agree', async () => {
      for (const month of ['2010-02', '2010-03', '2010-04'])
        expect(await monthlyCalculationReport(db, month)).toEqual(
          await monthlyCalculationReport(db, month, { perAccount: true }),
        );
    });

    it("the predecessor's rights assigned to the Distributor: its term counts as the Distributor's", async () => {
      await importDistributors(db, 'distributors2.csv', distributors(AIM));
      // January: the rights holder takes it all
      const jan = await mcOf('2010-01', P);
      expect(jan.computations.map((c) => [c.computedOn, c.parties])).toEqual([
        [null, [{ distributor: AIM, sharePct: '100.0000', twelveB1Share: '637.05' }]],
      ]);
      // March 15: all 1,020 shares are the Distributor's → 100%; April 30: 970 of 1,170 (Omega 200):
      //   82.90598% → 82.9059|83, 17.09401% → 17.0940|17 → the unit to AIM → 82.9060 / 17.0940
      const mar = await dsOf('2010-03', P);
      expect(mar.computations.map((c) => [c.date, c.sharePct])).toEqual([
        ['2010-03-15', '100.0000'],
        ['2010-03-31', '100.0000'],
      ]);
      const apr30 = (await dsOf('2010-04', P)).computations.find((c) => c.date === '2010-04-30')!;
      expect([apr30.sharePct, apr30.numerator]).toEqual(['82.9060', '970.0000']);
    });
  },
);
