import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../support/databases.js';
import {
  AMENDMENT_1_TEXT,
  csv,
  GROWTH,
  INCOME,
  netAssetsRows,
  ok,
  PLAN_TEXT,
  planAmendmentText,
  workArea,
} from './support/zenith.js';

/**
 * SPEC §10, Investment Company Act §2(a)(42): "a majority of the outstanding voting securities" is
 * the lesser of (A) 67% or more of the shares present, if more than 50% of the outstanding are
 * present, or (B) more than 50% of the outstanding — so a vote carries when either holds. Each row
 * below is one meeting of the Class C shareholders of Zenith Growth Fund on Amendment No. 1,
 * recorded through `approvals import` and read back from `approvals list --json`.
 *
 *  outstanding  present    for        by hand
 *  1,000        500        400        present exactly 50%: no (A); 400 not > 500: not carried
 *  1,000        500        500        exactly 50% of the outstanding is not more: not carried
 *  1,000        500.0001   335.0001   (A): 67% × 500.0001 = 335.000067 ≤ 335.0001: carried
 *  1,000        500.0001   335.0000   335.0000 < 335.000067; 335 not > 500: not carried
 *  1,000        600        402        (A): exactly 67% × 600 = 402: carried
 *  1,000        600        401.9999   below 402; not > 500: not carried
 *  1,000        1,000      500.0001   (A) needs 670; (B) 500.0001 > 500: carried — the lesser
 *    999.9999   500        335        500 > 499.99995 present: (A) 67% × 500 = 335: carried
 *  0.0003       0.0002     0.0002     (B) 0.0002 > 0.00015: carried
 */
const VOTES: [string, string, string, string, boolean][] = [
  ['2024-01-08', '1000', '500', '400', false],
  ['2024-01-09', '1000', '500', '500', false],
  ['2024-01-10', '1000', '500.0001', '335.0001', true],
  ['2024-01-11', '1000', '500.0001', '335.0000', false],
  ['2024-01-12', '1000', '600', '402', true],
  ['2024-01-16', '1000', '600', '401.9999', false],
  ['2024-01-17', '1000', '1000', '500.0001', true],
  ['2024-01-18', '999.9999', '500', '335', true],
  ['2024-01-19', '0.0003', '0.0002', '0.0002', true],
];

const APPROVALS_HEADER =
  'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against,disinterested_absent,in_person,called_for_purpose,shares_outstanding,shares_present,shares_for';

describe('shareholder votes at the boundaries of the majority of the outstanding voting securities', () => {
  const { dir, db, file } = workArea('votes');
  let listed: Record<string, unknown>[];
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
    await ok(db, ['exhibit', 'import', file('amendment-1.txt', AMENDMENT_1_TEXT)]);
    const rows = VOTES.map(
      ([date, outstanding, present, votesFor]) =>
        `${date},shareholders,amendment,amendment-1.txt,,${GROWTH},C,,,,,,,,,${outstanding},${present},${votesFor}`,
    );
    const imported = await ok(db, [
      'approvals',
      'import',
      file('approvals.csv', csv(APPROVALS_HEADER, rows)),
      '--json',
    ]);
    // 5 carried, 4 not (the table above)
    expect(imported).toMatchObject({ rows: 9, inserted: 9, approved: 5, notApproved: 4 });
    listed = (await ok(db, ['approvals', 'list', '--json'])).approvals;
  });

  it.each(VOTES)(
    'meeting %s: %s outstanding, %s present, %s for → carried %s',
    (date, _o, _p, _f, carried) => {
      const vote = listed.find((a) => a.meetingDate === date);
      expect(vote).toBeDefined();
      expect(vote?.carried).toBe(carried);
    },
  );

  it('says which test carried it: (B) when 67% of those present is more than half the outstanding', () => {
    expect(listed.find((a) => a.meetingDate === '2024-01-17')?.outcome).toMatch(
      /^approved \(B: more than 50% of the outstanding\)/,
    );
    expect(listed.find((a) => a.meetingDate === '2024-01-12')?.outcome).toMatch(
      /^approved \(A: 67% of those present/,
    );
  });
});

