import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliStore, classBAgreementSeeds, cliStore } from '../calc7/support.js';
import { seedsAvailable } from '../support/seeds.js';

/**
 * The Class B shareholder arithmetic of SPEC §6 (Agreement FOURTH(D), Exhibit A 1.) worked by hand
 * and checked through the CLI as a user drives it: `transactions import`, then `redemptions`,
 * `conversions`, `lots`, `cdsc`. Seeds 003 + 004 (the Class B Agreement); AIM Distributors Inc.
 * exclusive for every portfolio from 2000-01-03. Default terms: CDSC 5, 4, 3, 3, 2, 1% in years
 * 1–6 since the DOI (anniversaries; a Feb 29 DOI has its anniversary on Feb 28), conversion at the
 * end of the month of the 8th anniversary. AIM Constellation Fund converts after 6 years; AIM
 * Aggressive Growth Fund charges a 2% redemption fee on shares held fewer than 30 days since
 * their DOI (class-b-terms).
 *
 * S1 (a Feb 29 DOI), AIM Blue Chip Fund: P1 100 at 10.00 on 2008-02-29 (cost 1,000.00).
 *  X0 2013-02-27, 10 at 9.00: the 5th anniversary is 2013-02-28, not reached → year 5, 2%;
 *     cost 1,000.00 × 10/100 = 100.00, value 90.00 (the price fell) → 2% × 90.00 = 1.80;
 *     gross 90.00, net 88.20. P1 keeps 90 / 900.00.
 *  X1 2013-02-28, 30 at 9.50, on the anniversary itself → year 6, 1%; cost 900.00 × 30/90 =
 *     300.00, value 285.00 → 2.85; net 282.15. P1 keeps 60 / 600.00.
 *  X2 2014-02-28, 10 at 10.00: the 6th anniversary (Feb 28 for a Feb 29 DOI) → year 7, 0%.
 *  P1's last 50 / 500.00 convert on 2016-02-29 (8th anniversary in a leap year: the month end).
 * S2 (one redemption across every kind of lot), AIM Charter Fund:
 *  A1 120 at 7.00 on 2003-06-02 (840.00: 6th anniversary 2009-06-02 → no CDSC by 2010);
 *  A2 150 at 9.00 on 2005-09-01 (1,350.00: 4 anniversaries by 2010-03-15 → year 5, 2%);
 *  A3 333 at 10.01 on 2008-11-03 (3,333.33: 1 anniversary → year 2, 4%);
 *  A4 70 at 11.00 on 2009-10-01 (770.00: year 1); F1 12.5 reinvested at 10.40 on 2009-12-31 (130.00).
 *  Y1 2010-03-15 redeems 400 at 9.70 (gross 3,880.00), in SPEC §6 order:
 *    F1 12.5 Free (no CDSC); A1 120 aged (0%); A2 150: 2% × min(1,350.00, 1,455.00) = 27.00;
 *    A3 the rest, 400 − 12.5 − 120 − 150 = 117.5: cost 3,333.33 × 117.5/333 = 1,176.175 exactly →
 *    half-up 1,176.18; value 117.5 × 9.70 = 1,139.75 < cost → 4% × 1,139.75 = 45.59.
 *    CDSC 72.59, net 3,807.41; A3 keeps 215.5 / 3,333.33 − 1,176.18 = 2,157.15; A4 untouched.
 * S3 (conversions: several DOIs, Free Shares pro rata, another period):
 *  Blue Chip: C1 100 on 2005-04-11, C2 60 on 2005-04-28, C3 140 on 2006-01-17 (10.00 each);
 *    G1 46 Free at 12.00 on 2007-12-31 (552.00).
 *    2013-04-30: C1 + C2 = 160 of 300 Commission Shares convert, with 46 × 160/300 = 24.5333…
 *      → 24.5333 Free, cost 552.00 × 24.5333/46 = 294.3996 → 294.40 (the transfer agent's
 *      convert row says 184.5333 = 160 + 24.5333).
 *    2014-01-31: C3 140 of 140 → the other 21.4667 Free, 552.00 − 294.40 = 257.60.
 *  Constellation (6 years): C4 80 at 5.00 on 2008-02-29 (400.00), G2 8 Free at 5.00 on 2008-12-31
 *    (40.00), C5 40 at 5.00 on 2009-03-02 (200.00).
 *    2014-02-28 (6th anniversary of a Feb 29 DOI): C4 80 of 120 → 8 × 80/120 = 5.3333 Free,
 *      40.00 × 5.3333/8 = 26.66665 → 26.67.  2015-03-31: C5 40 of 40 → 2.6667 Free, 13.33.
 * W1 (waivers), AIM Dent Demographic Trends Fund: 1,000 at 10.00 on 2010-01-04 (year 1, 5%).
 *  Systematic withdrawals of 2010: allowance 12% × 1,000 × 11.00 (the first one's price) = 1,320.00.
 *    W1A 50 at 11.00 = 550.00: waived 5% × min(500.00, 550.00) = 25.00; W1B 70 at 11.00 = 770.00
 *    (1,320.00 in all, the allowance exactly): waived 35.00. One more share at 11.00 as a systematic
 *    withdrawal would reach 1,331.00: refused (68); as a plain redemption W1C: 5% × 10.00 = 0.50.
 *  Each other code, 10 at 9.00 (gross 90.00): waived 5% × min(100.00, 90.00) = 4.50, CDSC 0.00,
 *    net 90.00.
 * W2 (redemption fee), AIM Aggressive Growth Fund: 200 at 10.00 on 2010-01-04, 100 at 12.00 on
 *  2010-02-01. X1 2010-02-16 250 at 12.34 (gross 3,085.00): 200 of 2010-01-04: 5% × min(2,000.00,
 *  2,468.00) = 100.00, held 43 days: no fee; 50 of 2010-02-01: 5% × min(600.00, 617.00) = 30.00,
 *  held 15 days → fee 2% × 617.00 = 12.34. Net 3,085.00 − 130.00 − 12.34 = 2,942.66.
 *  X2 2010-03-02 10 at 12.00 (29 days): CDSC 6.00, fee 2.40, net 111.60; X3 2010-03-03 (30 days):
 *  CDSC 6.00, no fee, net 114.00.
 * W3 (an exchange at a price ratio, then redemptions): 300 Dent at 10.00 on 2010-01-04 (3,000.00)
 *  → 2010-06-01 exchanged at 10.40 for 300 × 10.40/13.00 = 240 Aggressive Growth at 13.00, DOI and
 *  cost kept. X1 2010-06-10 40 at 13.50: 9 days after the exchange but 157 after the DOI → no fee;
 *  cost 3,000.00 × 40/240 = 500.00 → 5% × min(500.00, 540.00) = 25.00. X2 2011-03-01 100 at 12.00:
 *  year 2 → cost 2,500.00 × 100/200 = 1,250.00, value 1,200.00 → 4% × 1,200.00 = 48.00.
 * V1 (the base is exact, not rounded first): 100.0999 Blue Chip at 1.0100 on 2010-01-04 (cost
 *  101.1009 → 101.10), all redeemed at 1.0000 on 2010-06-01: gross 100.0999 → 100.10; base
 *  min(101.10, 100.0999) = 100.0999 → 5% = 5.004995 → 5.00 (a base rounded to 100.10 would give 5.01).
 * V2 (a waiver waives the CDSC, not the redemption fee): AIM Basic Value II Fund charges 1.5% on
 *  every share; 100 at 10.00 on 2010-01-04, 10 redeemed at 10.00 on 2010-06-01 on death: CDSC
 *  5% × 100.00 = 5.00 waived, fee 1.5% × 100.00 = 1.50 retained, net 98.50.
 * V3 (a CDSC schedule by DOI from a Feb 29): AIM Core Strategies Fund "4,3,2,1" for DOIs from
 *  2008-02-29; 10 at 10.00 on 2008-02-28 (default schedule) and 10 on 2008-02-29 (the new one), all
 *  20 redeemed at 10.00 on 2009-02-27, before either anniversary (both fall on 2009-02-28): year 1,
 *  5% × 100.00 + 4% × 100.00 = 9.00.
 */

