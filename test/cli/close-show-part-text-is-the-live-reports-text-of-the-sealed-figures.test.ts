import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDaysBetween } from '../../src/calendar/nyseCalendar.js';
import { MONTH_CLOSE_STEPS } from '../../src/close/closeSteps.js';
import { closeMonth } from '../../src/close/monthClose.js';
import { importNetAssets } from '../../src/feeds/netAssetsFeed.js';
import { withActor } from '../../src/store/actor.js';
import { importExhibits } from '../../src/store/exhibitImport.js';
import { freshDatabase, type TestDatabase } from '../support/databases.js';
import { seedExhibitFiles } from '../support/seedDocuments.js';
import { seedsAvailable } from '../support/seeds.js';
import { type ServedQueries, servedQueries } from '../support/servedQueries.js';

/**
 * `close show --month M --part P` alone printed the close's summary lines for fees, journal and
 * monthly-calculation ("fees (portfolio, class: …)", "journal: N lines …"), not the part. Each part
 * is now printed as the live report of its name prints it, from the sealed results.
 *
 * Seed 003 (A&R Class B Agreement: 0.75% distribution fee, SEVENTH(B); 0.25% service fee, TENTH).
 * AIM Blue Chip Fund B at 36,600,000.00 a day from 2004-01-02; January 2004 closed. By hand, 2004
 * a leap year: 36,600,000.00 × 0.75% / 366 = 750.00 a day, × 0.25% / 366 = 250.00 a day; Jan 2 …
 * Jan 31 = 30 days (Jan 1 a holiday before the first row; Sat 31 carries Fri 30): 22,500.00 +
 * 7,500.00 = 30,000.00, all the Distributor's (no term end, no Transfer), due the 10th NYSE
 * business day after 2004-01-31: 2004-02-13.
 * Then Thu 2004-01-15 restated to 73,200,000.00 (1,500.00 + 500.00 that day): recomputed January
 * would be 23,250.00 + 7,750.00 = 31,000.00 — the sealed part's text stays 22,500.00 + 7,500.00.
 */
