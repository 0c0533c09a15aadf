import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isBusinessDay } from '../../src/calendar/nyseCalendar.js';
import { GROWTH, INCOME, PLAN_TEXT, planAmendmentText } from '../calc6/support/zenith.js';
import { type CliStore, cliStore, csvRows, pdfText } from '../calc7/support.js';

/**
 * Governance (SPEC §10; Plan §§5–9, §11 as the seeds' plans word them) and the quarterly board
 * report (Plan §8), through the CLI, every figure worked by hand.
 *
 * Plan: the calc6 Zenith Master Distribution Plan (Class C Shares), dated and effective 2023-01-03,
 *   here at ABSC 0.50% / service 0.25% / aggregate 0.75% for both Zenith Growth Fund and Zenith
 *   Income Fund. Amendment No. 1, effective 2024-02-15, replaces Schedule A: Growth 0.51 / 0.25 /
 *   0.76 (a raise of 0.01%: the smallest raise is an increase, Plan §11 — plan12b measures no
 *   threshold, DOMAIN §1.2(5) gives none), Income 0.45 / 0.25 / 0.70 (a decrease: no vote of the
 *   shareholders needed).
 * Settings: approvals.enforce true; continuance.basis twelve-months-after-approval.
 *
 * Board votes on the amendment (Plan §6: a majority of the Board AND of the Dis-interested
 * Trustees, cast in person at a meeting called for the purpose):
 *   2024-02-16 9 of 9 and 6 of 6 but not in person → does not count;
 *   2024-02-18 6 of 9 trustees, 3 of 6 Dis-interested (not MORE than half) → does not count;
 *   2024-02-20 5 of 9 and 4 of 6, in person → carries: the amendment governs Income from 02-20
 *     (later than its effective date 02-15: "effective immediately upon the receipt" of the votes).
 * Growth's Class C shareholders (Plan §5, §2(a)(42)): 2024-03-04 500,000 present of 1,000,000 (not
 *   more than 50%: no quorum for (A)) and 500,000 for (not more than 50% of the outstanding for (B))
 *   → fails; 2024-03-11 600,000 present, 402,000 for = 67% of those present exactly → carries (A):
 *   Growth's raise governs from 2024-03-11.
 *
 * Fees (SPEC §4; 2024 is a leap year, net assets 3,660,000.00 every day of 2024, 3,650,000.00 of 2025): 0.50% → 50.00 a day,
 *   0.51% → 51.00, 0.45% → 45.00, service 0.25% → 25.00.
 *   Feb (29 days): Growth 29 × 50.00 = 1,450.00, service 725.00; Income 19 × 50.00 + 10 × 45.00 =
 *     950.00 + 450.00 = 1,400.00, service 725.00.
 *   Mar: Growth 10 × 50.00 + 21 × 51.00 = 500.00 + 1,071.00 = 1,571.00, service 775.00; Income
 *     terminated by the trustees from 2024-03-20 (Plan §9: no payment beyond the termination
 *     date): 19 × 45.00 = 855.00, service 19 × 25.00 = 475.00.
 *   2024Q1 (January has no net assets: nothing): Growth 3,021.00 + 1,500.00, Income 2,255.00 +
 *     1,200.00; total 7,976.00.
 *
 * Continuance (Plan §7 "at least annually"), twelve months after the approval that met the last:
 *   first deadline 2024-01-03 (a plan dated after the 2003-06-30 setting: one year after its date),
 *   met by 2023-12-14; next 2024-12-14, met by the 2024-02-29 vote (after 2024-01-03, on or before
 *   2024-12-14); next 2025-02-28 (2025 has no February 29); the 2025-02-20 vote is not in person →
 *   missed: the Plan lapses, ending 2025-03-01. With enforcement on no fee is due from that day:
 *   2025-02-24..02-28 (2025 is not a leap year; 3,650,000.00 × 0.51% / 365 = 51.00, service 25.00):
 *   5 × 51.00 = 255.00 and 125.00; March 1–7 nothing.
 *
 * The board report's instruments in force at 2024-03-31: Schedule A of Amendment No. 1, for Growth
 *   only (Income's Plan terminated), in force for it since 2024-03-11 — the day its approvals made
 *   it govern, as `fees` and `schedule` read it — not the document's effective date 2024-02-15.
 * Expenditures of 2024Q1 (Plan §3): Growth dealer-compensation 1,000.00 (2024Q1) and advertising
 *   250.50 (2024-03-15); Income plan-administration 99.99 → by purpose 1,000.00, 250.50, 99.99;
 *   total 1,350.49.
 */