const BC = 'AIM Blue Chip Fund';
const CH = 'AIM Charter Fund';
const CO = 'AIM Constellation Fund';
const DT = 'AIM Dent Demographic Trends Fund';
const AG = 'AIM Aggressive Growth Fund';
const BV2 = 'AIM Basic Value II Fund';
const CS = 'AIM Core Strategies Fund';
const AIM = 'AIM Distributors Inc.';
const HEADER = 'date,txn_id,account,portfolio,class,type,shares,price,exchange_id,waiver';

interface Piece {
  lotId: string;
  kind: string;
  dateOfOriginalIssuance: string;
  shares: string;
  cost: string;
  ratePct: string;
  base: string;
  cdsc: string;
  cdscWaived: string;
  earnedBy: string | null;
}
interface Redemption {
  txnId: string;
  waiver: string | null;
  gross: string;
  cdsc: string;
  cdscWaived: string;
  redemptionFee: string;
  net: string;
  pieces: Piece[];
}
interface Conversions {
  date: string;
  conversions: {
    account: string;
    portfolio: string;
    commissionShares: string;
    freeShares: string;
    shares: string;
    confirmedBy: string[];
    lots: { lotId: string; kind: string; shares: string; cost: string }[];
  }[];
}

let store: CliStore;
let redemptions: Map<string, Redemption>;