describe.skipIf(!seedsAvailable)(
  'close show --part P prints the part as its live report does, sealed',
  () => {
    let tdb: TestDatabase;
    // every command here is a query: answered on the store kept open, as the on-demand query
    // server answers a user's (what close show and the live reports print is the subject here)
    let served: ServedQueries;
    const cli = (...args: string[]) => served.run(['--actor', 'cfo', ...args]);

    beforeAll(async () => {
      tdb = await freshDatabase('pglite');
      const db = await tdb.open();
      try {
        await withActor('test setup', async () => {
          await importExhibits(
            db,
            seedExhibitFiles().filter((f) => f.fileName.includes('003_')),
          );
          const rows = businessDaysBetween('2004-01-02', '2004-01-30').map(
            (d) => `${d},AIM Blue Chip Fund,B,36600000.00`,
          );
          await importNetAssets(
            db,
            'na.csv',
            Buffer.from(['date,portfolio,class,net_assets', ...rows].join('\n')),
          );
          await closeMonth(db, '2004-01', MONTH_CLOSE_STEPS);
          await importNetAssets(
            db,
            'fix.csv',
            Buffer.from('date,portfolio,class,net_assets\n2004-01-15,AIM Blue Chip Fund,B,73200000.00'),
            { restate: true },
          );
        });
      } finally {
        await db.close();
      }
      served = servedQueries(tdb.target);
    });
    afterAll(async () => {
      await served?.release();
      await tdb?.drop();
    });

    it('fees: the table of `plan12b fees`, with the sealed figures, the restatement beside it', async () => {
      const part = await cli('close', 'show', '--month', '2004-01', '--part', 'fees');
      expect(part.code).toBe(0);
      expect(part.stdout).toMatch(/^2004-01 closed .* by /);
      const text = part.stdout.replace(/\s+/g, ' ');
      // (the portfolio's name wraps in its 80-column cell)
      expect(text).toContain('AIM Blue B 2004-01 30 36600000.00 22500.00 7500.00 30000.00 Chip Fund');
      // not the summary line, not the other parts
      expect(part.stdout).not.toMatch(/^fees \(|journal:|sealed parts:|Monthly Calculation/m);
      expect(text).toMatch(
        /restated since: .*AIM Blue Chip Fund class B 2004-01-15: 36600000\.00 → 73200000\.00/,
      );
      // the live report of the closed month reads it as sealed: the same table
      const live = await cli('fees', '--from', '2004-01-01', '--to', '2004-01-31');
      expect(live.code).toBe(0);
      expect(part.stdout).toContain(live.stdout.trimEnd());
      // recomputed from today's inputs it differs: 1,500.00 + 500.00 on Jan 15
      const now = (await cli('fees', '--from', '2004-01-01', '--to', '2004-01-31', '--recompute')).stdout;
      expect(now.replace(/\s+/g, ' ')).toContain(
        'AIM Blue B 2004-01 30 37820000.00 23250.00 7750.00 31000.00',
      );
      expect(part.stdout).not.toContain('23250.00');
    });

    it('journal: the CSV lines `plan12b journal` prints, as sealed', async () => {
      const part = await cli('close', 'show', '--month', '2004-01', '--part', 'journal');
      expect(part.code).toBe(0);
      const live = await cli('journal', '--month', '2004-01');
      expect(live.code).toBe(0);
      expect(live.stdout.split('\n')[0]).toMatch(/^date,/);
      // stdout is the journal's CSV, exactly; who closed it and the restatement since on stderr
      expect(part.stdout).toBe(live.stdout);
      expect(part.stderr).toMatch(/^2004-01 closed /);
      expect(part.stderr).toContain('restated since: net-assets AIM Blue Chip Fund class B 2004-01-15');
      const recomputed = (await cli('journal', '--month', '2004-01', '--recompute')).stdout;
      expect(recomputed).not.toBe(live.stdout);
      // the sealed journal's csv as close show --csv prints it
      const csv = await cli('close', 'show', '--month', '2004-01', '--part', 'journal', '--csv');
      expect(csv.stdout.trimEnd()).toBe(live.stdout.trimEnd());
    });

    it('monthly-calculation: the table, due date and totals of `plan12b monthly-calculation`, as sealed', async () => {
      const part = await cli('close', 'show', '--month', '2004-01', '--part', 'monthly-calculation');
      expect(part.code).toBe(0);
      const text = part.stdout.replace(/\s+/g, ' ');
      // within 80 columns: the totals wrap between clauses, never between a label and its figure
      expect(part.stdout).toContain(
        "Due 2004-02-13. Totals: Distribution Fees 22500.00;\n  Distributor's 12b-1 Share 22500.00; Earned CDSC 0.00\n",
      );
      expect(text).toContain('AIM Blue Chip Fund Distributor 22500.00 0.00');
      expect(part.stdout).not.toMatch(/^Monthly Calculation \(due/m);
      const live = await cli('monthly-calculation', '--month', '2004-01');
      expect(live.code).toBe(0);
      // the live report starts with its own headline of a closed month; then the same text
      const table = live.stdout.slice(live.stdout.indexOf('Portfolio'));
      expect(part.stdout).toContain(table.slice(0, table.indexOf('Due 2004-02-13')));
      expect(live.stdout).toContain(
        "Due 2004-02-13. Totals: Distribution Fees 22500.00;\n  Distributor's 12b-1 Share 22500.00; Earned CDSC 0.00\n",
      );
    });

    it('--json with --part: that part as sealed, its hash, the restatements since beside it', async () => {
      const fees = (await cli('close', 'show', '--month', '2004-01', '--part', 'fees', '--json')).json<{
        part: string;
        contentHash: string;
        content: { classes: { distributionFee: string; serviceFee: string; totalFee: string }[] };
        restatementsSince: { date: string; newNetAssets: string }[];
      }>();
      expect(fees.part).toBe('fees');
      expect(fees.content.classes.map((c) => [c.distributionFee, c.serviceFee, c.totalFee])).toEqual([
        ['22500.00', '7500.00', '30000.00'],
      ]);
      expect(fees.restatementsSince.map((r) => [r.date, r.newNetAssets])).toEqual([
        ['2004-01-15', '73200000.00'],
      ]);
      const whole = (await cli('close', 'show', '--month', '2004-01', '--json')).json<{
        partHashes: { part: string; contentHash: string }[];
        parts: Record<string, unknown>;
      }>();
      expect(fees.contentHash).toBe(whole.partHashes.find((p) => p.part === 'fees')!.contentHash);
      for (const part of ['journal', 'monthly-calculation', 'service-fees', 'adjustments', 'class-b']) {
        const r = await cli('close', 'show', '--month', '2004-01', '--part', part, '--json');
        if (whole.parts[part] === undefined) {
          expect(r.code).toBe(66);
          continue;
        }
        expect(r.code).toBe(0);
        expect(r.json<{ part: string; content: unknown }>()).toMatchObject({
          part,
          content: whole.parts[part],
        });
      }
    });
  },
);
