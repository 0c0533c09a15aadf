import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/databases.js';
import { AGREEMENT_TEXT, csv, GROWTH, netAssetsRows, ok, workArea } from './support/zenith.js';

/**
 * SPEC §3, §7, §8 (Agreement EIGHTH): the Class B distribution fee split among the Distributor and
 * its Assignees by largest remainder, ties to the party listed first (the Distributor, then the
 * others by id); a portion owed before the Assignee's notice is received is paid to the
 * Distributor and shown as owed on. Worked by hand.
 *
 * Zenith Growth Fund class B (support/zenith.ts Agreement: ABSC 0.75%), Zenith Distributors Inc.
 * exclusive distributor (12b-1 Share 100%). Net assets 36,600,000.00 (→ 750.00 a day, Y = 366)
 * but Tue 2024-04-30 36,600,976.00 → × 0.75 / 100 / 366 = 750.02 exactly.
 * Transfers effective 2024-01-02, each 25% of the 12b-1 Share: TR-1 Zulu Capital LP (notice
 * received 2024-01-02) and TR-2 Alpha Funding LLC (notice received 2024-05-20) — ids in the
 * opposite order of the names.
 *
 * April: 29 × 750.00 + 750.02 = 22,500.02. Distributor 50% = 11,250.01; Zulu and Alpha 25% =
 *   5,625.005 each → floors 11,250.01 + 5,625.00 + 5,625.00 = 22,500.01; the last cent goes to a
 *   tie of remainders (.5 and .5) → the first listed, TR-1 Zulu: 5,625.01; Alpha 5,625.00.
 *   Alpha's notice (received 2024-05-20) comes after April's due date (10th business day: May
 *   1,2,3,6,7,8,9,10,13,14 → 2024-05-14): its 5,625.00 is paid to the Distributor and owed on.
 *   Had the Distributor instructed 2024-05-21, the notice would be in hand: Alpha paid directly.
 * May: 31 × 750.00 = 23,250.00: 11,625.00 / 5,812.50 / 5,812.50 (no remainder), due June 3,4,5,
 *   6,7,10,11,12,13,14 → 2024-06-14, all paid directly.
 */
describe('Class B portions: the tie cent to the first listed; a portion owed before the notice', () => {
  const { dir, db, file } = workArea('classb');
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('agreement.txt', AGREEMENT_TEXT)]);
    await ok(db, [
      'net-assets',
      'import',
      file(
        'na.csv',
        csv(
          'date,portfolio,class,net_assets',
          netAssetsRows(
            GROWTH,
            '2024-04-01',
            '2024-05-31',
            () => '36600000.00',
            { '2024-04-30': '36600976.00' },
            'B',
          ),
        ),
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
            'TR-1,Zulu Capital LP,"9 Ninth Avenue, New York, NY 10011",all,25,25,,,2024-01-02,2024-01-02,direct,,',
            'TR-2,Alpha Funding LLC,"1 First Street, Dover, DE 19901",all,25,25,,,2024-01-02,2024-05-20,direct,,',
          ],
        ),
      ),
    ]);
  });

  const pay = (rows: Record<string, string>[]) =>
    rows.map((r) => [r.payee, r.twelveB1, r.owedOn, r.payable, r.dueDate]);

  it('April: 22,500.02 split 11,250.01 / 5,625.01 (TR-1) / 5,625.00 (TR-2), TR-2 paid through the Distributor', async () => {
    const res = await ok(db, ['monthly-calculation', '--month', '2024-04', '--json']);
    const p = res.portfolios[0];
    expect(p.distributionFee).toBe('22500.02');
    expect(p.distributor12b1Portion).toBe('11250.01');
    expect(
      p.assignees.map((a: Record<string, string>) => [
        a.transferId,
        a.twelveB1Portion,
        a.payTo,
        a.owedOnToAssignee,
      ]),
    ).toEqual([
      ['TR-1', '5625.01', 'Zulu Capital LP', '0.00'],
      ['TR-2', '5625.00', 'Zenith Distributors Inc.', '5625.00'],
    ]);
    // the Distributor is paid its own 11,250.01 and Alpha's 5,625.00 it owes on: 16,875.01
    expect(pay(res.payables)).toEqual([
      ['Zenith Distributors Inc.', '16875.01', '5625.00', '16875.01', '2024-05-14'],
      ['Zulu Capital LP', '5625.01', '0.00', '5625.01', '2024-05-14'],
    ]);
  });

  it('April paid on an instructed 2024-05-21, after the notice: Alpha is paid directly', async () => {
    const res = await ok(db, [
      'monthly-calculation',
      '--month',
      '2024-04',
      '--due-date',
      '2024-05-21',
      '--json',
    ]);
    expect(pay(res.payables)).toEqual([
      ['Zenith Distributors Inc.', '11250.01', '0.00', '11250.01', '2024-05-21'],
      ['Zulu Capital LP', '5625.01', '0.00', '5625.01', '2024-05-21'],
      ['Alpha Funding LLC', '5625.00', '0.00', '5625.00', '2024-05-21'],
    ]);
  });

  it('May: 31 × 750.00 = 23,250.00 → 11,625.00 / 5,812.50 / 5,812.50, all paid directly', async () => {
    const res = await ok(db, ['monthly-calculation', '--month', '2024-05', '--json']);
    expect(pay(res.payables)).toEqual([
      ['Zenith Distributors Inc.', '11625.00', '0.00', '11625.00', '2024-06-14'],
      ['Zulu Capital LP', '5812.50', '0.00', '5812.50', '2024-06-14'],
      ['Alpha Funding LLC', '5812.50', '0.00', '5812.50', '2024-06-14'],
    ]);
  });
});