/**
 * The vote decides what governs (SPEC §10, Plan §5, §11; `approvals.enforce true`): Amendment No. 2,
 * effective 2024-03-01, raises Zenith Growth Fund's ABSC from 0.50% (Amendment No. 1) back to 0.75%
 * and its aggregate from 0.75% to 1.00% — a material increase, needing the Class C shareholders.
 * Board: the Plan 2022-12-15, its continuance 2023-12-14 (first deadline 2024-01-03, a year after
 * its date), Amendment No. 1 on 2024-02-01, Amendment No. 2 on 2024-02-20 (9 trustees, 8 for, 6
 * Dis-interested Trustees all for, in person). Shareholders on Amendment No. 2: Mon 2024-02-26
 * 1,000 / 500 present / 400 for — exactly 50% present, not carried; Tue 2024-03-12 1,000 / 600 / 402
 * — exactly 67% of those present, carried. So it governs from 2024-03-12 (the last approval it
 * needs, later than its effective date); Mar 1–11 stay at Amendment No. 1's 0.50%.
 *
 * Net assets 36,600,000.00 (2024, Y = 366): 0.75% → 750.00, 0.50% → 500.00, service 250.00 a day.
 *   2024-02: Feb 1–14 14 × 750.00 + Feb 15–29 15 × 500.00 = 10,500.00 + 7,500.00 = 18,000.00
 *   2024-03: Mar 1–11 11 × 500.00 + Mar 12–31 20 × 750.00 = 5,500.00 + 15,000.00 = 20,500.00
 *   service: 29 × 250.00 = 7,250.00; 31 × 250.00 = 7,750.00
 */
describe('a material increase governs from the shareholder vote that carries it', () => {
  const { dir, db, file } = workArea('votes-fees');
  beforeAll(async () => {
    await freshDatabase('pglite', dir);
    await ok(db, ['exhibit', 'import', file('plan.txt', PLAN_TEXT)]);
    await ok(db, ['exhibit', 'import', file('amendment-1.txt', AMENDMENT_1_TEXT)]);
    await ok(db, [
      'exhibit',
      'import',
      file(
        'amendment-2.txt',
        planAmendmentText(2, 'March 1, 2024', [
          [GROWTH, '0.75', '0.25', '1.00'],
          [INCOME, '0.75', '0.25', '1.00'],
        ]),
      ),
    ]);
    const board = (date: string, approves: string, document: string) =>
      `${date},board,${approves},${document},,,,8,0,1,6,0,0,yes,yes,,,`;
    await ok(db, [
      'approvals',
      'import',
      file(
        'approvals.csv',
        csv(APPROVALS_HEADER, [
          board('2022-12-15', 'instrument', 'plan.txt'),
          board('2023-12-14', 'continuance', 'plan.txt'),
          board('2024-02-01', 'amendment', 'amendment-1.txt'),
          board('2024-02-20', 'amendment', 'amendment-2.txt'),
          `2024-02-26,shareholders,amendment,amendment-2.txt,,${GROWTH},C,,,,,,,,,1000,500,400`,
          `2024-03-12,shareholders,amendment,amendment-2.txt,,${GROWTH},C,,,,,,,,,1000,600,402`,
        ]),
      ),
    ]);
    await ok(db, ['settings', 'set', 'approvals.enforce', 'true']);
    await ok(db, [
      'net-assets',
      'import',
      file(
        'na.csv',
        csv(
          'date,portfolio,class,net_assets',
          netAssetsRows(GROWTH, '2024-02-01', '2024-03-29', () => '36600000.00'),
        ),
      ),
    ]);
  });

  it('February and March to the cent', async () => {
    const res = await ok(db, ['fees', '--from', '2024-02-01', '--to', '2024-03-31', '--json']);
    expect(res.warnings).toEqual([
      expect.stringMatching(/governs from 2024-03-12, the date of the Class C shareholders. vote/),
    ]);
    expect(
      (res.classes as Record<string, unknown>[]).map((c) => [
        c.month,
        c.days,
        c.distributionFee,
        c.serviceFee,
      ]),
    ).toEqual([
      ['2024-02', 29, '18000.00', '7250.00'],
      ['2024-03', 31, '20500.00', '7750.00'],
    ]);
    const days = await ok(db, ['fees', '--from', '2024-03-11', '--to', '2024-03-12', '--daily', '--json']);
    expect(
      (days.daily as Record<string, string>[]).map((d) => [d.date, d.distributionFeePct, d.distributionFee]),
    ).toEqual([
      ['2024-03-11', '0.50', '500.00'],
      ['2024-03-12', '0.75', '750.00'],
    ]);
  });
});
