import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDays, type CliStore, classBAgreementSeeds, cliStore } from '../calc7/support.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * Exhibit A 2(a)–(c) and FOURTH(D) worked by hand (SPEC §6–§8), checked through the CLI:
 * `distributor-share`, `monthly-calculation`, `redemptions`, `cdsc`. Seeds 003 + 004.
 *
 * Terms: AIM Distributors Inc. (the Distributor) all portfolios 2000-01-03 – E = 2012-03-15;
 * Beacon Fund Distributors LLC all from 2012-03-16; Harbor Distributors Inc. AIM Emerging Growth
 * Fund (EG) alone 1998-01-02 – 1999-12-31 (a predecessor: an Other Distributor for EG's DOIs then).
 * CD = AIM Capital Development Fund, net assets 3,660,000.00 every day of March–June 2012:
 *   3,660,000.00 × 0.75% / 366 = 75.00 a day (2012 is a leap year). CH = AIM Charter Fund,
 *   1,830,000.00 → 37.50 a day. DD = AIM Diversified Dividend Fund (no net assets).
 *
 * Free exchange chains (N9, not omnibus; SPEC §6 order, oldest DOI first, for exchanges too):
 *  H1 100 EG at 10.00 on 1999-06-01 (Harbor; 1,000.00) → 2001-02-01 60 CD (12.00/20.00) →
 *    2002-03-01 90 DD (15.00/10.00) → redeemed 2003-07-01 at 10.50: 4 anniversaries → year 5, 2% ×
 *    min(1,000.00, 945.00) = 18.90, Harbor's (traced to EG's first issuance, FOURTH(D)).
 *  A1 200 EG at 8.00 on 2010-05-03 (AIM; 1,600.00) → 2011-01-03 90 CD (9.00/20.00).
 *  B1 50 CD at 20.00 on 2012-04-02 (Beacon; 1,000.00).
 *  2012-04-16 50 CD out at 20.00 → 100 EG at 10.00: the oldest DOI goes first, so it is A1's:
 *    cost 1,600.00 × 50/90 = 888.888… → 888.89; A1 keeps 40 CD / 711.11.
 *  2012-05-01 90 CD out at 22.00 → 198 DD: A1 40 → 88, B1 50 → 110; and 100 EG → 100 DD (A1).
 *  2012-05-25 redeems 298 DD at 11.00: A1 88 (711.11 < 968.00) → 3% (anniversaries 2011-05-03,
 *    2012-05-03: year 3) × 711.11 = 21.3333 → 21.33; A1 100 (888.89 < 1,100.00) → 26.6667 → 26.67:
 *    the Distributor's Earned CDSC 48.00; B1 110 → 5% × min(1,000.00, 1,210.00) = 50.00, Beacon's.
 *
 * CD accounts: N1 K1 500 on 2004-03-10 (converts 2012-03-31), K2 300 on 2009-05-01, Q1 40 Free on
 *   2010-12-31 (2(b): pro rata 800 AIM → AIM), K3 200 on 2012-04-02 (Beacon), Q2 10 Free on
 *   2012-04-30 (pro rata K2 300 AIM : K3 200 Beacon → 6 / 4). 2012-03-31 conversion: K1 500 of 800
 *   with 40 × 500/800 = 25 Free → N1 keeps K2 300 and 15 Free (AIM).
 *   N2 K4 100 on 2012-03-20 (Beacon).
 *   O1 (omnibus) K5 1,000 on 2006-05-01, 60 Free 2011-12-30, 12 Free 2012-03-23, K6 100 on
 *   2012-03-28 (Beacon), 30 Free 2012-04-13, 20 redeemed 2012-04-20.
 *   O2 (omnibus) K7 400 on 2007-08-01, 20 Free 2011-06-30, K8 200 on 2012-03-26 (Beacon), 9 Free
 *   2012-04-27; EG: 50 on 2008-01-02 (AIM), 10 Free 2010-12-31, all exchanged 2012-05-14 at 10.00
 *   for 30 CD at 20.00 (Free first: 5 Free + 25 Commission, DOI 2008-01-02, first issued by EG: AIM).
 * Sub-transfer agent (CD): O1 March 12/0/72, April 30/20/82, May and June 0/0/82;
 *   O2 March 0/0/20, April 9/0/29, May and June 0/0/34 (the exchange is neither issue nor redemption).
 *
 * CD at E, 2012-03-15 (2(c) starts every Omnibus Free Share with the Distributor): AIM (a) 500 + 300
 *   + 90 (N9 A1) + 1,000 + 400 = 2,290, (b) 40, (c) 60 + 20 = 80 → 2,410 of 2,410: 100%.
 * CD at 2012-03-31 (K1 and 25 Free Shares converted at that close):
 *   2(c) O1: (ii) 12 × 1,060/1,060 = 12 AIM; (iv) 72 − 60 − 12 + 0 = 0 → AIM 72.  O2: nothing → 20.
 *   AIM (a) 300 + 90 + 1,000 + 400 = 1,790, (b) 15, (c) 92 → 1,897; Beacon (a) 100 + 100 + 200 = 400.
 *   Share 1,897 / 2,297 = 82.5860%.
 * CD at 2012-04-30: 2(c) O1 (previous: Commission + Free AIM 1,072, Beacon 100; Free AIM 72):
 *   (ii) 30 × 1,072/1,172 = 27.44027… and 30 × 100/1,172 = 2.55972… → floors 27.4402 + 2.5597,
 *   one unit to the larger remainder → 27.4403 / 2.5597; (iii) 20 × 72/72 = 20 AIM;
 *   (iv) 82 − 72 − 30 + 20 = 0 → AIM 79.4403, Beacon 2.5597.
 *   O2 (previous AIM 420, Beacon 200; Free AIM 20): (ii) 9 × 420/620 = 6.09677… and 9 × 200/620 =
 *   2.90322… → 6.0968 / 2.9032; (iv) 0 → AIM 26.0968, Beacon 2.9032.
 *   AIM (a) 300 + 40 (A1's rest) + 1,000 + 400 = 1,740, (b) 15 + 6 = 21, (c) 105.5371 → 1,866.5371;
 *   Beacon (a) 200 + 100 + 50 (B1) + 100 + 200 = 650, (b) 4, (c) 5.4629 → 659.4629; all 2,526.
 * CD at 2012-05-31: O1 unchanged. O2: (iv) net exchange 34 − 29 − 0 + 0 = 5 × F/G: 5 × 26.0968/29
 *   = 4.49944… and 5 × 2.9032/29 = 0.50055… → floors 4.4994 + 0.5005, the unit to the larger
 *   remainder (.517 > .483) → 4.4994 / 0.5006 → AIM 30.5962, Beacon 3.4038.
 *   AIM (a) 300 + 1,000 + 400 + 25 = 1,725, (b) 21, (c) 79.4403 + 30.5962 = 110.0365 → 1,856.0365;
 *   Beacon (a) 200 + 100 + 100 + 200 = 600, (b) 4, (c) 2.5597 + 3.4038 = 5.9635 → 609.9635; 2,466.
 *
 * CH: O3 (omnibus) K9 200 on 2004-05-03 (converts 2012-05-31), K10 150 on 2011-01-03, 30 Free
 *   2011-12-30, K11 100 on 2012-03-27 (Beacon), 17 Free 2012-04-27. Sub-TA: March 0/0/30,
 *   April 17/0/47, May 0/0/26.1111.
 *   E: AIM 350 + 30 = 380: 100%.  03-31: AIM 380, Beacon 100 → 79.1667%.
 *   04-30: (ii) 17 × 380/480 = 13.45833… and 17 × 100/480 = 3.54166… → 13.4583 / 3.5417 →
 *     AIM 350 + 43.4583 = 393.4583, Beacon 100 + 3.5417 = 103.5417 (497).
 *   05-31: K9 converts with 47 × 200/450 = 20.8888… → 20.8889 Free (the convert row: 220.8889);
 *     26.1111 Free remain. The conversion is no issue or redemption: (iv) 26.1111 − 47 = −20.8889
 *     by F/G: 20.8889 × 43.4583/47 = 19.31480… and 20.8889 × 3.5417/47 = 1.57409… → floors 19.3148 +
 *     1.5740, the unit to 1.5741 → AIM 24.1435, Beacon 1.9676. AIM (a) 150 + 24.1435 = 174.1435,
 *     Beacon 100 + 1.9676 = 101.9676 (276.1111): 63.0701% — the conversion moves June's share.
 *   06-30: 10 Free issued 2012-06-15 (sub-TA June 10/0/36.1111), B/C from the counts after the
 *     conversion: 10 × 174.1435/276.1111 = 6.30700… and 10 × 101.9676/276.1111 = 3.69298… → floors
 *     6.3070 + 3.6929, the unit to 3.6930 → AIM 150 + 30.4505 = 180.4505, Beacon 105.6606 (286.1111).
 *
 * Monthly Calculation (each day's fee split by largest remainder at the cent; the percentage shown
 * the party's dollars over the days' fee, 4 places, reproducing them):
 *   March, both: 100% (E computation 100%): CD 15 days 1,125.00 + 16 days 1,200.00 = 2,325.00;
 *     CH 562.50 + 600.00 = 1,162.50.
 *   April CD (1,897/2,297): 7,500¢ × 1,897/2,297 = 6,193.95 and × 400/2,297 = 1,306.05 → 61.94 /
 *     13.06 a day; 30 days: 1,858.20 / 391.80; 1,858.20/2,250.00 = 82.58666…% → 82.5867, 17.4133.
 *   May CD (1,866.5371/2,526): 5,541.97¢ / 1,958.03¢ → 55.42 / 19.58; 31 days 1,718.02 / 606.98;
 *     73.8933 / 26.1067.
 *   June CD (1,856.0365/2,466): 5,644.88¢ / 1,855.12¢ → 56.45 / 18.55; 30 days 1,693.50 / 556.50;
 *     75.2667 / 24.7333.
 *   April CH (380/480): 2,968.75¢ / 781.25¢ → the unit to the larger remainder .75: 29.69 / 7.81;
 *     890.70 / 234.30; 79.1733 / 20.8267.  May CH (393.4583/497): 2,968.7497¢ / 781.2502¢ →
 *     29.69 / 7.81; 31 days 920.39 / 242.11; 79.1733 / 20.8267.
 *   June CH (174.1435/276.1111): 2,365.128¢ / 1,384.872¢ → 23.65 / 13.85; 709.50 / 415.50;
 *     63.0667 / 36.9333.
 *   May DD: no distribution fee; the Distributor's Earned CDSC 48.00.
 * Transfer TL (Lambda Funding LLC): 50% of the 12b-1 Share of CH, Commission Shares with DOI in 2004
 *   (only K9), effective 2012-04-01 (notice 04-02). Counts: 03-31 and 04-01 (its effective date; O3's
 *   30 Free Shares are AIM's by 2(b) and by 2(c) alike) 200 of the Distributor's 380 → April
 *   890.70 × 50% × 200/380 = 234.3947 → 234.39; 04-30: 200 of 393.4583 → May 920.39 × 50% ×
 *   200/393.4583 = 233.9231 → 233.92; 05-31: K9 has converted, 0 of 174.1435 → June 0.00.
 * Due dates (10th NYSE business day): March → 2012-04-16 (Good Friday 04-06), April → 05-14,
 *   May → 06-14, June → 07-16 (Independence Day).
 */

const CD = 'AIM Capital Development Fund';
const CH = 'AIM Charter Fund';
const EG = 'AIM Emerging Growth Fund';
const DD = 'AIM Diversified Dividend Fund';
const AIM = 'AIM Distributors Inc.';
const BEACON = 'Beacon Fund Distributors LLC';
const HARBOR = 'Harbor Distributors Inc.';

interface ShareReport {
  portfolios: {
    portfolio: string;
    computations: {
      date: string;
      sharePct: string;
      numerator: string;
      denominator: string;
      byRule: {
        distributor: string;
        a_commissionShares: string;
        b_freeShares: string;
        c_omnibusFreeShares: string;
        total: string;
      }[];
    }[];
  }[];
  warnings: string[];
}
interface MonthlyCalc {
  dueDate: string;
  portfolios: {
    portfolio: string;
    distributionFee: string;
    distributor12b1Share: string;
    earnedCdsc: string;
    computations: {
      computedOn: string | null;
      from: string;
      to: string;
      days: number;
      distributionFee: string;
      parties: { distributor: string; sharePct: string; twelveB1Share: string }[];
    }[];
  }[];
  warnings: string[];
}

let store: CliStore;
const T = (
  date: string,
  id: string,
  account: string,
  portfolio: string,
  type: string,
  shares: string,
  price: string,
  exchange = '',
) => `${date},${id},${account},${portfolio},B,${type},${shares},${price},${exchange},`;

/** SPEC §7: the days' fee × the percentage shown, half-up to the cent, is the dollars beside it. */
function reproduces(pct: string, fee: string, dollars: string): boolean {
  const places = BigInt(pct.split('.')[1]!.length);
  const whole = 100n * 10n ** places;
  const product = BigInt(fee.replace('.', '')) * BigInt(pct.replace('.', ''));
  return (product * 2n + whole) / (2n * whole) === BigInt(dollars.replace('.', ''));
}

describe.skipIf(!seedsAvailable)(
  'Exhibit A by hand: two Omnibus Accounts, conversions at month ends, free exchange chains',
  () => {
    beforeAll(async () => {
      store = await cliStore('calc8-exhibit-a');
      const s = store;
      await s.ok('init');
      await s.ok('exhibit', 'import', ...classBAgreementSeeds());
      await s.ok(
        'accounts',
        'import',
        s.file('accounts.csv', [
          'account,omnibus,dealer_of_record',
          'N1,no,D',
          'N2,no,D',
          'N9,no,D',
          'O1,yes,D',
          'O2,yes,D',
          'O3,yes,D',
        ]),
      );
      await s.ok(
        'distributors',
        'import',
        s.file('distributors.csv', [
          'portfolio,distributor,start,end',
          `all,${AIM},2000-01-03,2012-03-15`,
          `all,${BEACON},2012-03-16,`,
          `${EG},${HARBOR},1998-01-02,1999-12-31`,
        ]),
      );
      await s.ok(
        'transactions',
        'import',
        s.file('transactions.csv', [
          'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver',
          T('1999-06-01', 'N9H1', 'N9', EG, 'purchase', '100', '10.00'),
          T('2001-02-01', 'N9H1o', 'N9', EG, 'exchange_out', '100', '12.00', 'XH1'),
          T('2001-02-01', 'N9H1i', 'N9', CD, 'exchange_in', '60', '20.00', 'XH1'),
          T('2002-03-01', 'N9H2o', 'N9', CD, 'exchange_out', '60', '15.00', 'XH2'),
          T('2002-03-01', 'N9H2i', 'N9', DD, 'exchange_in', '90', '10.00', 'XH2'),
          T('2003-07-01', 'N9H3', 'N9', DD, 'redeem', '90', '10.50'),
          T('2004-03-10', 'N1K1', 'N1', CD, 'purchase', '500', '10.00'),
          T('2004-05-03', 'O3K9', 'O3', CH, 'purchase', '200', '10.00'),
          T('2006-05-01', 'O1K5', 'O1', CD, 'purchase', '1000', '10.00'),
          T('2007-08-01', 'O2K7', 'O2', CD, 'purchase', '400', '10.00'),
          T('2008-01-02', 'O2G1', 'O2', EG, 'purchase', '50', '10.00'),
          T('2009-05-01', 'N1K2', 'N1', CD, 'purchase', '300', '10.00'),
          T('2010-05-03', 'N9A1', 'N9', EG, 'purchase', '200', '8.00'),
          T('2010-12-31', 'N1Q1', 'N1', CD, 'reinvest', '40', '10.00'),
          T('2010-12-31', 'O2G2', 'O2', EG, 'reinvest', '10', '10.00'),
          T('2011-01-03', 'N9A1o', 'N9', EG, 'exchange_out', '200', '9.00', 'XA1'),
          T('2011-01-03', 'N9A1i', 'N9', CD, 'exchange_in', '90', '20.00', 'XA1'),
          T('2011-01-03', 'O3K10', 'O3', CH, 'purchase', '150', '10.00'),
          T('2011-06-30', 'O2Q6', 'O2', CD, 'reinvest', '20', '10.00'),
          T('2011-12-30', 'O1Q3', 'O1', CD, 'reinvest', '60', '10.00'),
          T('2011-12-30', 'O3Q8', 'O3', CH, 'reinvest', '30', '10.00'),
          T('2012-03-20', 'N2K4', 'N2', CD, 'purchase', '100', '20.00'),
          T('2012-03-23', 'O1Q4', 'O1', CD, 'reinvest', '12', '20.00'),
          T('2012-03-26', 'O2K8', 'O2', CD, 'purchase', '200', '20.00'),
          T('2012-03-27', 'O3K11', 'O3', CH, 'purchase', '100', '20.00'),
          T('2012-03-28', 'O1K6', 'O1', CD, 'purchase', '100', '20.00'),
          T('2012-04-02', 'N1K3', 'N1', CD, 'purchase', '200', '20.00'),
          T('2012-04-02', 'N9B1', 'N9', CD, 'purchase', '50', '20.00'),
          T('2012-04-13', 'O1Q5', 'O1', CD, 'reinvest', '30', '20.00'),
          T('2012-04-16', 'N9B1o', 'N9', CD, 'exchange_out', '50', '20.00', 'XB1'),
          T('2012-04-16', 'N9B1i', 'N9', EG, 'exchange_in', '100', '10.00', 'XB1'),
          T('2012-04-20', 'O1X1', 'O1', CD, 'redeem', '20', '20.00'),
          T('2012-04-27', 'O2Q7', 'O2', CD, 'reinvest', '9', '20.00'),
          T('2012-04-27', 'O3Q9', 'O3', CH, 'reinvest', '17', '20.00'),
          T('2012-04-30', 'N1Q2', 'N1', CD, 'reinvest', '10', '20.00'),
          T('2012-05-01', 'N9A2o', 'N9', CD, 'exchange_out', '90', '22.00', 'XA2'),
          T('2012-05-01', 'N9A2i', 'N9', DD, 'exchange_in', '198', '10.00', 'XA2'),
          T('2012-05-01', 'N9B2o', 'N9', EG, 'exchange_out', '100', '10.00', 'XB2'),
          T('2012-05-01', 'N9B2i', 'N9', DD, 'exchange_in', '100', '10.00', 'XB2'),
          T('2012-05-14', 'O2Xo', 'O2', EG, 'exchange_out', '60', '10.00', 'XO2'),
          T('2012-05-14', 'O2Xi', 'O2', CD, 'exchange_in', '30', '20.00', 'XO2'),
          T('2012-05-25', 'N9X9', 'N9', DD, 'redeem', '298', '11.00'),
          T('2012-05-31', 'O3V1', 'O3', CH, 'convert', '220.8889', ''),
          T('2012-06-15', 'O3Q10', 'O3', CH, 'reinvest', '10', '20.00'),
        ]),
      );
      await s.ok(
        'omnibus',
        'import',
        s.file('omnibus.csv', [
          'month,account,portfolio,free_shares_issued,free_shares_redeemed,free_shares_outstanding',
          `2012-03,O1,${CD},12,0,72`,
          `2012-04,O1,${CD},30,20,82`,
          `2012-05,O1,${CD},0,0,82`,
          `2012-06,O1,${CD},0,0,82`,
          `2012-03,O2,${CD},0,0,20`,
          `2012-04,O2,${CD},9,0,29`,
          `2012-05,O2,${CD},0,0,34`,
          `2012-06,O2,${CD},0,0,34`,
          `2012-03,O2,${EG},0,0,10`,
          `2012-04,O2,${EG},0,0,10`,
          `2012-05,O2,${EG},0,0,0`,
          `2012-03,O3,${CH},0,0,30`,
          `2012-04,O3,${CH},17,0,47`,
          `2012-05,O3,${CH},0,0,26.1111`,
          `2012-06,O3,${CH},10,0,36.1111`,
        ]),
      );
      await s.ok(
        'transfers',
        'import',
        s.file('transfers.csv', [
          'id,assignee,address,portfolio,twelve_b1_portion_pct,cdsc_portion_pct,doi_from,doi_to,effective_date,notice_received_date,payment,depository_agent',
          `TL,Lambda Funding LLC,2 Main St,${CH},50,0,2004-01-01,2004-12-31,2012-04-01,2012-04-02,direct,`,
        ]),
      );
      await s.ok(
        'net-assets',
        'import',
        s.file('net-assets.csv', [
          'date,portfolio,class,net_assets',
          ...businessDays('2012-03-01', '2012-06-30').flatMap((d) => [
            `${d},${CD},B,3660000.00`,
            `${d},${CH},B,1830000.00`,
          ]),
        ]),
      );
    });
    afterAll(() => store?.remove());

    const computations = async (month: string, portfolio: string) => {
      const r = await store.json<ShareReport>('distributor-share', '--month', month);
      return r.portfolios
        .find((p) => p.portfolio === portfolio)!
        .computations.map((c) => [
          c.date,
          c.sharePct,
          c.numerator,
          c.denominator,
          ...c.byRule
            .filter((b) => b.distributor !== HARBOR)
            .map((b) => [
              b.distributor,
              b.a_commissionShares,
              b.b_freeShares,
              b.c_omnibusFreeShares,
              b.total,
            ]),
        ]);
    };

    it('the counts at E and each month end: conversions leave them, 2(c) per Omnibus Account summed', async () => {
      expect(await computations('2012-03', CD)).toEqual([
        [
          '2012-03-15',
          '100.0000',
          '2410.0000',
          '2410.0000',
          [AIM, '2290.0000', '40.0000', '80.0000', '2410.0000'],
          [BEACON, '0.0000', '0.0000', '0.0000', '0.0000'],
        ],
        [
          '2012-03-31',
          '82.5860',
          '1897.0000',
          '2297.0000',
          [AIM, '1790.0000', '15.0000', '92.0000', '1897.0000'],
          [BEACON, '400.0000', '0.0000', '0.0000', '400.0000'],
        ],
      ]);
      expect((await computations('2012-05', CD)).map((c) => c.slice(0, 6))).toEqual([
        [
          '2012-04-30',
          '73.8930',
          '1866.5371',
          '2526.0000',
          [AIM, '1740.0000', '21.0000', '105.5371', '1866.5371'],
          [BEACON, '650.0000', '4.0000', '5.4629', '659.4629'],
        ],
        [
          '2012-05-31',
          '75.2651',
          '1856.0365',
          '2466.0000',
          [AIM, '1725.0000', '21.0000', '110.0365', '1856.0365'],
          [BEACON, '600.0000', '4.0000', '5.9635', '609.9635'],
        ],
      ]);
      expect((await computations('2012-05', CH)).map((c) => c.slice(2))).toEqual([
        [
          '393.4583',
          '497.0000',
          [AIM, '350.0000', '0.0000', '43.4583', '393.4583'],
          [BEACON, '100.0000', '0.0000', '3.5417', '103.5417'],
        ],
        [
          '174.1435',
          '276.1111',
          [AIM, '150.0000', '0.0000', '24.1435', '174.1435'],
          [BEACON, '100.0000', '0.0000', '1.9676', '101.9676'],
        ],
      ]);
      // June's own issue is attributed by B/C taken after the May conversion
      expect((await computations('2012-06', CH)).map((c) => c.slice(2))[1]).toEqual([
        '180.4505',
        '286.1111',
        [AIM, '150.0000', '0.0000', '30.4505', '180.4505'],
        [BEACON, '100.0000', '0.0000', '5.6606', '105.6606'],
      ]);
    });

    it('no warning about a predecessor when every Omnibus Free Share was issued after its term', async () => {
      // O2 held 10 Free EG Shares at E, reinvested 2010-12-31 — ten years after Harbor's term: the
      // Distributor starting 2(c) with them is no case Exhibit A leaves open.
      const r = await store.json<ShareReport>('distributor-share', '--month', '2012-03');
      expect(r.warnings).toEqual([]);
      expect((await store.json<MonthlyCalc>('monthly-calculation', '--month', '2012-03')).warnings).toEqual(
        [],
      );
    });

    it('the Monthly Calculation splits each day by the share in force; every percentage shown reproduces its dollars', async () => {
      const expected: Record<
        string,
        { due: string; rows: [string, string, string, [string, string, string][]][] }
      > = {
        '2012-03': {
          due: '2012-04-16',
          rows: [
            [
              CD,
              '2325.00',
              '2325.00',
              [
                [AIM, '100.0000', '1125.00'],
                [AIM, '100.0000', '1200.00'],
              ],
            ],
            [
              CH,
              '1162.50',
              '1162.50',
              [
                [AIM, '100.0000', '562.50'],
                [AIM, '100.0000', '600.00'],
              ],
            ],
          ],
        },
        '2012-04': {
          due: '2012-05-14',
          rows: [
            [
              CD,
              '2250.00',
              '1858.20',
              [
                [AIM, '82.5867', '1858.20'],
                [BEACON, '17.4133', '391.80'],
              ],
            ],
            [
              CH,
              '1125.00',
              '890.70',
              [
                [AIM, '79.1733', '890.70'],
                [BEACON, '20.8267', '234.30'],
              ],
            ],
          ],
        },
        '2012-05': {
          due: '2012-06-14',
          rows: [
            [
              CD,
              '2325.00',
              '1718.02',
              [
                [AIM, '73.8933', '1718.02'],
                [BEACON, '26.1067', '606.98'],
              ],
            ],
            [
              CH,
              '1162.50',
              '920.39',
              [
                [AIM, '79.1733', '920.39'],
                [BEACON, '20.8267', '242.11'],
              ],
            ],
          ],
        },
        '2012-06': {
          due: '2012-07-16',
          rows: [
            [
              CD,
              '2250.00',
              '1693.50',
              [
                [AIM, '75.2667', '1693.50'],
                [BEACON, '24.7333', '556.50'],
              ],
            ],
            [
              CH,
              '1125.00',
              '709.50',
              [
                [AIM, '63.0667', '709.50'],
                [BEACON, '36.9333', '415.50'],
              ],
            ],
          ],
        },
      };
      for (const [month, { due, rows }] of Object.entries(expected)) {
        const mc = await store.json<MonthlyCalc>('monthly-calculation', '--month', month);
        expect(mc.dueDate, month).toBe(due);
        for (const [portfolio, fee, share, parties] of rows) {
          const p = mc.portfolios.find((x) => x.portfolio === portfolio)!;
          expect([p.distributionFee, p.distributor12b1Share], `${month} ${portfolio}`).toEqual([fee, share]);
          const shown = p.computations.flatMap((c) =>
            c.parties
              .filter((x) => x.twelveB1Share !== '0.00' || x.distributor === AIM)
              .map((x) => [x.distributor, x.sharePct, x.twelveB1Share] as [string, string, string]),
          );
          expect(shown, `${month} ${portfolio}`).toEqual(parties);
          for (const c of p.computations)
            for (const x of c.parties)
              expect(
                reproduces(x.sharePct, c.distributionFee, x.twelveB1Share),
                `${month} ${x.distributor}`,
              ).toBe(true);
        }
      }
    });

    it('a DOI-range Transfer is counted at each month end: its shares gone by conversion, its portion is nothing', async () => {
      const portions: string[][] = [];
      for (const month of ['2012-04', '2012-05', '2012-06']) {
        const st = await store.json<{
          lines: { distributor12b1Share: string; twelveB1Portion: string; payTo: string }[];
        }>('transfers', 'statement', '--assignee', 'Lambda Funding LLC', '--month', month);
        portions.push(st.lines.flatMap((l) => [month, l.distributor12b1Share, l.twelveB1Portion, l.payTo]));
      }
      expect(portions).toEqual([
        ['2012-04', '890.70', '234.39', 'Lambda Funding LLC'],
        ['2012-05', '920.39', '233.92', 'Lambda Funding LLC'],
        ['2012-06', '709.50', '0.00', 'Lambda Funding LLC'],
      ]);
    });

    it('CDSC through chains of free exchanges goes to the distributor of the first issuance', async () => {
      const r = await store.json<{
        redemptions: {
          txnId: string;
          gross: string;
          cdsc: string;
          net: string;
          pieces: {
            lotId: string;
            shares: string;
            cost: string;
            base: string;
            cdsc: string;
            earnedBy: string;
            issuingPortfolio: string;
          }[];
        }[];
      }>('redemptions', '--from', '2003-01-01', '--to', '2012-12-31');
      expect(
        r.redemptions
          .filter((x) => x.txnId.startsWith('N9'))
          .map((x) => [
            x.txnId,
            x.gross,
            x.cdsc,
            x.net,
            x.pieces.map((p) => [p.lotId, p.issuingPortfolio, p.shares, p.cost, p.base, p.cdsc, p.earnedBy]),
          ]),
      ).toEqual([
        [
          'N9H3',
          '945.00',
          '18.90',
          '926.10',
          [['N9H1', EG, '90.0000', '1000.00', '945.00', '18.90', HARBOR]],
        ],
        [
          'N9X9',
          '3278.00',
          '98.00',
          '3180.00',
          [
            ['N9A1', EG, '88.0000', '711.11', '711.11', '21.33', AIM],
            ['N9A1', EG, '100.0000', '888.89', '888.89', '26.67', AIM],
            ['N9B1', CD, '110.0000', '1000.00', '1000.00', '50.00', BEACON],
          ],
        ],
      ]);
      const cdsc = await store.json<{
        rows: { portfolio: string; distributor: string; cdsc: string }[];
        totalCdsc: string;
      }>('cdsc', '--from', '2003-01-01', '--to', '2012-12-31');
      expect(cdsc.rows.map((x) => [x.portfolio, x.distributor, x.cdsc])).toEqual([
        [DD, AIM, '48.00'],
        [DD, BEACON, '50.00'],
        [DD, HARBOR, '18.90'],
      ]);
      expect(cdsc.totalCdsc).toBe('116.90'); // 48.00 + 50.00 + 18.90
      // the Monthly Calculation of May carries the Distributor's Earned CDSC of DD only (no fee there)
      const may = await store.json<MonthlyCalc>('monthly-calculation', '--month', '2012-05');
      const dd = may.portfolios.find((p) => p.portfolio === DD)!;
      expect([dd.distributionFee, dd.distributor12b1Share, dd.earnedCdsc]).toEqual(['0.00', '0.00', '48.00']);
    });
  },
);