describe.skipIf(!seedsAvailable)(
  'Class B conversions and CDSC edges, worked by hand, through the CLI',
  () => {
    beforeAll(async () => {
      store = await cliStore('calc8-ledger');
      const s = store;
      await s.ok('init');
      await s.ok('exhibit', 'import', ...classBAgreementSeeds());
      await s.ok(
        'accounts',
        'import',
        s.file('accounts.csv', [
          'account,omnibus,dealer_of_record',
          ...['S1', 'S2', 'S3', 'W1', 'W2', 'W3', 'V1', 'V2', 'V3'].map((a) => `${a},no,D`),
        ]),
      );
      await s.ok(
        'distributors',
        'import',
        s.file('distributors.csv', ['portfolio,distributor,start,end', `all,${AIM},2000-01-03,`]),
      );
      await s.ok(
        'class-b-terms',
        'import',
        s.file('terms.csv', [
          'rule,portfolio,doi_from,doi_to,cdsc_schedule_pct,conversion_years,redemption_fee_pct,redemption_fee_days',
          `conversion-period,${CO},,,,6,,`,
          `redemption-fee,${AG},,,,,2,30`,
          `redemption-fee,${BV2},,,,,1.5,`,
          `cdsc-schedule,${CS},2008-02-29,,"4,3,2,1",,,`,
        ]),
      );
      await s.ok(
        'transactions',
        'import',
        s.file('transactions.csv', [
          HEADER,
          `2008-02-29,S1P1,S1,${BC},B,purchase,100,10.00,,`,
          `2013-02-27,S1X0,S1,${BC},B,redeem,10,9.00,,`,
          `2013-02-28,S1X1,S1,${BC},B,redeem,30,9.50,,`,
          `2014-02-28,S1X2,S1,${BC},B,redeem,10,10.00,,`,
          `2003-06-02,S2A1,S2,${CH},B,purchase,120,7.00,,`,
          `2005-09-01,S2A2,S2,${CH},B,purchase,150,9.00,,`,
          `2008-11-03,S2A3,S2,${CH},B,purchase,333,10.01,,`,
          `2009-10-01,S2A4,S2,${CH},B,purchase,70,11.00,,`,
          `2009-12-31,S2F1,S2,${CH},B,reinvest,12.5,10.40,,`,
          `2010-03-15,S2Y1,S2,${CH},B,redeem,400,9.70,,`,
          `2005-04-11,S3C1,S3,${BC},B,purchase,100,10.00,,`,
          `2005-04-28,S3C2,S3,${BC},B,purchase,60,10.00,,`,
          `2006-01-17,S3C3,S3,${BC},B,purchase,140,10.00,,`,
          `2007-12-31,S3G1,S3,${BC},B,reinvest,46,12.00,,`,
          `2008-02-29,S3C4,S3,${CO},B,purchase,80,5.00,,`,
          `2008-12-31,S3G2,S3,${CO},B,reinvest,8,5.00,,`,
          `2009-03-02,S3C5,S3,${CO},B,purchase,40,5.00,,`,
          `2013-04-30,S3V1,S3,${BC},B,convert,184.5333,,,`,
          `2010-01-04,W1P,W1,${DT},B,purchase,1000,10.00,,`,
          `2010-02-01,W1A,W1,${DT},B,redeem,50,11.00,,systematic_withdrawal`,
          `2010-03-01,W1B,W1,${DT},B,redeem,70,11.00,,systematic_withdrawal`,
          `2010-04-01,W1C,W1,${DT},B,redeem,1,11.00,,`,
          `2010-05-03,W1D,W1,${DT},B,redeem,10,9.00,,death`,
          `2010-05-04,W1E,W1,${DT},B,redeem,10,9.00,,disability`,
          `2010-05-05,W1F,W1,${DT},B,redeem,10,9.00,,required_minimum_distribution`,
          `2010-05-06,W1G,W1,${DT},B,redeem,10,9.00,,excess_contribution`,
          `2010-05-07,W1H,W1,${DT},B,redeem,10,9.00,,involuntary_small_account`,
          `2010-05-10,W1I,W1,${DT},B,redeem,10,9.00,,reorganization`,
          `2010-01-04,W2P1,W2,${AG},B,purchase,200,10.00,,`,
          `2010-02-01,W2P2,W2,${AG},B,purchase,100,12.00,,`,
          `2010-02-16,W2X1,W2,${AG},B,redeem,250,12.34,,`,
          `2010-03-02,W2X2,W2,${AG},B,redeem,10,12.00,,`,
          `2010-03-03,W2X3,W2,${AG},B,redeem,10,12.00,,`,
          `2010-01-04,W3P,W3,${DT},B,purchase,300,10.00,,`,
          `2010-06-01,W3O,W3,${DT},B,exchange_out,300,10.40,E3,`,
          `2010-06-01,W3I,W3,${AG},B,exchange_in,240,13.00,E3,`,
          `2010-06-10,W3X1,W3,${AG},B,redeem,40,13.50,,`,
          `2011-03-01,W3X2,W3,${AG},B,redeem,100,12.00,,`,
          `2010-01-04,V1P,V1,${BC},B,purchase,100.0999,1.0100,,`,
          `2010-06-01,V1X,V1,${BC},B,redeem,100.0999,1.0000,,`,
          `2010-01-04,V2P,V2,${BV2},B,purchase,100,10.00,,`,
          `2010-06-01,V2X,V2,${BV2},B,redeem,10,10.00,,death`,
          `2008-02-28,V3A,V3,${CS},B,purchase,10,10.00,,`,
          `2008-02-29,V3B,V3,${CS},B,purchase,10,10.00,,`,
          `2009-02-27,V3X,V3,${CS},B,redeem,20,10.00,,`,
        ]),
      );
      const r = await s.json<{ redemptions: Redemption[] }>(
        'redemptions',
        '--from',
        '2000-01-01',
        '--to',
        '2020-12-31',
      );
      redemptions = new Map(r.redemptions.map((x) => [x.txnId, x]));
    });
    afterAll(() => store?.remove());

    const figures = (id: string) => {
      const r = redemptions.get(id)!;
      return [r.gross, r.cdsc, r.cdscWaived, r.redemptionFee, r.net];
    };
    const pieces = (id: string) =>
      redemptions.get(id)!.pieces.map((p) => [p.lotId, p.kind, p.shares, p.cost, p.ratePct, p.base, p.cdsc]);

    it('a Feb 29 DOI: the day before its Feb 28 anniversary, on it, and a year later', () => {
      expect(figures('S1X0')).toEqual(['90.00', '1.80', '0.00', '0.00', '88.20']);
      expect(pieces('S1X0')).toEqual([['S1P1', 'commission', '10.0000', '100.00', '2.00', '90.00', '1.80']]);
      expect(figures('S1X1')).toEqual(['285.00', '2.85', '0.00', '0.00', '282.15']);
      expect(pieces('S1X1')).toEqual([['S1P1', 'commission', '30.0000', '300.00', '1.00', '285.00', '2.85']]);
      expect(figures('S1X2')).toEqual(['100.00', '0.00', '0.00', '0.00', '100.00']);
      expect(redemptions.get('S1X2')!.pieces[0]!.ratePct).toBe('0.00');
    });

    it('one redemption takes Free Shares, then aged Commission Shares, then CDSC lots oldest first; a half cent of cost rounds up', async () => {
      expect(figures('S2Y1')).toEqual(['3880.00', '72.59', '0.00', '0.00', '3807.41']);
      expect(pieces('S2Y1').map((p) => [p[0], p[1], p[2], p[3], p[4], p[6]])).toEqual([
        ['S2F1', 'free', '12.5000', '130.00', '0.00', '0.00'],
        ['S2A1', 'commission', '120.0000', '840.00', '0.00', '0.00'],
        ['S2A2', 'commission', '150.0000', '1350.00', '2.00', '27.00'],
        ['S2A3', 'commission', '117.5000', '1176.18', '4.00', '45.59'],
      ]);
      expect(
        redemptions
          .get('S2Y1')!
          .pieces.map((p) => p.base)
          .slice(2),
      ).toEqual(['1350.00', '1139.75']);
      const lots = await store.json<{ lots: { lotId: string; shares: string; cost: string }[] }>(
        'lots',
        '--account',
        'S2',
        '--as-of',
        '2010-03-15',
      );
      expect(lots.lots.map((l) => [l.lotId, l.shares, l.cost])).toEqual([
        ['S2A3', '215.5000', '2157.15'],
        ['S2A4', '70.0000', '770.00'],
      ]);
    });

    it('conversions: two DOIs of one month together, Free Shares pro rata with their cost, a six-year portfolio, a leap-day month end', async () => {
      const month = async (m: string) => {
        const c = await store.json<Conversions>('conversions', '--month', m);
        return [
          c.date,
          ...c.conversions.map((x) => [
            x.account,
            x.portfolio,
            x.commissionShares,
            x.freeShares,
            x.shares,
            x.confirmedBy,
            x.lots.map((l) => [l.lotId, l.kind, l.shares, l.cost]),
          ]),
        ];
      };
      expect(await month('2013-04')).toEqual([
        '2013-04-30',
        [
          'S3',
          BC,
          '160.0000',
          '24.5333',
          '184.5333',
          ['S3V1'],
          [
            ['S3G1', 'free', '24.5333', '294.40'],
            ['S3C1', 'commission', '100.0000', '1000.00'],
            ['S3C2', 'commission', '60.0000', '600.00'],
          ],
        ],
      ]);
      expect(await month('2014-01')).toEqual([
        '2014-01-31',
        [
          'S3',
          BC,
          '140.0000',
          '21.4667',
          '161.4667',
          [],
          [
            ['S3G1', 'free', '21.4667', '257.60'],
            ['S3C3', 'commission', '140.0000', '1400.00'],
          ],
        ],
      ]);
      expect(await month('2014-02')).toEqual([
        '2014-02-28',
        [
          'S3',
          CO,
          '80.0000',
          '5.3333',
          '85.3333',
          [],
          [
            ['S3G2', 'free', '5.3333', '26.67'],
            ['S3C4', 'commission', '80.0000', '400.00'],
          ],
        ],
      ]);
      expect(await month('2015-03')).toEqual([
        '2015-03-31',
        [
          'S3',
          CO,
          '40.0000',
          '2.6667',
          '42.6667',
          [],
          [
            ['S3G2', 'free', '2.6667', '13.33'],
            ['S3C5', 'commission', '40.0000', '200.00'],
          ],
        ],
      ]);
      expect(await month('2016-02')).toEqual([
        '2016-02-29',
        ['S1', BC, '50.0000', '0.0000', '50.0000', [], [['S1P1', 'commission', '50.0000', '500.00']]],
      ]);
    });

    it('a convert row one ten-thousandth short of the conversion due is refused, naming the figure due', async () => {
      const r = await store.run(
        'transactions',
        'import',
        store.file('short-convert.csv', [HEADER, `2014-01-31,S3V2,S3,${BC},B,convert,161.4666,,,`]),
      );
      expect(r.code).toBe(68);
      expect(r.stderr).toContain('161.4667');
    });

    it('every waiver code records the CDSC waived; systematic withdrawals up to 12% of the value, the excess refused', async () => {
      expect(figures('W1A')).toEqual(['550.00', '0.00', '25.00', '0.00', '550.00']);
      expect(figures('W1B')).toEqual(['770.00', '0.00', '35.00', '0.00', '770.00']);
      expect(figures('W1C')).toEqual(['11.00', '0.50', '0.00', '0.00', '10.50']);
      for (const id of ['W1D', 'W1E', 'W1F', 'W1G', 'W1H', 'W1I']) {
        expect(figures(id), id).toEqual(['90.00', '0.00', '4.50', '0.00', '90.00']);
        expect(redemptions.get(id)!.pieces.map((p) => [p.base, p.cdsc, p.cdscWaived])).toEqual([
          ['90.00', '0.00', '4.50'],
        ]);
      }
      expect(['W1D', 'W1E', 'W1F', 'W1G', 'W1H', 'W1I'].map((id) => redemptions.get(id)!.waiver)).toEqual([
        'death',
        'disability',
        'required_minimum_distribution',
        'excess_contribution',
        'involuntary_small_account',
        'reorganization',
      ]);
      const over = await store.run(
        'transactions',
        'import',
        store.file('over.csv', [HEADER, `2010-04-02,W1Z,W1,${DT},B,redeem,1,11.00,,systematic_withdrawal`]),
      );
      expect(over.code).toBe(68);
      expect(over.stderr).toContain('$1331.00');
      expect(over.stderr).toContain('$1320.00');
    });

    it('a redemption fee is retained by the portfolio: charged on the young piece only, up to 29 days', () => {
      expect(figures('W2X1')).toEqual(['3085.00', '130.00', '0.00', '12.34', '2942.66']);
      expect(pieces('W2X1').map((p) => [p[0], p[2], p[3], p[6]])).toEqual([
        ['W2P1', '200.0000', '2000.00', '100.00'],
        ['W2P2', '50.0000', '600.00', '30.00'],
      ]);
      expect(figures('W2X2')).toEqual(['120.00', '6.00', '0.00', '2.40', '111.60']);
      expect(figures('W2X3')).toEqual(['120.00', '6.00', '0.00', '0.00', '114.00']);
    });

    it('the CDSC base is exact; a waiver leaves the redemption fee; a schedule by DOI from a Feb 29', () => {
      expect(figures('V1X')).toEqual(['100.10', '5.00', '0.00', '0.00', '95.10']);
      expect(redemptions.get('V1X')!.pieces.map((p) => [p.cost, p.base, p.cdsc])).toEqual([
        ['101.10', '100.0999', '5.00'],
      ]);
      expect(figures('V2X')).toEqual(['100.00', '0.00', '5.00', '1.50', '98.50']);
      expect(figures('V3X')).toEqual(['200.00', '9.00', '0.00', '0.00', '191.00']);
      expect(pieces('V3X').map((p) => [p[0], p[4], p[6]])).toEqual([
        ['V3A', '5.00', '5.00'],
        ['V3B', '4.00', '4.00'],
      ]);
    });

    it('shares exchanged at a price ratio keep their DOI and cost: CDSC and redemption fee measured from the DOI', async () => {
      expect(figures('W3X1')).toEqual(['540.00', '25.00', '0.00', '0.00', '515.00']);
      expect(pieces('W3X1')).toEqual([['W3P', 'commission', '40.0000', '500.00', '5.00', '500.00', '25.00']]);
      expect(figures('W3X2')).toEqual(['1200.00', '48.00', '0.00', '0.00', '1152.00']);
      expect(pieces('W3X2')).toEqual([
        ['W3P', 'commission', '100.0000', '1250.00', '4.00', '1200.00', '48.00'],
      ]);
      expect(redemptions.get('W3X2')!.pieces[0]!.dateOfOriginalIssuance).toBe('2010-01-04');
      // every CDSC here is the Distributor's Earned CDSC (its term holds every DOI)
      const cdsc = await store.json<{
        rows: { portfolio: string; distributor: string; cdsc: string; cdscWaived: string }[];
        totalCdsc: string;
      }>('cdsc', '--from', '2010-01-01', '--to', '2011-12-31');
      // Aggressive Growth 130.00 + 6.00 + 6.00 + 25.00 + 48.00 = 215.00; Blue Chip 5.00 (V1);
      // Basic Value II 5.00 waived (V2); Charter 72.59; Dent 0.50 (W1C), waived 25.00 + 35.00 +
      // 6 × 4.50 = 87.00. Total 215.00 + 5.00 + 72.59 + 0.50 = 293.09.
      expect(cdsc.rows.map((r) => [r.portfolio, r.distributor, r.cdsc, r.cdscWaived])).toEqual([
        [AG, AIM, '215.00', '0.00'],
        [BV2, AIM, '0.00', '5.00'],
        [BC, AIM, '5.00', '0.00'],
        [CH, AIM, '72.59', '0.00'],
        [DT, AIM, '0.50', '87.00'],
      ]);
      expect(cdsc.totalCdsc).toBe('293.09');
    });
  },
);
