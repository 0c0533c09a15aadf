import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { importExhibits } from '../../src/import/exhibitImport.js';
import type { Database } from '../../src/store/database.js';
import { runCliOnOpenStore } from '../support/cli.js';
import { dialects, freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';

describe.skipIf(!seedsAvailable).each(dialects)('reports of a closed month on the CLI (%s)', (dialect) => {
  let tdb: TestDatabase;
  /**
   * The store, kept open across the file's queries (runCliOnOpenStore): the CLI's commands answer
   * on it as on the store they open, without a PGlite start each; what they print is the subject.
   */
  let store: Database;
  const cli = (...args: string[]) => runCliOnOpenStore(store, ['--db', tdb.target, ...args]);
  beforeAll(async () => {
    tdb = await freshDatabase(dialect);
    store = await tdb.open();
    const db = store;
    await importExhibits(
      db,
      seedExhibitFiles().filter((f) => f.fileName.includes('002_')),
    );
    const rows = (from: string, to: string) =>
      Buffer.from(
        [
          'date,portfolio,class,net_assets',
          ...businessDaysBetween(from, to).map((d) => `${d},AIM Value Fund,C,36500000.00`),
        ].join('\n'),
      );
    await importNetAssets(db, 'na.csv', rows('2006-12-29', '2007-03-30'));
    await closeMonth(db, '2007-02', MONTH_CLOSE_STEPS, { first: true });
    // 2007-02-09 (Fri, carried over the weekend) restated: +100.00 of fees a day for 3 days.
    await importNetAssets(
      db,
      'fix.csv',
      Buffer.from('date,portfolio,class,net_assets\n2007-02-09,AIM Value Fund,C,40150000.00'),
      { restate: true },
    );
  });
  afterAll(async () => {
    await store?.close();
    await tdb.drop();
  });

  it('journal --month of a closed month: the sealed journal, marked, with the restatement since listed', async () => {
    const csv = await cli('journal', '--month', '2007-02');
    expect(csv.code).toBe(0);
    expect(csv.stderr).toMatch(/2007-02 is closed: SEALED results/);
    expect(csv.stderr).toMatch(
      /net-assets restated AIM Value Fund class C 2007-02-09: 36500000\.00 → 40150000\.00/,
    );
    expect(csv.stdout.split('\n')[0]).toBe('date,entry,account,portfolio,class,debit,credit,memo');

    const json = await cli('journal', '--month', '2007-02', '--json');
    expect(json.code).toBe(0);
    // 28 days × (750.00 + 250.00) accrued, and paid again: 56,000.00 of debits as sealed.
    expect(json.json()).toMatchObject({
      month: '2007-02',
      basis: 'sealed',
      totalDebits: '56000.00',
      adjustmentsSince: [{ kind: 'restatement', reportedIn: null, date: '2007-02-09' }],
    });
  });

  it('journal --recompute: today’s data, marked as recomputed', async () => {
    const json = await cli('journal', '--month', '2007-02', '--recompute', '--json');
    expect(json.code).toBe(0);
    // + 3 days × 100.00, accrued and paid: 56,600.00
    expect(json.json()).toMatchObject({ basis: 'recomputed', totalDebits: '56600.00' });
    const text = await cli('journal', '--month', '2007-02', '--recompute');
    expect(text.stderr).toMatch(/2007-02 is closed: RECOMPUTED from today's data, not the sealed results/);
  });

  it('a closed month’s journal with another payment date needs --recompute (exit 64)', async () => {
    const r = await cli('journal', '--month', '2007-02', '--payment-days', '5');
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/--recompute/);
    expect((await cli('journal', '--month', '2007-02', '--payment-days', '5', '--recompute')).code).toBe(0);
  });

  it('fees over a range holding a closed month: its sealed figures, the restatement since listed beside', async () => {
    const json = await cli('fees', '--from', '2007-02-01', '--to', '2007-03-31', '--json');
    expect(json.code).toBe(0);
    const doc = json.json() as {
      classes: { month: string; distributionFee: string; serviceFee: string; totalFee: string }[];
      closedMonths: { month: string; basis: string; adjustmentsSince: { kind: string; date: string }[] }[];
    };
    // 36,500,000.00 a day at 0.75% and 0.25% a year: 750.00 and 250.00 a day; 28 February days, as
    // sealed (the restatement of Friday 02-09 would add 3 × 100.00)
    expect(doc.classes.find((c) => c.month === '2007-02')).toMatchObject({
      distributionFee: (28 * 750).toFixed(2),
      serviceFee: (28 * 250).toFixed(2),
      totalFee: (28 * 1000).toFixed(2),
    });
    expect(doc.closedMonths).toMatchObject([
      { month: '2007-02', basis: 'sealed', adjustmentsSince: [{ kind: 'restatement', date: '2007-02-09' }] },
    ]);
    expect(doc).not.toHaveProperty('recomputedClosedMonths');
    const text = await cli('fees', '--from', '2007-02-01', '--to', '2007-02-28');
    expect(text.stderr).toMatch(/2007-02 is closed: SEALED fees/);
    expect(text.stderr).toMatch(
      /net-assets restated AIM Value Fund class C 2007-02-09: 36500000\.00 → 40150000\.00/,
    );
    const open = await cli('fees', '--from', '2007-03-01', '--to', '2007-03-31', '--json');
    expect(open.json()).not.toHaveProperty('closedMonths');
  });

  it('fees over part of a closed month: computed from the net assets it was sealed with', async () => {
    // Monday 02-05 … Sunday 02-11: 7 days at 1,000.00 as sealed; today’s data adds Fri–Sun 3 × 100.00
    const part = (await cli('fees', '--from', '2007-02-05', '--to', '2007-02-11', '--json')).json() as {
      classes: { totalFee: string }[];
      closedMonths: { basis: string }[];
    };
    expect(part.classes).toMatchObject([{ totalFee: (7 * 1000).toFixed(2) }]);
    expect(part.closedMonths).toMatchObject([{ basis: 'as-sealed' }]);
    const daily = (
      await cli('fees', '--from', '2007-02-05', '--to', '2007-02-11', '--daily', '--json')
    ).json() as { daily: { date: string; netAssets: string }[] };
    expect(daily.daily.find((d) => d.date === '2007-02-10')?.netAssets).toBe('36500000.00');
  });

  it('fees --recompute: today’s data, the closed month named as recomputed', async () => {
    const whole = (
      await cli('fees', '--from', '2007-02-01', '--to', '2007-02-28', '--recompute', '--json')
    ).json();
    expect(whole).toMatchObject({
      classes: [{ month: '2007-02', totalFee: (28 * 1000 + 3 * 100).toFixed(2) }],
      recomputedClosedMonths: ['2007-02'],
      closedMonths: [{ month: '2007-02', basis: 'recomputed' }],
    });
    const part = (
      await cli('fees', '--from', '2007-02-05', '--to', '2007-02-11', '--recompute', '--json')
    ).json() as { classes: { totalFee: string }[] };
    expect(part.classes).toMatchObject([{ totalFee: (7 * 1000 + 3 * 100).toFixed(2) }]);
  });

  it('board-report of a quarter holding a closed month: its fees as sealed (what was paid)', async () => {
    const r = await cli('board-report', '--quarter', '2007Q1', '--json');
    expect(r.code).toBe(0);
    // January 31 days and March 31 days (open) and February 28 days (sealed) at 1,000.00 a day;
    // today’s data would add February’s restated Friday–Sunday, 3 × 100.00
    expect((r.json() as { feesTotal: { totalFee: string } }).feesTotal.totalFee).toBe(
      ((31 + 28 + 31) * 1000).toFixed(2),
    );
  });

  it('service-fees, monthly-calculation and distributor-share --month of a closed month are marked sealed', async () => {
    const fees = await cli('service-fees', '--month', '2007-02');
    expect(fees.code).toBe(0);
    expect(fees.stdout).toMatch(/2007-02 is closed: SEALED results/);
    expect(fees.stdout).toMatch(/Prior-period adjustments since the close:/);
    expect((await cli('service-fees', '--month', '2007-02', '--json')).json()).toMatchObject({
      basis: 'sealed',
    });
    expect((await cli('service-fees', '--month', '2007-02', '--recompute', '--json')).json()).toMatchObject({
      basis: 'recomputed',
    });

    const mc = await cli('monthly-calculation', '--month', '2007-02', '--json');
    expect(mc.code).toBe(0);
    expect(mc.json()).toMatchObject({ month: '2007-02', basis: 'sealed' });
    expect((await cli('monthly-calculation', '--month', '2007-02', '--csv')).stderr).toMatch(/SEALED/);

    const share = await cli('distributor-share', '--month', '2007-02');
    expect(share.code).toBe(0);
    expect(share.stdout).toMatch(/2007-02 is closed: SEALED results/);
    expect((await cli('distributor-share', '--month', '2007-02', '--json')).json()).toMatchObject({
      basis: 'sealed',
      sealedIn: 'monthly-calculation',
    });
    expect(
      (await cli('distributor-share', '--month', '2007-02', '--recompute', '--json')).json(),
    ).toMatchObject({
      basis: 'recomputed',
    });
  });
});