const PLAN = PLAN_TEXT.replace(/0\.75%(\s+)0\.25%(\s+)1\.00%/g, '0.50%$10.25%$20.75%');
const AMENDMENT_1 = planAmendmentText(1, 'February 15, 2024', [
  [GROWTH, '0.51', '0.25', '0.76'],
  [INCOME, '0.45', '0.25', '0.70'],
]);

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    const iso = d.toISOString().slice(0, 10);
    if (isBusinessDay(iso)) out.push(iso);
  }
  return out;
}

interface FeesJson {
  classes: {
    portfolio: string;
    class: string;
    month: string;
    days: number;
    distributionFee: string;
    serviceFee: string;
  }[];
  warnings: string[];
}

let store: CliStore;
const board = (date: string, doc: string, approves: string, t: string, d: string, inPerson: string) =>
  `${date},board,${approves},${doc},,,,${t},${d},${inPerson},yes,,,`;

describe('Governance and the quarterly board report by hand through the CLI', () => {
  beforeAll(async () => {
    store = await cliStore('calc9-governance');
    const s = store;
    await s.ok('exhibit', 'import', s.file('plan.txt', [PLAN]), s.file('amendment-1.txt', [AMENDMENT_1]));
    await s.ok('settings', 'set', 'approvals.enforce', 'true');
    await s.ok('settings', 'set', 'continuance.basis', 'twelve-months-after-approval');
    await s.ok(
      'approvals',
      'import',
      s.file('approvals.csv', [
        'meeting_date,body,approves,document,instrument,portfolio,class,trustees_for,trustees_against,trustees_absent,disinterested_for,disinterested_against,disinterested_absent,in_person,called_for_purpose,shares_outstanding,shares_present,shares_for',
        board('2022-12-15', 'plan.txt', 'instrument', '9,0,0', '6,0,0', 'yes'),
        board('2023-12-14', 'plan.txt', 'continuance', '9,0,0', '6,0,0', 'yes'),
        board('2024-02-16', 'amendment-1.txt', 'amendment', '9,0,0', '6,0,0', 'no'),
        board('2024-02-18', 'amendment-1.txt', 'amendment', '6,3,0', '3,3,0', 'yes'),
        board('2024-02-20', 'amendment-1.txt', 'amendment', '5,4,0', '4,2,0', 'yes'),
        board('2024-02-29', 'plan.txt', 'continuance', '9,0,0', '6,0,0', 'yes'),
        `2024-03-04,shareholders,amendment,amendment-1.txt,,${GROWTH},C,,,,,,,,,1000000,500000,500000`,
        `2024-03-11,shareholders,amendment,amendment-1.txt,,${GROWTH},C,,,,,,,,,1000000,600000,402000`,
        board('2025-02-20', 'plan.txt', 'continuance', '9,0,0', '6,0,0', 'no'),
      ]),
    );
    await s.ok(
      'terminations',
      'import',
      s.file('terminations.csv', [
        'instrument,portfolio,class,date,by,notice_date,reason',
        `plan,${INCOME},C,2024-03-20,trustees,,resolution of the Dis-interested Trustees`,
      ]),
    );
    await s.ok(
      'net-assets',
      'import',
      s.file('net-assets.csv', [
        'date,portfolio,class,net_assets',
        ...days('2024-02-01', '2024-12-31').map((d) => `${d},${GROWTH},C,3660000.00`),
        ...days('2024-02-01', '2024-03-19').map((d) => `${d},${INCOME},C,3660000.00`),
        ...days('2025-01-02', '2025-03-07').map((d) => `${d},${GROWTH},C,3650000.00`),
      ]),
    );
    await s.ok(
      'expenditures',
      'import',
      s.file('expenditures.csv', [
        'portfolio,class,period,purpose,amount,description',
        `${GROWTH},C,2024Q1,dealer-compensation,1000.00,`,
        `${GROWTH},C,2024-03-15,advertising,250.50,`,
        `${INCOME},C,2024Q1,plan-administration,99.99,`,
      ]),
    );
  });
  afterAll(() => store?.remove());

  it('the votes: only in-person majorities of both the Board and the Dis-interested Trustees carry; §2(a)(42) for the class', async () => {
    const r = await store.json<{ approvals: { meetingDate: string; body: string; carried: boolean }[] }>(
      'approvals',
      'list',
    );
    expect(r.approvals.map((a) => [a.meetingDate, a.body, a.carried])).toEqual([
      ['2022-12-15', 'board', true],
      ['2023-12-14', 'board', true],
      ['2024-02-16', 'board', false],
      ['2024-02-18', 'board', false],
      ['2024-02-20', 'board', true],
      ['2024-02-29', 'board', true],
      ['2024-03-04', 'shareholders', false],
      ['2024-03-11', 'shareholders', true],
      ['2025-02-20', 'board', false],
    ]);
  });

  it('fees before and after the approvals: the decrease from the Board vote, the 0.01% raise from the shareholders vote; none after the termination', async () => {
    const f = await store.json<FeesJson>('fees', '--from', '2024-02-01', '--to', '2024-03-31');
    expect(f.classes.map((c) => [c.portfolio, c.month, c.distributionFee, c.serviceFee])).toEqual([
      [GROWTH, '2024-02', '1450.00', '725.00'],
      [GROWTH, '2024-03', '1571.00', '775.00'],
      [INCOME, '2024-02', '1400.00', '725.00'],
      [INCOME, '2024-03', '855.00', '475.00'],
    ]);
    const w = f.warnings.join('\n');
    // the raise waited for the class's shareholders (Plan §5); the decrease only for the Board (§6)
    expect(w).toContain(
      "Zenith Growth Fund class C: governs from 2024-03-11, the date of the Class C shareholders' vote",
    );
    expect(w).toContain("Zenith Income Fund class C: governs from 2024-02-20, the date of the Board's vote");
    expect(w).toContain('Zenith Income Fund class C: from 2024-03-20: the Plan was terminated');
    // the days around each change, one at a time
    const day = async (d: string) =>
      (await store.json<FeesJson>('fees', '--from', d, '--to', d)).classes.map((c) => [
        c.portfolio,
        c.distributionFee,
      ]);
    expect(await day('2024-02-19')).toEqual([
      [GROWTH, '50.00'],
      [INCOME, '50.00'],
    ]);
    expect(await day('2024-02-20')).toEqual([
      [GROWTH, '50.00'],
      [INCOME, '45.00'],
    ]);
    expect(await day('2024-03-10')).toEqual([
      [GROWTH, '50.00'],
      [INCOME, '45.00'],
    ]);
    expect(await day('2024-03-11')).toEqual([
      [GROWTH, '51.00'],
      [INCOME, '45.00'],
    ]);
  });

  it('continuance: 2024-01-03 met, 2024-12-14 met by the leap-day vote, 2025-02-28 missed; the Plan ends 2025-03-01', async () => {
    type Cont = {
      instruments: {
        status: string;
        firstDeadline: string;
        nextDeadline: string | null;
        endsOn: string | null;
        missedDeadline: string | null;
        periods: { deadline: string; metBy: { meetingDate: string } | null }[];
      }[];
    };
    const before = await store.json<Cont>('continuance', '--as-of', '2024-06-30');
    expect(before.instruments.map((i) => [i.status, i.firstDeadline, i.nextDeadline, i.endsOn])).toEqual([
      ['in force', '2024-01-03', '2024-12-14', null],
    ]);
    const after = await store.json<Cont>('continuance', '--as-of', '2025-03-03');
    const plan = after.instruments[0]!;
    expect([plan.status, plan.endsOn, plan.missedDeadline]).toEqual(['lapsed', '2025-03-01', '2025-02-28']);
    expect(plan.periods.map((p) => [p.deadline, p.metBy?.meetingDate ?? null])).toEqual([
      ['2024-01-03', '2023-12-14'],
      ['2024-12-14', '2024-02-29'],
      ['2025-02-28', null],
    ]);
    const f = await store.json<FeesJson>('fees', '--from', '2025-02-24', '--to', '2025-03-07');
    // nothing accrues from 2025-03-01: the month has no fee row, and the answer says why
    expect(f.classes.map((c) => [c.portfolio, c.month, c.distributionFee, c.serviceFee])).toEqual([
      [GROWTH, '2025-02', '255.00', '125.00'],
    ]);
    expect(f.warnings.join('\n')).toContain('2025-03-01');
  });

  it('the 2024Q1 board report: fees by portfolio and class equal the months by hand; amounts spent by Plan §3 purpose; CSV, JSON and PDF agree', async () => {
    type Report = {
      fees: {
        portfolio: string;
        class: string;
        distributionFee: string;
        serviceFee: string;
        totalFee: string;
      }[];
      feesTotal: { distributionFee: string; serviceFee: string; totalFee: string };
      expendituresByPurpose: { purpose: string; amount: string }[];
      expendituresTotal: string;
      approvals: unknown[] | null;
      continuance: unknown[] | null;
    };
    const r = await store.json<Report>('board-report', '--quarter', '2024Q1');
    expect(r.fees.map((f) => [f.portfolio, f.class, f.distributionFee, f.serviceFee, f.totalFee])).toEqual([
      [GROWTH, 'C', '3021.00', '1500.00', '4521.00'],
      [INCOME, 'C', '2255.00', '1200.00', '3455.00'],
    ]);
    // 3,021.00 + 2,255.00 = 5,276.00; 1,500.00 + 1,200.00 = 2,700.00
    expect(r.feesTotal).toEqual({ distributionFee: '5276.00', serviceFee: '2700.00', totalFee: '7976.00' });
    expect(r.expendituresByPurpose.map((e) => [e.purpose, e.amount])).toEqual([
      ['dealer-compensation', '1000.00'],
      ['advertising', '250.50'],
      ['plan-administration', '99.99'],
    ]);
    expect(r.expendituresTotal).toBe('1350.49');
    // the quarter's votes: all six meetings of 2024Q1, carried or not
    expect(r.approvals).toHaveLength(6);

    const csv = csvRows(await store.ok('board-report', '--quarter', '2024Q1', '--csv'));
    // in force at quarter end: Schedule A of Amendment No. 1 for Growth only (Income terminated), and
    // for Growth only from its shareholders' approval on 2024-03-11 (Plan §§5–6), not from 2024-02-15
    expect(csv.filter((x) => x.section === 'instruments in force').map((x) => [x.item, x.detail])).toEqual([
      ['Master Distribution Plan', 'Schedule A, in force since 2024-03-11; 1 portfolios, 1 classes'],
    ]);
    const line = (section: string, portfolio: string, item: string) =>
      csv.find((x) => x.section === section && x.portfolio === portfolio && x.item === item)?.amount;
    expect([
      line('fees paid', GROWTH, 'distribution fee'),
      line('fees paid', GROWTH, 'service fee'),
      line('fees paid', INCOME, 'distribution fee'),
      line('fees paid', INCOME, 'service fee'),
    ]).toEqual(['3021.00', '1500.00', '2255.00', '1200.00']);
    expect(
      csv.filter((x) => x.section === 'amounts spent by purpose').map((x) => [x.item, x.amount]),
    ).toEqual([
      ['dealer-compensation', '1000.00'],
      ['advertising', '250.50'],
      ['plan-administration', '99.99'],
    ]);

    await store.ok('board-report', '--quarter', '2024Q1', '--pdf', join(store.dir, 'q1.pdf'));
    const pdf = pdfText(join(store.dir, 'q1.pdf'));
    for (const figure of ['3,021.00', '1,500.00', '2,255.00', '1,200.00', '7,976.00', '1,350.49'])
      expect(pdf, figure).toContain(figure);
  });
});
